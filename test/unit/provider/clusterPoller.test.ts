import type { DBCluster } from "@aws-sdk/client-rds";
import {
  COALESCE_WINDOW_MS,
  ClusterPoller,
  type Sleep,
  type WaitRequest,
} from "../../../provider/poller/clusterPoller";
import { FakeTime } from "./support/fakeTime";

/** A describe that reports `statusOf(id, now)` for every id asked. */
function fakeApi(time: FakeTime, statusOf: (id: string, now: number) => string | undefined) {
  const calls: string[][] = [];
  const describeClusters = (ids: readonly string[]) => {
    calls.push([...ids]);
    const found = new Map<string, DBCluster>();
    for (const id of ids) {
      const status = statusOf(id, time.nowMs);
      if (status) found.set(id, { DBClusterIdentifier: id, Status: status });
    }
    return Promise.resolve(found);
  };
  return { calls, api: { describeClusters } };
}

function request(id: string, overrides: Partial<WaitRequest> = {}): WaitRequest {
  return {
    clusterIdentifier: id,
    firstDelayMs: 0,
    observe: (cluster) => cluster?.Status === "stopped",
    nextDelayMs: () => 1000,
    deadlineAt: Number.POSITIVE_INFINITY,
    timeoutError: () => new Error(`timeout ${id}`),
    ...overrides,
  };
}

function poller(time: FakeTime, api: ReturnType<typeof fakeApi>["api"], sleep: Sleep = time.sleep) {
  return new ClusterPoller({ api, clock: time.clock, sleep, maxConsecutiveDescribeErrors: 3 });
}

