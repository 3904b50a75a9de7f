import type { RDSClient } from "@aws-sdk/client-rds";
import { QuotaBucket } from "../../../../emulator/quotaBucket";
import { paceRdsClient } from "../../../../provider/rds/pacedRdsClient";
import { DEFAULT_RATE_LIMITER_SETTINGS } from "../../../../provider/rds/rateLimiterSettings";
import { RdsRateLimiter } from "../../../../provider/rds/rdsRateLimiter";

/**
 * B5 in miniature, on a simulated clock: the provider's default share (the real limiter and paced
 * client) sends a fleet's 1,057 requests into RDS's bucket (300 burst, 12/s, the emulator's
 * QuotaBucket), alone and beside an unrelated client spending 6 requests a second with the SDK's
 * standard retries (3 attempts, throttling back-off up to 1 s × 2^retry). Each request takes
 * 20–80 ms (seeded jitter: perfectly periodic arrivals would let one client win every race for
 * a token) to reach the bucket and as long to come back. Nothing real waits: an event queue
 * advances the clock.
 */
const REQUESTS = 1_057;
const QUOTA = { quotaBurst: 300, quotaRatePerSecond: 12 };

class Simulation {
  now = 0;
  private events: { at: number; seq: number; run: () => void }[] = [];
  private seq = 0;

  at(delayMs: number, run: () => void): void {
    this.events.push({ at: this.now + delayMs, seq: this.seq++, run });
    this.events.sort((a, b) => a.at - b.at || a.seq - b.seq);
  }

  sleep = (ms: number): Promise<void> => new Promise((resolve) => this.at(ms, resolve));

  /** Runs events in time order, letting promise chains settle between them, until none is left. */
  async run(): Promise<void> {
    for (;;) {
      await new Promise((resolve) => setImmediate(resolve));
      const next = this.events.shift();
      if (!next) return;
      this.now = next.at;
      next.run();
    }
  }
}

/** A deterministic stand-in for the SDK's jitter. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => (state = (state * 16807) % 2147483647) / 2147483647;
}

function scenario(neighbourRate: number, seed: number, tokensLeft = QUOTA.quotaBurst) {
  const sim = new Simulation();
  const bucket = new QuotaBucket();
  for (let spent = 0; spent < QUOTA.quotaBurst - tokensLeft; spent++) bucket.take(0, QUOTA);
  const wire = { ours: 0, oursThrottled: 0, neighbour: 0, neighbourThrottled: 0 };
  const jitter = seeded(seed);
  const latency = () => 20 + Math.floor(jitter() * 60);
  const roundTrip = (ours: boolean): Promise<boolean> =>
    sim.sleep(latency()).then(async () => {
      const ok = bucket.take(sim.now, QUOTA);
      if (ours) {
        wire.ours += 1;
        if (!ok) wire.oursThrottled += 1;
      } else {
        wire.neighbour += 1;
        if (!ok) wire.neighbourThrottled += 1;
      }
      await sim.sleep(latency());
      return ok;
    });
  const fakeRds = {
    send: async () => {
      if (await roundTrip(true)) return {};
      throw Object.assign(new Error("Rate exceeded"), { name: "Throttling" });
    },
  } as unknown as RDSClient;
  const limiter = new RdsRateLimiter(DEFAULT_RATE_LIMITER_SETTINGS, {
    clock: { now: () => sim.now },
    sleep: sim.sleep,
  });
  const client = paceRdsClient(fakeRds, limiter, 8);
  let lastAnswer = 0;
  const fleet = Promise.all(
    Array.from({ length: REQUESTS }, () =>
      client.send({} as never).then(() => void (lastAnswer = sim.now)),
    ),
  );
  const neighbour = { calls: 0, failed: 0 };
  const random = seeded(seed * 3 + 1);
  const neighbourCall = async () => {
    for (let retry = 0; ; retry++) {
      if (await roundTrip(false)) return;
      if (retry === 2) return void (neighbour.failed += 1);
      await sim.sleep(Math.floor(random() * 1000 * 2 ** retry));
    }
  };
  let fleetDone = false;
  const tick = () => {
    if (fleetDone) return;
    neighbour.calls += 1;
    void neighbourCall();
    sim.at(1000 / neighbourRate, tick);
  };
  if (neighbourRate > 0) tick();
  void fleet.then(() => (fleetDone = true));
  return { sim, wire, neighbour, limiter, lastAnswer: () => lastAnswer };
}

const SEEDS = [11, 222, 3_333, 44_444, 555, 6_666, 77, 8_888, 99_999, 12_345, 31_337, 4_242];

async function runAll(neighbourRate: number, tokensLeft?: number) {
  const runs = [];
  for (const seed of SEEDS) {
    const s = scenario(neighbourRate, seed, tokensLeft);
    await s.sim.run();
    runs.push(s);
  }
  return runs;
}

/** What the bucket allows beside the neighbour's 6/s, with B5's 20 s transition: 146.2 s. */
const SHARED_LIMIT_S = 20 + (REQUESTS - 300) / 6;

