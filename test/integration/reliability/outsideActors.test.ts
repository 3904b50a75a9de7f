import { RDSClient, StopDBClusterCommand } from "@aws-sdk/client-rds";
import { startEmulator, type RunningEmulator } from "aurora-power/emulator";
import {
  ClusterNotFoundError,
  ClusterStateError,
  ClusterTimeoutError,
  PartialFailureError,
} from "../../../provider/errors";
import { checkedInputs, impl, pointProviderAt, settleWithin } from "./testbed";

// Transitions take 1.5 s, so there is time to act while the provider waits. Three race retries
// (instead of 30) keep a fight between two owners short.
const TRANSITION_SECONDS = 1.5;
const MAX_RACE_RETRIES = 3;

let emulator: RunningEmulator;

beforeAll(async () => {
  emulator = await startEmulator({
    stopSeconds: TRANSITION_SECONDS,
    startSeconds: TRANSITION_SECONDS,
  });
  pointProviderAt(emulator.url, { AURORA_POWER_MAX_RACE_RETRIES: String(MAX_RACE_RETRIES) });
});
afterAll(() => emulator.stop());

async function seed(id: string, status: string): Promise<void> {
  await emulator.admin.seed([{ DBClusterIdentifier: id, Status: status }]);
}

async function untilStatus(id: string, status: string): Promise<void> {
  for (let i = 0; i < 100; i += 1) {
    if ((await emulator.admin.getCluster(id))?.Status === status) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`${id} never became ${status}`);
}

/** Power calls the emulator received for one cluster, from its status-change events. */
async function powerCallCounts(): Promise<{ stops: number; starts: number }> {
  const { calls } = await emulator.admin.counters();
  return { stops: calls.StopDBCluster, starts: calls.StartDBCluster };
}

/** The test process acting as "someone else" with the unmodified SDK. */
function someoneElse(): RDSClient {
  return new RDSClient({
    endpoint: emulator.url,
    region: "eu-west-1",
    credentials: { accessKeyId: "other", secretAccessKey: "other" },
  });
}

describe("someone else acts on the cluster while the provider waits", () => {
  beforeEach(() => emulator.admin.resetCounters());

  it("a start while our stop is in progress: the provider stops it again and converges", async () => {
    await seed("race-start", "available");
    const creating = impl.create(await checkedInputs("race-start", { timeoutMinutes: 1 }));
    await untilStatus("race-start", "stopping");
    await new Promise((resolve) => setTimeout(resolve, 300));
    await emulator.admin.forceStatus("race-start", "available");
    const settled = await settleWithin(creating, 20_000);
    expect(settled).toMatchObject({
      outcome: "resolved",
      value: { outs: { status: "stopped", initialState: "running" } },
    });
    expect(await powerCallCounts()).toEqual({ stops: 2, starts: 0 });
  });

  it("a stop while our start is in progress: the provider starts it again and converges", async () => {
    await seed("race-stop", "stopped");
    const creating = impl.create(
      await checkedInputs("race-stop", { state: "running", timeoutMinutes: 1 }),
    );
    await untilStatus("race-stop", "starting");
    await new Promise((resolve) => setTimeout(resolve, 300));
    await emulator.admin.forceStatus("race-stop", "stopped");
    const settled = await settleWithin(creating, 20_000);
    expect(settled).toMatchObject({
      outcome: "resolved",
      value: { outs: { status: "available", state: "running" } },
    });
    expect(await powerCallCounts()).toEqual({ stops: 0, starts: 2 });
  });

  it("someone else's StopDBCluster in flight: the provider waits for `stopped`, then starts", async () => {
    await seed("their-stop", "available");
    await someoneElse().send(new StopDBClusterCommand({ DBClusterIdentifier: "their-stop" }));
    const settled = await settleWithin(
      impl.create(await checkedInputs("their-stop", { state: "running", timeoutMinutes: 1 })),
      20_000,
    );
    expect(settled).toMatchObject({
      outcome: "resolved",
      value: { outs: { status: "available", initialState: "stopped" } },
    });
    expect(await powerCallCounts()).toEqual({ stops: 1, starts: 1 });
  });

  it("a status that never ends fails with ClusterTimeoutError at `timeoutMinutes`, not later", async () => {
    await seed("stuck", "available");
    const creating = impl.create(await checkedInputs("stuck", { timeoutMinutes: 0.05 }));
    await untilStatus("stuck", "stopping");
    await emulator.admin.forceStatus("stuck", "maintenance");
    const settled = await settleWithin(creating, 15_000);
    expect(settled.outcome).toBe("rejected");
    if (settled.outcome !== "rejected") return;
    expect(settled.ms).toBeLessThan(3_000 + 1_500);
    // The stop was issued: the engine records the resource (partial failure) and the next up resumes.
    expect(settled.error).toBeInstanceOf(PartialFailureError);
    expect(settled.error.cause).toBeInstanceOf(ClusterTimeoutError);
    expect(settled.error.message).toBe(
      "cluster `stuck` (eu-west-1) is still `maintenance` after 0.05 min (expected `stopped`); raise `timeoutMinutes` or check the RDS console",
    );
  });

  it("a status no action can leave fails at once with ClusterStateError", async () => {
    await seed("kms-lost", "available");
    const creating = impl.create(await checkedInputs("kms-lost", { timeoutMinutes: 1 }));
    await untilStatus("kms-lost", "stopping");
    await emulator.admin.forceStatus("kms-lost", "inaccessible-encryption-credentials");
    const settled = await settleWithin(creating, 15_000);
    expect(settled.outcome).toBe("rejected");
    if (settled.outcome !== "rejected") return;
    expect(settled.ms).toBeLessThan(5_000);
    expect(settled.error.cause).toBeInstanceOf(ClusterStateError);
    expect(settled.error.message).toMatch(
      /^cluster `kms-lost` \(eu-west-1\) is `inaccessible-encryption-credentials`: .*KMS key/,
    );
  });

  it("a cluster deleted during the wait fails with ClusterNotFoundError", async () => {
    await seed("vanishing", "available");
    const creating = impl.create(await checkedInputs("vanishing", { timeoutMinutes: 1 }));
    await untilStatus("vanishing", "stopping");
    await emulator.admin.deleteCluster("vanishing");
    const settled = await settleWithin(creating, 15_000);
    expect(settled.outcome).toBe("rejected");
    if (settled.outcome !== "rejected") return;
    expect(settled.error.cause).toBeInstanceOf(ClusterNotFoundError);
    expect(settled.error.message).toMatch(
      /^cluster `vanishing` \(eu-west-1\) was not found; check `clusterIdentifier`/,
    );
  });

  it("a cluster deleted out of band: read reports it gone and delete succeeds without a power call", async () => {
    await seed("deleted-oob", "available");
    const created = await impl.create(await checkedInputs("deleted-oob", { timeoutMinutes: 1 }));
    await emulator.admin.deleteCluster("deleted-oob");
    await emulator.admin.resetCounters();
    expect(await impl.read(created.id, { ...created.outs })).toEqual({ id: "" });
    await expect(impl.delete(created.id, { ...created.outs })).resolves.toBeUndefined();
    expect(await powerCallCounts()).toEqual({ stops: 0, starts: 0 });
  });
});