describe("ClusterPoller", () => {
  it("sleeps the requested delays and resolves with the accepted observation", async () => {
    const time = new FakeTime();
    const { api, calls } = fakeApi(time, (_id, now) => (now >= 2500 ? "stopped" : "stopping"));
    const delays = [700, 900, 1100];
    const cluster = await poller(time, api).waitFor(
      request("dev", { firstDelayMs: 300, nextDelayMs: () => delays.shift() ?? 5000 }),
    );
    expect(time.sleeps).toEqual([300, 700, 900, 1100]);
    expect(calls).toEqual([["dev"], ["dev"], ["dev"], ["dev"]]);
    expect(cluster).toEqual({ DBClusterIdentifier: "dev", Status: "stopped" });
  });

  it("describes 250 waiting clusters with 3 calls a tick, at most 100 ids each", async () => {
    const time = new FakeTime();
    const { api, calls } = fakeApi(time, (_id, now) => (now >= 1000 ? "stopped" : "stopping"));
    const p = poller(time, api);
    const ids = Array.from({ length: 250 }, (_, i) => `c-${i}`);
    await Promise.all(ids.map((id) => p.waitFor(request(id))));
    expect(calls.map((c) => c.length)).toEqual([100, 100, 50, 100, 100, 50]);
    expect(time.sleeps).toEqual([0, 1000]);
    expect(p.stats).toEqual({ ticks: 2, describeCalls: 6, maxCallsPerTick: 3, maxIdsPerCall: 100 });
  });

  it("describes a cluster waited on twice once per tick", async () => {
    const time = new FakeTime();
    const { api, calls } = fakeApi(time, () => "stopped");
    const p = poller(time, api);
    await Promise.all([p.waitFor(request("Dev")), p.waitFor(request("dev"))]);
    expect(calls).toEqual([["dev"]]);
  });

  it("takes a waiter not yet due along in the spare room of the earliest one's tick", async () => {
    const time = new FakeTime();
    const { api, calls } = fakeApi(time, (id, now) =>
      id === "a" || now >= 4000 ? "stopped" : "stopping",
    );
    const p = poller(time, api);
    await Promise.all([
      p.waitFor(request("a", { firstDelayMs: 500 })),
      p.waitFor(request("b", { firstDelayMs: 4000, nextDelayMs: () => 3500 })),
    ]);
    // `b` rides along at 500 ms, then asks for 3500 ms more.
    expect(time.sleeps).toEqual([500, 3500]);
    expect(calls).toEqual([["a", "b"], ["b"]]);
  });

  it("reports a missing cluster as undefined", async () => {
    const time = new FakeTime();
    const { api } = fakeApi(time, () => undefined);
    await expect(
      poller(time, api).waitFor(request("gone", { observe: (c) => c === undefined })),
    ).resolves.toBeUndefined();
  });

  it("fails at the deadline, sleeping no further than it", async () => {
    const time = new FakeTime();
    const { api } = fakeApi(time, () => "stopping");
    const wait = poller(time, api).waitFor(
      request("slow", { firstDelayMs: 500, nextDelayMs: () => 500, deadlineAt: 1200 }),
    );
    await expect(wait).rejects.toThrow("timeout slow");
    expect(time.sleeps).toEqual([500, 500, 200]);
  });

  it("keeps waiting through describe errors, and fails after 3 in a row with the SDK error", async () => {
    const time = new FakeTime();
    let n = 0;
    // A 5xx: throttling never counts (next test).
    const throttled = Object.assign(new Error("Internal failure"), {
      name: "InternalFailure",
      $metadata: { httpStatusCode: 500 },
    });
    const api = {
      describeClusters: (ids: readonly string[]) => {
        n += 1;
        if (n === 1 || n >= 3) return Promise.reject(throttled);
        return Promise.resolve(
          new Map(ids.map((id) => [id, { DBClusterIdentifier: id, Status: "stopping" }])),
        );
      },
    };
    const wait = poller(time, api).waitFor(request("x"));
    await expect(wait).rejects.toBe(throttled);
    expect(n).toBe(5);
    expect(time.sleeps).toEqual([0, 1000, 1000, 1000, 1000]);
  });

  it("issue 16: throttled describes never end a wait; at the deadline the timeout carries the throttling as cause", async () => {
    const time = new FakeTime();
    const throttled = Object.assign(new Error("Rate exceeded"), {
      name: "Throttling",
      $metadata: { httpStatusCode: 400 },
    });
    let n = 0;
    const api = {
      describeClusters: () => {
        n += 1;
        return Promise.reject(throttled);
      },
    };
    const seen: unknown[] = [];
    const wait = poller(time, api).waitFor(
      request("x", {
        deadlineAt: 10_500,
        timeoutError: (described, throttling) => {
          seen.push(described, throttling);
          return new Error("timeout x");
        },
      }),
    );
    await expect(wait).rejects.toMatchObject({ message: "timeout x", cause: throttled });
    expect(n).toBe(11);
    expect(seen).toEqual([true, throttled]);
    expect(time.sleeps).toEqual([0, ...Array.from({ length: 10 }, () => 1000), 500]);
  });

  it("fails the wait whose observe throws, and only that one", async () => {
    const time = new FakeTime();
    const { api } = fakeApi(time, () => "stopped");
    const p = poller(time, api);
    const bad = p.waitFor(
      request("a", {
        observe: () => {
          throw new Error("terminal");
        },
      }),
    );
    await expect(Promise.all([bad, p.waitFor(request("b"))])).rejects.toThrow("terminal");
    await expect(p.waitFor(request("b"))).resolves.toEqual({
      DBClusterIdentifier: "b",
      Status: "stopped",
    });
  });

  it("wakes early when a waiter due sooner arrives during a long sleep, and stops on abort", async () => {
    const time = new FakeTime();
    const { api, calls } = fakeApi(time, () => "stopped");
    const pending: { ms: number; resolve: () => void }[] = [];
    const sleep: Sleep = (ms, signal) =>
      new Promise((resolve) => {
        time.sleeps.push(ms);
        pending.push({ ms, resolve });
        signal.addEventListener("abort", () => resolve(), { once: true });
      });
    const p = poller(time, api, sleep);
    const abort = new AbortController();
    const slow = p.waitFor(request("slow", { firstDelayMs: 60_000, signal: abort.signal }));
    const fast = p.waitFor(request("fast", { firstDelayMs: 100 }));
    await new Promise((resolve) => setImmediate(resolve));
    expect(time.sleeps).toEqual([60_000, 100]);
    time.nowMs = 100;
    pending[1]?.resolve();
    await expect(fast).resolves.toEqual({ DBClusterIdentifier: "fast", Status: "stopped" });
    // `slow` rode along in the spare room of the tick at 100 ms (after the due `fast`) and was
    // accepted too.
    await expect(slow).resolves.toEqual({ DBClusterIdentifier: "slow", Status: "stopped" });
    expect(calls).toEqual([["fast", "slow"]]);
    const aborted = new AbortController();
    aborted.abort(new Error("cancelled"));
    await expect(p.waitFor(request("x", { signal: aborted.signal }))).rejects.toThrow("cancelled");
    expect(p.size).toBe(0);
  });
});

