import { FleetMembersError, PartialFailureError } from "../../../provider/errors";
import * as fleet from "../../../provider/fleet/implementation";
import { rejectionOf, startTestbed, statusOf, type ProviderTestbed } from "./support";

let bed: ProviderTestbed;

beforeAll(async () => {
  bed = await startTestbed();
});
afterAll(async () => {
  await bed.emu.stop();
});

/** Inputs as the fleet's `check` completes them (Region from AWS_REGION). */
async function fleetInputs(clusterIdentifiers: string[], extra: Record<string, unknown> = {}) {
  const result = await fleet.check(
    {},
    { clusterIdentifiers, state: "stopped", ...extra, __provider: "shim" },
  );
  expect(result.failures).toEqual([]);
  return result.inputs ?? {};
}

function ids(prefix: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => `${prefix}-${String(i).padStart(3, "0")}`);
}

async function statuses(clusterIdentifiers: string[]): Promise<Record<string, unknown>> {
  const entries = await Promise.all(
    clusterIdentifiers.map(async (id) => [id, await statusOf(bed.emu, id)] as const),
  );
  return Object.fromEntries(entries);
}

const all = (clusterIdentifiers: string[], status: string) =>
  Object.fromEntries(clusterIdentifiers.map((id) => [id, status]));

