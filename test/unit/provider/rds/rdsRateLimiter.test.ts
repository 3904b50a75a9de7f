import {
  maxInFlight,
  RdsRateLimiter,
  RequestNotSentError,
} from "../../../../provider/rds/rdsRateLimiter";
import { FakeTime } from "../support/fakeTime";

/**
 * A limiter on a fake clock. The fake sleep advances the clock at once, so the sleep sequence is
 * the schedule; `grants` records the order calls were let through.
 */
function limiter(ratePerSecond: number, burst: number) {
  const time = new FakeTime();
  const l = new RdsRateLimiter({ ratePerSecond, burst }, { clock: time.clock, sleep: time.sleep });
  const grants: number[] = [];
  let next = 0;
  /** Acquires, and frees the slot at once (an answer in no time). */
  const take = (signal?: AbortSignal) => {
    const n = next++;
    return l.acquire(signal).then(() => {
      grants.push(n);
      l.release();
    });
  };
  return { time, l, grants, take };
}

describe("RdsRateLimiter", () => {
  it("hands out the burst at once, then one token per 1/rate s, first come first served", async () => {
    const { time, grants, take, l } = limiter(4, 2);
    await Promise.all(Array.from({ length: 5 }, () => take()));
    expect(grants).toEqual([0, 1, 2, 3, 4]);
    expect(time.sleeps).toEqual([250, 250, 250]);
    expect(l.stats).toEqual({ granted: 5, throttled: 0, cuts: 0 });
  });

  it("refills while idle, never above the burst", async () => {
    const { time, take } = limiter(4, 2);
    await Promise.all([take(), take()]);
    time.nowMs = 10_000;
    await Promise.all([take(), take(), take()]);
    expect(time.sleeps).toEqual([250]);
  });

  it("on a throttled answer halves the rate, learns a ceiling, empties the bucket and paces at the cut rate", async () => {
    const { time, take, l } = limiter(4, 2);
    const grantedAt = await l.acquire();
    l.recordThrottle(grantedAt);
    expect(l.rateAt(0)).toBe(2);
    expect(l.ceilingAt(0)).toBe(3);
    expect(l.rateAt(30_000)).toBeCloseTo(2.5, 10);
    expect(l.rateAt(60_000)).toBeCloseTo(3, 10);
    await Promise.all([take(), take()]);
    // 1 token at 2/s: 500 ms; by then the rate is 2 + 1 × 500/60000 and 1/240 token is left over.
    expect(time.sleeps).toEqual([500, Math.ceil(((1 - 1 / 240) * 1000) / (2 + 1 / 120))]);
    expect(time.sleeps[1]).toBe(496);
    expect(l.stats).toEqual({ granted: 3, throttled: 1, cuts: 1 });
  });

  it("counts throttled answers to requests granted before the cut settled as the same signal: one cut", async () => {
    const { time, l } = limiter(6, 150);
    const first = await l.acquire();
    const second = await l.acquire();
    time.nowMs = 200;
    l.recordThrottle(first);
    const afterCut = await l.acquire(); // the bucket was emptied: 1 token at 3/s, 334 ms
    expect(afterCut).toBe(534);
    time.nowMs = 1_500;
    l.recordThrottle(second); // granted before the cut, answered 1.3 s after it
    l.recordThrottle(afterCut); // left before RDS's bucket could refill at the lower rate
    expect(l.stats).toEqual({ granted: 3, throttled: 3, cuts: 1 });
    time.nowMs = 2_000;
    const later = await l.acquire();
    expect(later).toBe(2_000);
    l.recordThrottle(later);
    expect(l.stats.cuts).toBe(2);
    expect(l.rateAt(2_000)).toBeCloseTo((3 + (1.5 * 1_800) / 60_000) / 2, 10);
  });

  it("never cuts below an eighth of the configured rate", () => {
    const { time, l } = limiter(8, 10);
    for (let i = 0; i < 10; i++) {
      l.recordThrottle(time.nowMs);
      time.nowMs += 1_000;
    }
    expect(l.rateAt(time.nowMs - 1_000)).toBe(1);
  });

  it("gives up a waiting call on abort: RequestNotSentError, remembered as never sent, its turn passes on", async () => {
    const { time, grants, take, l } = limiter(1, 1);
    await take();
    const controller = new AbortController();
    const queued = take(controller.signal);
    const after = take();
    controller.abort(new Error("deadline"));
    await expect(queued).rejects.toBeInstanceOf(RequestNotSentError);
    await after;
    expect(l.neverSent(controller.signal)).toBe(true);
    expect(grants).toEqual([0, 2]);
    expect(time.sleeps).toEqual([1000]);
  });

  it("refuses an already aborted signal without taking a token", async () => {
    const { l } = limiter(1, 1);
    const signal = AbortSignal.abort();
    await expect(l.acquire(signal)).rejects.toThrow(
      "the call was still waiting for its share of the RDS request quota",
    );
    expect(l.stats.granted).toBe(0);
  });

  it("lets at most max(4, 0.4 s at the rate) requests be in flight; release() lets the next one go", async () => {
    expect(maxInFlight({ ratePerSecond: 11, burst: 270 })).toBe(5);
    expect(maxInFlight({ ratePerSecond: 2, burst: 10 })).toBe(4);
    expect(maxInFlight({ ratePerSecond: 1000, burst: 10000 })).toBe(400);
    const { time, l } = limiter(11, 270);
    const granted: number[] = [];
    const calls = Array.from({ length: 7 }, (_, i) => l.acquire().then(() => granted.push(i)));
    await Promise.all(calls.slice(0, 5));
    await Promise.resolve();
    expect(granted).toEqual([0, 1, 2, 3, 4]); // tokens for all 7, slots for 5
    l.release();
    await calls[5];
    expect(granted).toEqual([0, 1, 2, 3, 4, 5]);
    l.release();
    l.release();
    await calls[6];
    expect(granted).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(time.sleeps).toEqual([]);
  });

  it("a throttled answer recorded before release() empties the bucket before the next request goes", async () => {
    const { time, l } = limiter(11, 270);
    const first = await Promise.all(Array.from({ length: 5 }, () => l.acquire()));
    const waiting = l.acquire();
    l.recordThrottle(first[0] ?? 0);
    l.release();
    expect(await waiting).toBe(time.nowMs);
    // 1 token at 5.5/s after the cut: 182 ms.
    expect(time.sleeps).toEqual([182]);
    expect(l.stats).toEqual({ granted: 6, throttled: 1, cuts: 1 });
  });
});