/** A sleep that only ends when the test says so (or on abort); time moves only by hand. */
function manualSleep(time: FakeTime) {
  const pending: (() => void)[] = [];
  const sleep: Sleep = (ms, signal) =>
    new Promise((resolve) => {
      time.sleeps.push(ms);
      pending.push(resolve);
      signal.addEventListener("abort", () => resolve(), { once: true });
    });
  return { sleep, pending };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe("ClusterPoller describe-call regressions (bench B1)", () => {
  it("creates arriving within the coalescing window share one describe", async () => {
    const time = new FakeTime();
    const { api, calls } = fakeApi(time, () => "stopped");
    const { sleep, pending } = manualSleep(time);
    const p = poller(time, api, sleep);
    const adopt = (id: string) => p.waitFor(request(id, { firstDelayMs: COALESCE_WINDOW_MS }));
    // The engine hands the creates out a few milliseconds apart.
    const waits = [adopt("a")];
    await settle();
    time.nowMs = 20;
    waits.push(adopt("b"));
    await settle();
    time.nowMs = 40;
    waits.push(adopt("c"));
    await settle();
    // The later arrivals did not wake the poller: it still sleeps until the first is due.
    expect(time.sleeps).toEqual([COALESCE_WINDOW_MS]);
    time.nowMs = COALESCE_WINDOW_MS;
    pending[0]?.();
    await Promise.all(waits);
    expect(calls).toEqual([["a", "b", "c"]]);
    expect(p.stats.describeCalls).toBe(1);
  });

  it("a tick describes only due waiters plus spare room", async () => {
    const time = new FakeTime();
    const { api, calls } = fakeApi(time, () => "stopped");
    const p = poller(time, api);
    const due = Array.from({ length: 130 }, (_, i) => `due-${i}`);
    const later = Array.from({ length: 100 }, (_, i) => `later-${i}`);
    await Promise.all([
      ...due.map((id) => p.waitFor(request(id))),
      ...later.map((id, i) => p.waitFor(request(id, { firstDelayMs: 1000 + i }))),
    ]);
    // 130 due need 2 calls; their 70 spare places go to the 70 waits due soonest.
    expect(calls).toEqual([
      due.slice(0, 100),
      [...due.slice(100), ...later.slice(0, 70)],
      later.slice(70),
    ]);
    expect(time.sleeps).toEqual([0, 1070]);
    expect(p.stats).toEqual({ ticks: 2, describeCalls: 3, maxCallsPerTick: 2, maxIdsPerCall: 100 });
  });

  it("makes no call for clusters that are not due", async () => {
    const time = new FakeTime();
    const { api, calls } = fakeApi(time, (_id, now) => (now >= 5000 ? "stopped" : "stopping"));
    const p = poller(time, api);
    const others = Array.from({ length: 250 }, (_, i) => `c-${i}`);
    await Promise.all([
      p.waitFor(request("first", { observe: () => true })),
      ...others.map((id) =>
        p.waitFor(request(id, { firstDelayMs: 5000, nextDelayMs: () => 5000 })),
      ),
    ]);
    // One due wait: one call, filled up to 100 ids; then all 250 due: three calls.
    expect(calls.map((c) => c.length)).toEqual([100, 100, 100, 50]);
    expect(calls[0]?.[0]).toBe("first");
    expect(time.sleeps).toEqual([0, 5000]);
  });
});

describe("ClusterPoller describe failures", () => {
  it("fails at once on an error that retrying cannot fix", async () => {
    const time = new FakeTime();
    const denied = Object.assign(new Error("not authorized"), {
      name: "AccessDenied",
      $metadata: { httpStatusCode: 403 },
    });
    const api = { describeClusters: () => Promise.reject(denied) };
    await expect(poller(time, api).waitFor(request("x"))).rejects.toBe(denied);
    expect(time.sleeps).toEqual([0]);
  });

  it("B1 regression: a describe that never answers fails the wait at its deadline and frees the poller", async () => {
    const time = new FakeTime();
    const signals: (AbortSignal | undefined)[] = [];
    const api = {
      describeClusters: (ids: readonly string[], signal?: AbortSignal) => {
        signals.push(signal);
        // The first call hangs, ignoring its signal (a dripping body); later ones answer.
        if (signals.length === 1) return new Promise<Map<string, DBCluster>>(() => undefined);
        return Promise.resolve(
          new Map(ids.map((id) => [id, { DBClusterIdentifier: id, Status: "stopped" }])),
        );
      },
    };
    const p = poller(time, api);
    const startedAt = Date.now();
    // Deadline 50 ms after the fake now: the real-time watchdog fires while the call hangs.
    await expect(p.waitFor(request("silent", { deadlineAt: 50 }))).rejects.toThrow(
      "timeout silent",
    );
    expect(Date.now() - startedAt).toBeLessThan(2_000);
    // The hung call is aborted and the tick ends, so the next wait is served.
    await expect(p.waitFor(request("next"))).resolves.toEqual({
      DBClusterIdentifier: "next",
      Status: "stopped",
    });
    expect(signals[0]?.aborted).toBe(true);
    expect(p.size).toBe(0);
  });
});
