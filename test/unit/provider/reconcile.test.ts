import { InvalidDBInstanceStateFault } from "@aws-sdk/client-rds";
import {
  reconcile,
  type ReconcileRequest,
  type ReconcileResult,
} from "../../../provider/core/reconcile";
import type { Runtime } from "../../../provider/core/runtime";
import {
  ClusterNotFoundError,
  ClusterPowerError,
  ClusterStateError,
  ClusterTimeoutError,
} from "../../../provider/errors";
import type { PowerState } from "../../../provider/aurora/clusterStatus";
import * as planTransitionModule from "../../../provider/aurora/planTransition";
import { ClusterPoller } from "../../../provider/poller/clusterPoller";
import { DurationModel } from "../../../provider/poller/durationModel";
import {
  DEFAULT_POLLER_SETTINGS,
  type PollerSettings,
} from "../../../provider/poller/pollerSettings";
import { FakeCluster } from "./support/fakeCluster";
import { FakeTime } from "./support/fakeTime";

/** What a test may change: the request, and the runtime's settings and endpoint label. */
type Extra = Partial<ReconcileRequest> & { settings?: PollerSettings; endpointLabel?: string };

interface Harness {
  time: FakeTime;
  cluster: FakeCluster;
  messages: string[];
  /** Reconciles and returns the result; never throws. */
  result(desired: PowerState, extra?: Extra): Promise<ReconcileResult>;
  /** Reconciles, resolving the result when reached, rejecting with its error otherwise. */
  run(desired: PowerState, extra?: Extra): Promise<ReconcileResult>;
}

function harness(initialStatus: string, transitionMs = 5000): Harness {
  const time = new FakeTime();
  const cluster = new FakeCluster(time, initialStatus, transitionMs);
  const poller = new ClusterPoller({
    api: cluster.api,
    clock: time.clock,
    sleep: time.sleep,
    maxConsecutiveDescribeErrors: 5,
  });
  const durations = new DurationModel({ ...DEFAULT_POLLER_SETTINGS });
  const messages: string[] = [];
  const result = (desired: PowerState, extra: Extra = {}) => {
    const { settings, endpointLabel, ...request } = extra;
    const runtime: Runtime = {
      api: cluster.api,
      poller,
      durations,
      settings: settings ?? { ...DEFAULT_POLLER_SETTINGS },
      clock: time.clock,
      random: () => 0.5, // no jitter: exact sleeps
      progress: (m) => messages.push(`runtime sink: ${m}`),
      note: (m) => messages.push(`runtime note: ${m}`),
      endpointLabel: endpointLabel ?? "the default RDS endpoint of eu-west-1",
    };
    return reconcile(runtime, {
      clusterIdentifier: "dev",
      displayName: "dev",
      region: "eu-west-1",
      desired,
      timeoutMinutes: 60,
      goneIsDone: false,
      retry: "pulumi up",
      progress: (m) => messages.push(m),
      ...request,
    });
  };
  const run = async (desired: PowerState, extra: Extra = {}) => {
    const outcome = await result(desired, extra);
    if (!outcome.reached) throw outcome.error ?? new Error("not reached, without an error");
    return outcome;
  };
  return { time, cluster, messages, result, run };
}

/** Makes describes show the pre-stop status for `lagMs` after each accepted StopDBCluster. */
function describesLagAfterStop(h: Harness, lagMs: number): void {
  const stop = h.cluster.api.stopCluster;
  h.cluster.api.stopCluster = async (id) => {
    const result = await stop(id);
    h.cluster.staleUntilMs = h.time.nowMs + lagMs;
    return result;
  };
}

