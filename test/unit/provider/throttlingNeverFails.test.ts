import type { DBCluster } from "@aws-sdk/client-rds";
import { reconcile } from "../../../provider/core/reconcile";
import type { Runtime } from "../../../provider/core/runtime";
import { ClusterTimeoutError } from "../../../provider/errors";
import { ClusterPoller } from "../../../provider/poller/clusterPoller";
import { DurationModel } from "../../../provider/poller/durationModel";
import { DEFAULT_POLLER_SETTINGS } from "../../../provider/poller/pollerSettings";
import { FakeCluster } from "./support/fakeCluster";
import { FakeTime } from "./support/fakeTime";

const throttled = () =>
  Object.assign(new Error("Rate exceeded"), {
    name: "Throttling",
    $metadata: { httpStatusCode: 400 },
  });

const QUOTA_ADVICE =
  "the account's RDS API request quota in eu-west-1 is exhausted (RDS kept answering `Throttling`: Rate exceeded); the credentials and the endpoint are fine. " +
  "Raise the quota (Service Quotas, Amazon RDS), lower the share this stack takes (`AURORA_POWER_RDS_RATE`, `AURORA_POWER_RDS_BURST`) or other tools of the account take, " +
  "raise `timeoutMinutes`, or run `pulumi up` again later";

/** One cluster, a poller that gives up after 5 failed describe ticks, 30 race retries. */
function setup(describeThrottles: number) {
  const time = new FakeTime();
  const cluster = new FakeCluster(time, "available", 5000);
  let left = describeThrottles;
  const describeClusters = (ids: readonly string[]): Promise<Map<string, DBCluster>> => {
    if (left-- > 0) {
      cluster.calls.push("describe (throttled)");
      return Promise.reject(throttled());
    }
    return cluster.api.describeClusters(ids);
  };
  const api = { ...cluster.api, describeClusters };
  const poller = new ClusterPoller({
    api,
    clock: time.clock,
    sleep: time.sleep,
    maxConsecutiveDescribeErrors: 5,
  });
  const runtime: Runtime = {
    api,
    poller,
    durations: new DurationModel({ ...DEFAULT_POLLER_SETTINGS }),
    settings: { ...DEFAULT_POLLER_SETTINGS, maxRaceRetries: 30, raceMaxDelayMs: 1000 },
    clock: time.clock,
    random: () => 0.5,
    progress: () => undefined,
    note: () => undefined,
    endpointLabel: "the default RDS endpoint of eu-west-1",
  };
  const run = (timeoutMinutes = 60) =>
    reconcile(runtime, {
      clusterIdentifier: "dev",
      displayName: "dev",
      region: "eu-west-1",
      desired: "stopped",
      timeoutMinutes,
      goneIsDone: false,
      retry: "pulumi up",
      progress: () => undefined,
    });
  return { time, cluster, run };
}

describe("throttling only slows an operation down (issue 16)", () => {
  it("12 throttled describes in a row (the poller gives up after 5 other failures) still converge", async () => {
    const { cluster, run } = setup(12);
    const outcome = await run();
    expect(outcome).toMatchObject({ reached: true, cluster: { Status: "stopped" } });
    expect(cluster.calls.filter((c) => c === "describe (throttled)")).toHaveLength(12);
  });

  it("40 throttled StopDBCluster calls (beyond 30 race retries) still converge, backing off", async () => {
    const { cluster, run, time } = setup(0);
    cluster.refusals.push(...Array.from({ length: 40 }, throttled));
    const outcome = await run();
    expect(outcome).toMatchObject({ reached: true, actionIssued: true });
    expect(cluster.calls.filter((c) => c === "stop")).toHaveLength(41);
    // Doubling from the poll interval (500 ms), capped by `raceMaxDelayMs`.
    expect(time.sleeps.slice(0, 4)).toEqual([0, 1000, 1000, 1000]);
  });

  it("a deadline reached while RDS throttles says the quota is exhausted, not to check credentials", async () => {
    const { cluster, run } = setup(0);
    cluster.refusals.push(...Array.from({ length: 10_000 }, throttled));
    const outcome = await run(0.5);
    expect(outcome.reached).toBe(false);
    expect(outcome.error).toBeInstanceOf(ClusterTimeoutError);
    expect(outcome.error?.message).toBe(
      `cluster \`dev\` (eu-west-1) is still \`available\` after 0.5 min (expected \`stopped\`): ${QUOTA_ADVICE}`,
    );
    expect(outcome.error?.cause).toMatchObject({ name: "Throttling" });
  });

  it("a deadline reached while describes are throttled names the quota too", async () => {
    const { run } = setup(10_000);
    const outcome = await run(0.5);
    expect(outcome.error?.message).toBe(
      `cluster \`dev\` (eu-west-1) is still \`unknown\` after 0.5 min (expected \`stopped\`): ${QUOTA_ADVICE}`,
    );
  });
});