describe("the default share against RDS's bucket (simulated clock, 12 jitter seeds)", () => {
  it("alone: no throttled answer, every request gone at the configured ceiling", async () => {
    const s = scenario(0, 104_729);
    await s.sim.run();
    expect(s.wire).toEqual({
      ours: REQUESTS,
      oursThrottled: 0,
      neighbour: 0,
      neighbourThrottled: 0,
    });
    // 270 at once, then 787 at 11/s: the last leaves at 71.5 s (the limiter's ceil to 1 ms per
    // token adds a little) and is answered 40–160 ms later.
    expect(s.lastAnswer() / 1000).toBeCloseTo(71.7, 0);
    // The bucket's own limit for these requests is 757 / 12 = 63.1 s; with B5's 20 s transition
    // that is 83.1 s against about 91.7 s: 1.10 ×.
    expect((s.lastAnswer() / 1000 + 20) / (20 + (REQUESTS - 300) / 12)).toBeLessThan(1.12);
  });

  it("beside a neighbour at 6/s: throttled ≤ 1 %, settles near the 6/s left, the neighbour nearly never fails", async () => {
    const runs = await runAll(6);
    for (const s of runs) {
      expect(s.wire.oursThrottled / s.wire.ours).toBeLessThanOrEqual(0.01);
      expect(s.wire.ours).toBe(REQUESTS + s.wire.oursThrottled);
      expect((s.lastAnswer() / 1000 + 20) / SHARED_LIMIT_S).toBeLessThan(1.1);
      // Two cuts: at 11/s when the burst ran the bucket dry, then at about 6.5/s on the way back,
      // which taught a ceiling near the 6/s the neighbour leaves (climbing back, slowly).
      expect(s.limiter.stats.cuts).toBe(2);
      expect(s.limiter.ceilingAt(s.sim.now)).toBeGreaterThan(6);
      expect(s.limiter.ceilingAt(s.sim.now)).toBeLessThan(7.5);
    }
    // Each cut is learned from our own throttled answer; until it comes, the neighbour takes its
    // share of the refusals, and its SDK gives up after three in a row: rare, not never.
    const failed = runs.reduce((n, s) => n + s.neighbour.failed, 0);
    const calls = runs.reduce((n, s) => n + s.neighbour.calls, 0);
    expect(calls).toBeGreaterThan(9_000);
    expect(failed).toBeLessThanOrEqual(1);
  });

  it("beside the neighbour, on a bucket others drained to 60 tokens: the in-flight bound keeps throttling ≤ 1 %", async () => {
    const runs = await runAll(6, 60);
    for (const s of runs) expect(s.wire.oursThrottled / s.wire.ours).toBeLessThanOrEqual(0.01);
    const failed = runs.reduce((n, s) => n + s.neighbour.failed, 0);
    expect(failed).toBeLessThanOrEqual(1);
  });
});