describe("ClusterFleetPowerState implementation against the local RDS endpoint", () => {
  it("stops 120 clusters with at most ceil(120 / 100) = 2 DescribeDBClusters calls per tick, then delete restores them", async () => {
    const members = ids("batch", 120);
    await bed.emu.admin.seed(members.map((id) => ({ DBClusterIdentifier: id })));
    // A fresh runtime, so the poller's counters are this test's alone.
    fleet.setRuntimeHooks({ env: process.env });
    await bed.emu.admin.resetCounters();
    const created = await fleet.create(await fleetInputs(members));
    expect(await statuses(members)).toEqual(all(members, "stopped"));
    expect(Object.keys(created.outs?.members ?? {})).toEqual(members);
    expect(created.outs?.members["batch-000"]).toMatchObject({
      state: "stopped",
      status: "stopped",
      initialState: "running",
      engine: "aurora-postgresql",
      engineMode: "provisioned",
      automaticRestartTime: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });

    const counters = await bed.emu.admin.counters();
    const [poller] = Object.values(fleet.pollerStats());
    expect(counters.calls.StopDBCluster).toBe(120);
    // Every describe went through the one poller, never more than ceil(120 / 100) = 2 calls per
    // tick, never more than 100 ids per call, and the adoption filled a call to the brim.
    expect(counters.calls.DescribeDBClusters).toBe(poller?.describeCalls);
    expect(poller?.maxCallsPerTick).toBeLessThanOrEqual(2);
    expect(counters.calls.DescribeDBClusters).toBeLessThanOrEqual(2 * (poller?.ticks ?? 0));
    expect(Math.max(...counters.describeClusterIdsPerCall)).toBe(100);

    await fleet.delete(created.id, { ...created.outs });
    expect(await statuses(members)).toEqual(all(members, "available"));
  });

  it("stops the others when one member is missing and one cannot be stopped; the fix is an update with no call", async () => {
    const good = ids("mixed", 5);
    await bed.emu.admin.seed([
      ...good.map((id) => ({ DBClusterIdentifier: id })),
      { DBClusterIdentifier: "mixed-serverless", EngineMode: "serverless" },
    ]);
    const inputs = await fleetInputs([...good, "mixed-missing", "mixed-serverless"]);
    const error = await rejectionOf(fleet.create(inputs));
    expect(error).toBeInstanceOf(PartialFailureError);
    const partial = error as PartialFailureError;
    expect(partial.message.split("\n")).toEqual([
      "2 of 7 clusters of the fleet (eu-west-1) failed; the other members are done. Fix each as its line says, or remove it from `clusterIdentifiers`, then run `pulumi up` again:",
      "  - cluster `mixed-missing` (eu-west-1) was not found; check `clusterIdentifier`, `region` and the account of the credentials",
      "  - cluster `mixed-serverless` (eu-west-1) cannot be stopped: it is Aurora Serverless v1 (`EngineMode: serverless`), which pauses by itself and cannot be stopped; migrate to Serverless v2 or provisioned, which can be stopped, or leave it running",
    ]);
    expect((partial.cause as FleetMembersError).clusterIdentifiers).toEqual([
      "mixed-missing",
      "mixed-serverless",
    ]);
    // What the engine records: the inputs (with __provider) and the members reached.
    expect(partial.properties).toMatchObject({ __provider: "shim", schemaVersion: 1 });
    expect(Object.keys(partial.properties.members as object)).toEqual(good);
    expect(await statuses(good)).toEqual(all(good, "stopped"));
    expect(await statusOf(bed.emu, "mixed-serverless")).toBe("available");

    const olds = { ...partial.properties };
    const fixed = await fleetInputs(good);
    await expect(fleet.diff(partial.id, olds, fixed)).resolves.toMatchObject({ changes: true });
    await bed.emu.admin.resetCounters();
    const updated = await fleet.update(partial.id, olds, fixed);
    expect(Object.keys(updated.outs?.members ?? {})).toEqual(good);
    const { calls } = await bed.emu.admin.counters();
    expect([calls.StopDBCluster, calls.StartDBCluster]).toEqual([0, 0]);
    await expect(fleet.diff(partial.id, { ...updated.outs }, fixed)).resolves.toMatchObject({
      changes: false,
    });
  });

  it("update adopts an added member and restores a removed one, per onDelete", async () => {
    await bed.emu.admin.seed([
      { DBClusterIdentifier: "upd-a" },
      { DBClusterIdentifier: "upd-b" },
      { DBClusterIdentifier: "upd-c" },
      { DBClusterIdentifier: "upd-d", Status: "stopped" },
    ]);
    const created = await fleet.create(await fleetInputs(["upd-a", "upd-b", "upd-d"]));
    const news = await fleetInputs(["upd-b", "upd-c"], { onDelete: "restore" });
    await expect(fleet.diff(created.id, { ...created.outs }, news)).resolves.toEqual({
      changes: true,
      replaces: [],
      deleteBeforeReplace: false,
    });
    await bed.emu.admin.resetCounters();
    const updated = await fleet.update(created.id, { ...created.outs }, news);
    expect(Object.keys(updated.outs?.members ?? {})).toEqual(["upd-b", "upd-c"]);
    expect(updated.outs?.members["upd-c"]).toMatchObject({ initialState: "running" });
    // upd-a was found running: restored; upd-d was found stopped: left stopped.
    expect(await statuses(["upd-a", "upd-b", "upd-c", "upd-d"])).toEqual({
      "upd-a": "available",
      "upd-b": "stopped",
      "upd-c": "stopped",
      "upd-d": "stopped",
    });
    const { calls } = await bed.emu.admin.counters();
    expect([calls.StopDBCluster, calls.StartDBCluster]).toEqual([1, 1]);
  });

  it("read shows a restarted member as drift and drops a deleted one; up re-stops only the drifted member", async () => {
    const members = ["drift-a", "drift-b", "drift-c"];
    await bed.emu.admin.seed(members.map((id) => ({ DBClusterIdentifier: id })));
    const inputs = await fleetInputs(members);
    const created = await fleet.create(inputs);
    await bed.emu.admin.triggerAutoRestart("drift-a");
    await bed.emu.admin.deleteCluster("drift-b");

    const refreshed = await fleet.read(created.id, { ...created.outs });
    expect(refreshed.id).toBe(created.id);
    expect(refreshed).not.toHaveProperty("inputs");
    const after = refreshed.props?.members ?? {};
    expect(Object.keys(after)).toEqual(["drift-a", "drift-c"]);
    expect(after["drift-a"]).toMatchObject({ state: "running", initialState: "running" });
    expect(after["drift-a"]).not.toHaveProperty("automaticRestartTime");
    expect(after["drift-c"]).toMatchObject({ state: "stopped", status: "stopped" });
    expect(refreshed.props?.clusterIdentifiers).toEqual(members);

    const olds = { ...refreshed.props };
    await expect(fleet.diff(created.id, olds, inputs)).resolves.toMatchObject({ changes: true });
    await bed.emu.admin.resetCounters();
    const error = await rejectionOf(fleet.update(created.id, olds, inputs));
    expect(error).toBeInstanceOf(PartialFailureError);
    expect(error.message).toContain(
      "  - cluster `drift-b` (eu-west-1) was not found; check `clusterIdentifier`, `region` and the account of the credentials",
    );
    expect(await statuses(["drift-a", "drift-c"])).toEqual(all(["drift-a", "drift-c"], "stopped"));
    expect((await bed.emu.admin.counters()).calls.StopDBCluster).toBe(1);
  });

  it("read fails, dropping nothing, when the endpoint answers with errors", async () => {
    await bed.emu.admin.seed([{ DBClusterIdentifier: "flaky-read", Status: "stopped" }]);
    const created = await fleet.create(await fleetInputs(["flaky-read"]));
    // One attempt per SDK call: the poller's own retries (5 ticks) end the read quickly, with no
    // SDK back-off timer left behind.
    fleet.setRuntimeHooks({ env: { ...process.env, AWS_MAX_ATTEMPTS: "1" } });
    await bed.emu.admin.setConfig({ errorRate: 1 });
    try {
      const error = await rejectionOf(fleet.read(created.id, { ...created.outs }));
      expect(error).toBeInstanceOf(FleetMembersError);
      expect(error.message).toMatch(
        /^refresh failed for 1 of 1 clusters of the fleet \(eu-west-1\); no member was dropped\./,
      );
      expect(error.message).toMatch(
        /\n {2}- cluster `flaky-read` \(eu-west-1\): DescribeDBClusters failed: .+; check the credentials, `region` and the RDS endpoint, then run `pulumi refresh` again$/,
      );
    } finally {
      await bed.emu.admin.setConfig({ errorRate: 0 });
      fleet.setRuntimeHooks({ env: process.env });
    }
  });

  it("delete restores every member to its own initial state", async () => {
    await bed.emu.admin.seed([
      { DBClusterIdentifier: "del-running" },
      { DBClusterIdentifier: "del-stopped", Status: "stopped" },
    ]);
    const created = await fleet.create(
      await fleetInputs(["del-running", "del-stopped"], { state: "running" }),
    );
    expect(await statuses(["del-running", "del-stopped"])).toEqual(
      all(["del-running", "del-stopped"], "available"),
    );
    await fleet.delete(created.id, { ...created.outs });
    expect(await statuses(["del-running", "del-stopped"])).toEqual({
      "del-running": "available",
      "del-stopped": "stopped",
    });
  });

  it("reports the fleet's progress as summary lines, not one line per cluster", () => {
    expect(bed.messages).toContain(
      "fleet of 120 clusters (eu-west-1): create, every member to `stopped`",
    );
    expect(bed.messages.some((m) => m.startsWith("batch-000 "))).toBe(false);
  });
});