describe("two owners fighting over one cluster", () => {
  beforeEach(() => emulator.admin.resetCounters());

  it("two providers (their own pollers, as two stacks) holding opposite states both finish, with bounded calls", async () => {
    await seed("contested", "available");
    // A third party's stop is in flight, so neither owner is satisfied when it starts.
    await someoneElse().send(new StopDBClusterCommand({ DBClusterIdentifier: "contested" }));
    // eu-west-2 gives the second owner its own RDS client and poller, as a second provider process has.
    const holdStopped = impl.create(
      await checkedInputs("contested", { state: "stopped", timeoutMinutes: 1 }),
    );
    const holdRunning = impl.create(
      await checkedInputs("contested", {
        state: "running",
        region: "eu-west-2",
        timeoutMinutes: 1,
      }),
    );
    const [stopper, starter] = await Promise.all([
      settleWithin(holdStopped, 30_000),
      settleWithin(holdRunning, 30_000),
    ]);

    for (const settled of [stopper, starter]) {
      expect(settled.outcome).not.toBe("hung");
      if (settled.outcome === "rejected")
        expect(settled.error.message).toMatch(
          /kept returning to .* check what else starts or stops it$/,
        );
    }
    const { stops, starts } = await powerCallCounts();
    expect(stops + starts).toBeLessThanOrEqual(2 * (MAX_RACE_RETRIES + 1));
  });

  it("an automation that undoes every stop gets a clear ClusterStateError after a bounded number of attempts", async () => {
    await seed("undone", "available");
    const creating = impl.create(
      await checkedInputs("undone", { state: "stopped", timeoutMinutes: 1 }),
    );
    let done = false;
    void creating.finally(() => (done = true)).catch(() => undefined);
    // The other owner: whenever a stop is in progress, the cluster is back to `available`.
    const deadline = Date.now() + 30_000;
    while (!done && Date.now() < deadline) {
      if ((await emulator.admin.getCluster("undone"))?.Status === "stopping")
        await emulator.admin.forceStatus("undone", "available");
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    const settled = await settleWithin(creating, 1_000);
    expect(settled.outcome).toBe("rejected");
    if (settled.outcome !== "rejected") return;
    expect(settled.error.cause).toBeInstanceOf(ClusterStateError);
    expect(settled.error.message).toBe(
      `cluster \`undone\` (eu-west-1) kept returning to \`available\` after ${MAX_RACE_RETRIES + 1} attempts to call StopDBCluster; check what else starts or stops it`,
    );
    expect((await powerCallCounts()).stops).toBe(MAX_RACE_RETRIES + 1);
  });
});