describe("reconcile", () => {
  it("stops an available cluster, polling fast while the duration is unknown, then learns it", async () => {
    const h = harness("available");
    const first = await h.run("stopped");
    expect(first.actionIssued).toBe(true);
    expect(first.cluster?.Status).toBe("stopped");
    // Unlearned: at most a fifth of the time spent so far, never under 500 ms.
    expect(h.time.sleeps).toEqual([0, 500, 500, 500, 500, 500, 500, 600, 720, 864]);
    expect(h.messages).toEqual([
      "dev (eu-west-1): available, 0s",
      "dev (eu-west-1): stopping, 0s",
      "dev (eu-west-1): stopped, 5s",
    ]);

    // Start again, then stop with the learned 5184 ms: halve the remaining time down to 500 ms.
    await h.run("running");
    h.time.sleeps.length = 0;
    await h.run("stopped");
    expect(h.time.sleeps).toEqual([0, 2592, 1296, 648, 500]);
    expect(h.cluster.calls.filter((c) => c !== "describe")).toEqual(["stop", "start", "stop"]);
  });

  it("reports progress while describes keep failing (heartbeat under throttling)", async () => {
    const time = new FakeTime();
    const cluster = new FakeCluster(time, "available", 120_000);
    let failing = false;
    const throttled = Object.assign(new Error("Rate exceeded"), {
      name: "Throttling",
      $metadata: { httpStatusCode: 400 },
    });
    const api = {
      ...cluster.api,
      describeClusters: (ids: readonly string[], signal?: AbortSignal) =>
        failing ? Promise.reject(throttled) : cluster.api.describeClusters(ids, signal),
      stopCluster: (id: string, signal?: AbortSignal) => {
        failing = true; // every describe after the stop is throttled
        return cluster.api.stopCluster(id, signal);
      },
    };
    const settings = { ...DEFAULT_POLLER_SETTINGS };
    const poller = new ClusterPoller({
      api,
      clock: time.clock,
      sleep: time.sleep,
      maxConsecutiveDescribeErrors: 1000,
    });
    const messages: string[] = [];
    const runtime: Runtime = {
      api,
      poller,
      durations: new DurationModel(settings),
      settings,
      clock: time.clock,
      random: () => 0.5,
      progress: () => undefined,
      note: () => undefined,
      endpointLabel: "the default RDS endpoint of eu-west-1",
    };
    const outcome = await reconcile(runtime, {
      clusterIdentifier: "dev",
      displayName: "dev",
      region: "eu-west-1",
      desired: "stopped",
      timeoutMinutes: 3,
      goneIsDone: false,
      retry: "pulumi up",
      progress: (m) => messages.push(m),
    });
    expect(outcome.error).toBeInstanceOf(ClusterTimeoutError);
    // Nothing new was seen after the stop, yet the wait said it was alive about every 30 s.
    const alive = messages.filter((m) => /^dev \(eu-west-1\): stopping, \d/.test(m));
    expect(alive.length).toBeGreaterThanOrEqual(5);
  });

  it("consults the planner once per observation (the wait and the loop share its plan)", async () => {
    const h = harness("available");
    const planner = jest.spyOn(planTransitionModule, "planTransition");
    try {
      await h.run("stopped");
      // Every observation here is a describe (none was handed in); the stop's answer is not planned.
      const describes = h.cluster.calls.filter((c) => c === "describe").length;
      expect(describes).toBeGreaterThan(2);
      expect(planner).toHaveBeenCalledTimes(describes);
    } finally {
      planner.mockRestore();
    }
  });

  it("adopts a cluster already in the desired state with no power call", async () => {
    const h = harness("stopped");
    const outcome = await h.run("stopped");
    expect(outcome.actionIssued).toBe(false);
    expect(h.cluster.calls).toEqual(["describe"]);
  });

  it("waits for a stop in progress, then starts", async () => {
    const h = harness("available");
    h.cluster.setStatusAt(0, "stopping");
    h.cluster.setStatusAt(2000, "stopped");
    await h.run("running");
    expect(h.cluster.calls.filter((c) => c !== "describe")).toEqual(["start"]);
    expect(h.cluster.statusAt(h.time.nowMs)).toBe("available");
  });

  it("waits out backing-up after a start before stopping", async () => {
    const h = harness("backing-up");
    h.cluster.setStatusAt(3000, "available");
    const outcome = await h.run("stopped");
    expect(h.cluster.calls.filter((c) => c !== "describe")).toEqual(["stop"]);
    expect(outcome.cluster?.Status).toBe("stopped");
  });

  it("re-plans after InvalidDBInstanceStateFault, backing off 1 s then 2 s", async () => {
    const h = harness("available");
    const fault = () =>
      new InvalidDBInstanceStateFault({
        message: "instance dev-1 is not available",
        $metadata: {},
      });
    h.cluster.refusals.push(fault(), fault());
    await h.run("stopped");
    expect(h.cluster.calls.slice(0, 6)).toEqual([
      "describe",
      "stop",
      "describe",
      "stop",
      "describe",
      "stop",
    ]);
    expect(h.time.sleeps.slice(0, 3)).toEqual([0, 1000, 2000]);
  });

  it("does not stop twice when a describe right after the stop is stale", async () => {
    const h = harness("available");
    describesLagAfterStop(h, 1200);
    await h.run("stopped");
    expect(h.cluster.calls.filter((c) => c === "stop")).toHaveLength(1);
  });

  it("neither reports nor learns a stale pre-action status (regression: `available` shown mid-stop)", async () => {
    const h = harness("available");
    describesLagAfterStop(h, 1200);
    await h.run("stopped");
    expect(h.messages).toEqual([
      "dev (eu-west-1): available, 0s",
      "dev (eu-west-1): stopping, 0s",
      "dev (eu-west-1): stopped, 5s",
    ]);
    // `stopping` was learned as 5184 ms, as without stale reads (first test), not as 100 ms.
    h.cluster.setStatusAt(h.time.nowMs, "available");
    h.time.sleeps.length = 0;
    await h.run("stopped");
    expect(h.time.sleeps).toEqual([0, 2592, 1296, 648, 500]);
  });

  it("gives up when something keeps undoing the stop", async () => {
    const h = harness("available", 100);
    const settings = { ...DEFAULT_POLLER_SETTINGS, maxRaceRetries: 2 };
    // Every stop is answered, but someone starts the cluster again 50 ms after it stopped.
    const origStop = h.cluster.api.stopCluster;
    h.cluster.api.stopCluster = async (id) => {
      const result = await origStop(id);
      h.cluster.setStatusAt(h.time.nowMs + 150, "available");
      return result;
    };
    await expect(h.run("stopped", { settings })).rejects.toThrow(
      new ClusterStateError(
        "cluster `dev` (eu-west-1) kept returning to `available` after 3 attempts to call StopDBCluster; check what else starts or stops it",
        {
          clusterIdentifier: "dev",
          region: "eu-west-1",
        },
      ),
    );
  });

  it("fails clearly on a terminal status", async () => {
    const h = harness("inaccessible-encryption-credentials");
    await expect(h.run("stopped")).rejects.toThrow(
      "cluster `dev` (eu-west-1) is `inaccessible-encryption-credentials`: the cluster cannot use its KMS key and can only be restored from a backup",
    );
  });

  it("times out with the observed status, after the action was issued", async () => {
    const h = harness("available", 10_000);
    const outcome = await h.result("stopped", { timeoutMinutes: 0.05 });
    const error = outcome.error;
    expect(outcome.reached).toBe(false);
    console.log(outcome.error?.message, h.messages);
    expect(error).toBeInstanceOf(ClusterTimeoutError);
    expect(error).toMatchObject({
      message:
        "cluster `dev` (eu-west-1) is still `stopping` after 0.05 min (expected `stopped`); raise `timeoutMinutes` or check the RDS console",
      clusterIdentifier: "dev",
      region: "eu-west-1",
      expected: "stopped",
      lastObservedStatus: "stopping",
      elapsedSeconds: 3,
    });
    expect(outcome).toMatchObject({ actionIssued: true, cluster: { Status: "stopping" } });
    expect(h.time.nowMs).toBe(3000);
  });

  it("reports a cluster that disappears while waiting", async () => {
    const h = harness("available");
    h.cluster.setStatusAt(1000, "gone");
    await expect(h.run("stopped")).rejects.toBeInstanceOf(ClusterNotFoundError);
  });

  it("treats a vanished or deleting cluster as done on delete", async () => {
    const h = harness("deleting");
    await expect(h.run("running", { goneIsDone: true })).resolves.toMatchObject({
      actionIssued: false,
    });
  });

  it("reports progress at least every 30 s (plus one tick) while waiting", async () => {
    const h = harness("available", 150_000);
    await h.run("stopped");
    expect(h.messages).toEqual([
      "dev (eu-west-1): available, 0s",
      "dev (eu-west-1): stopping, 0s",
      // Ticks are up to 30 s apart by then: a line comes with the first tick after 30 s.
      expect.stringMatching(/^dev \(eu-west-1\): stopping, 3\ds$/),
      expect.stringMatching(/^dev \(eu-west-1\): stopping, 1m[0-3]\ds$/),
      expect.stringMatching(/^dev \(eu-west-1\): stopping, 1m[3-5]\ds$/),
      expect.stringMatching(/^dev \(eu-west-1\): stopped, 2m\d\ds$/),
    ]);
  });

  it("B1 regression: a StopDBCluster that never answers ends at the deadline, counted as maybe issued", async () => {
    const h = harness("available");
    let signal: AbortSignal | undefined;
    h.cluster.api.stopCluster = (_id, callSignal) => {
      signal = callSignal;
      return new Promise(() => undefined);
    };
    const outcome = await h.result("stopped", {
      timeoutMinutes: 0.001,
      endpointLabel: "`http://127.0.0.1:9`",
    });
    const error = outcome.error;
    expect(error).toBeInstanceOf(ClusterTimeoutError);
    expect(error).toMatchObject({
      message:
        "cluster `dev` (eu-west-1): StopDBCluster got no answer from `http://127.0.0.1:9` within 0 min (last seen `available`); " +
        "it may have been carried out: run `pulumi up` again to re-check, raise `timeoutMinutes`, or check the endpoint",
      lastObservedStatus: "available",
    });
    expect(signal?.aborted).toBe(true);
    expect(outcome.actionIssued).toBe(true);
  });

  it("B4 regression: a StopDBCluster still throttled after the SDK's retries re-describes and re-plans", async () => {
    const h = harness("available");
    const throttled = () =>
      Object.assign(new Error("Rate exceeded"), {
        name: "Throttling",
        $metadata: { httpStatusCode: 400 },
      });
    h.cluster.refusals.push(throttled(), throttled());
    const outcome = await h.run("stopped");
    expect(h.cluster.calls.slice(0, 6)).toEqual([
      "describe",
      "stop",
      "describe",
      "stop",
      "describe",
      "stop",
    ]);
    expect(h.time.sleeps.slice(0, 3)).toEqual([0, 1000, 2000]);
    expect(outcome).toMatchObject({ actionIssued: true, cluster: { Status: "stopped" } });
  });

  it("gives up on a power call failing with 5xx after `maxRaceRetries`, as maybe issued", async () => {
    const h = harness("available");
    const settings = { ...DEFAULT_POLLER_SETTINGS, maxRaceRetries: 1 };
    const failure = () =>
      Object.assign(new Error("We encountered an internal error."), {
        name: "InternalFailure",
        $metadata: { httpStatusCode: 500 },
      });
    h.cluster.refusals.push(failure(), failure());
    const outcome = await h.result("stopped", { settings });
    const error = outcome.error;
    expect(error).toBeInstanceOf(ClusterPowerError);
    expect((error as Error).message).toBe(
      "cluster `dev` (eu-west-1): StopDBCluster failed: We encountered an internal error.; check the RDS console and run `pulumi up` again",
    );
    expect(h.cluster.calls).toEqual(["describe", "stop", "describe", "stop"]);
    expect(outcome.actionIssued).toBe(true);
  });

  it("returns a TypeError thrown by a power call as is, after one call and no retry", async () => {
    const h = harness("available");
    const bug = new TypeError("Cannot read properties of undefined (reading 'Status')");
    h.cluster.refusals.push(bug);
    const outcome = await h.result("stopped");
    expect(outcome).toMatchObject({ reached: false, actionIssued: false });
    expect(outcome.error).toBe(bug);
    expect(h.cluster.calls).toEqual(["describe", "stop"]);
  });
});
