import { ClusterNotFoundError, UnsupportedClusterError } from "../../../provider/errors";
import { impl, rejectionOf, startTestbed, statusOf, type ProviderTestbed } from "./support";

let bed: ProviderTestbed;

beforeAll(async () => {
  bed = await startTestbed();
});
afterAll(async () => {
  await bed.emu.stop();
});

describe("ClusterPowerState implementation against the local RDS endpoint", () => {
  it.each([
    ["stopped", "available", "running"],
    ["running", "stopped", "stopped"],
  ])(
    "create to %s from %s, then delete with restore returns it",
    async (state, initial, initialState) => {
      const id = `life-${state}`;
      await bed.emu.admin.seed([{ DBClusterIdentifier: id, Status: initial }]);
      const inputs = await bed.inputs(id, { state });
      const created = await impl.create(inputs);
      expect(created.id).toBe(`eu-west-1/${id}`);
      expect(created.outs).toMatchObject({
        state,
        initialState,
        status: state === "stopped" ? "stopped" : "available",
        engine: "aurora-postgresql",
      });
      expect(created.outs?.clusterArn).toMatch(
        new RegExp(`^arn:aws:rds:eu-west-1:\\d{12}:cluster:${id}$`),
      );
      expect(await statusOf(bed.emu, id)).toBe(state === "stopped" ? "stopped" : "available");
      if (state === "stopped")
        expect(created.outs?.automaticRestartTime).toMatch(/^\d{4}-\d\d-\d\dT/);
      await impl.delete(created.id, { ...created.outs });
      expect(await statusOf(bed.emu, id)).toBe(initial);
    },
  );

  it("updates state both ways, and makes no call for onDelete/timeoutMinutes changes", async () => {
    await bed.emu.admin.seed([{ DBClusterIdentifier: "life-upd" }]);
    const inputs = await bed.inputs("life-upd");
    const created = await impl.create(inputs);
    const started = await impl.update(
      created.id,
      { ...created.outs },
      { ...inputs, state: "running" },
    );
    expect(started.outs).toMatchObject({
      state: "running",
      status: "available",
      initialState: "running",
    });
    const stopped = await impl.update(
      created.id,
      { ...started.outs },
      { ...inputs, state: "stopped" },
    );
    expect(stopped.outs?.status).toBe("stopped");
    await bed.emu.admin.resetCounters();
    const retimed = await impl.update(
      created.id,
      { ...stopped.outs },
      { ...inputs, onDelete: "retain", timeoutMinutes: 5 },
    );
    expect(retimed.outs).toMatchObject({
      onDelete: "retain",
      timeoutMinutes: 5,
      status: "stopped",
    });
    const counters = await bed.emu.admin.counters();
    expect(Object.values(counters.calls).reduce((a, b) => a + b, 0)).toBe(0);
  });

  it.each([
    // onDelete, status found at create, state held, status after delete
    ["running", "stopped", "stopped", "available"],
    ["stopped", "available", "running", "stopped"],
    ["retain", "available", "stopped", "stopped"],
    ["restore", "stopped", "running", "stopped"],
    ["restore", "available", "stopped", "available"],
  ])(
    "delete with onDelete %s (found %s, held %s) leaves it %s",
    async (onDelete, initial, state, after) => {
      const id = `del-${onDelete}-${initial}`;
      await bed.emu.admin.seed([{ DBClusterIdentifier: id, Status: initial }]);
      const created = await impl.create(await bed.inputs(id, { onDelete, state }));
      await impl.delete(created.id, { ...created.outs });
      expect(await statusOf(bed.emu, id)).toBe(after);
    },
  );

  it("adopts a cluster already in the desired state with no mutating call", async () => {
    await bed.emu.admin.seed([{ DBClusterIdentifier: "adopt", Status: "stopped" }]);
    await bed.emu.admin.resetCounters();
    const created = await impl.create(await bed.inputs("adopt"));
    expect(created.outs).toMatchObject({ status: "stopped", initialState: "stopped" });
    const { calls } = await bed.emu.admin.counters();
    expect(calls).toMatchObject({ StopDBCluster: 0, StartDBCluster: 0, DescribeDBClusters: 1 });
  });

  it("refresh shows the 7-day automatic restart as drift, and the next up stops it again", async () => {
    await bed.emu.admin.seed([{ DBClusterIdentifier: "drift" }]);
    const inputs = await bed.inputs("drift");
    const created = await impl.create(inputs);
    await bed.emu.admin.triggerAutoRestart("drift");
    const refreshed = await impl.read(created.id, { ...created.outs });
    expect(refreshed.id).toBe(created.id);
    expect(refreshed.props).toMatchObject({ state: "running", initialState: "running" });
    expect(["starting", "available"]).toContain(refreshed.props?.status);
    expect(refreshed.props).not.toHaveProperty("automaticRestartTime");
    expect(refreshed).not.toHaveProperty("inputs");
    const diff = await impl.diff(created.id, { ...refreshed.props }, inputs);
    expect(diff).toEqual({ changes: true, replaces: [], deleteBeforeReplace: false });
    const reconverged = await impl.update(created.id, { ...refreshed.props }, inputs);
    expect(reconverged.outs).toMatchObject({ state: "stopped", status: "stopped" });
  });

  it("read of a deleted cluster says the resource is gone; delete succeeds", async () => {
    await bed.emu.admin.seed([{ DBClusterIdentifier: "gone", Status: "stopped" }]);
    const created = await impl.create(await bed.inputs("gone"));
    await bed.emu.admin.deleteCluster("gone");
    await expect(impl.read(created.id, { ...created.outs })).resolves.toEqual({ id: "" });
    await expect(
      impl.delete(created.id, { ...created.outs, onDelete: "running" }),
    ).resolves.toBeUndefined();
  });

  it("create of a missing cluster fails with ClusterNotFoundError", async () => {
    const error = await rejectionOf(impl.create(await bed.inputs("missing-one")));
    expect(error).toBeInstanceOf(ClusterNotFoundError);
    expect(error.message).toBe(
      "cluster `missing-one` (eu-west-1) was not found; check `clusterIdentifier`, `region` and the account of the credentials",
    );
  });

  it.each([
    [
      { EngineMode: "serverless" },
      "it is Aurora Serverless v1 (`EngineMode: serverless`), which pauses by itself and cannot be stopped; migrate to Serverless v2 or provisioned, which can be stopped, or leave it running",
    ],
    [
      { EngineMode: "multimaster" },
      "its engine mode `multimaster` cannot be stopped; migrate to a provisioned or Serverless v2 cluster, or leave it running",
    ],
    [
      { BlueGreenDeployment: { identifier: "bgd-orders9" } },
      "it is part of Blue/Green deployment `bgd-orders9`, and RDS cannot stop or start a cluster in a Blue/Green deployment; delete the Blue/Green deployment first (switch it over before, to keep the green cluster), or leave it running",
    ],
    [
      { ReplicationSourceIdentifier: "arn:aws:rds:us-east-1:123456789012:cluster:src" },
      "it replicates from `arn:aws:rds:us-east-1:123456789012:cluster:src`; promote the replica first, or leave it running",
    ],
    [
      { ReadReplicaIdentifiers: ["arn:aws:rds:us-west-2:123456789012:cluster:replica"] },
      "it has cross-Region read replicas (arn:aws:rds:us-west-2:123456789012:cluster:replica); promote or delete the replicas first, or leave it running",
    ],
    [
      { Engine: "mysql", DBClusterInstanceClass: "db.m6gd.large", MultiAZ: true },
      "it is a Multi-AZ DB cluster of engine `mysql`, not an Aurora cluster; RDS cannot stop those; stop the workload another way, or leave it running",
    ],
  ])("refuses an unsupported cluster %j before any mutating call", async (seed, why) => {
    const id = `unsup-${Object.keys(seed).join("-").toLowerCase()}`;
    await bed.emu.admin.seed([{ DBClusterIdentifier: id, ...seed }]);
    await bed.emu.admin.resetCounters();
    const error = await rejectionOf(impl.create(await bed.inputs(id)));
    expect(error).toBeInstanceOf(UnsupportedClusterError);
    expect(error.message).toBe(`cluster \`${id}\` (eu-west-1) cannot be stopped: ${why}`);
    expect((await bed.emu.admin.counters()).calls.StopDBCluster).toBe(0);
  });

  it("stops the source of a same-Region read replica (only cross-Region replicas block a stop)", async () => {
    await bed.emu.admin.seed([
      { DBClusterIdentifier: "samereg", ReadReplicaIdentifiers: ["samereg-replica"] },
    ]);
    const { outs } = await impl.create(await bed.inputs("samereg"));
    expect(outs?.status).toBe("stopped");
  });

  it("reports progress through the provider's log sink", () => {
    expect(bed.messages).toContain("life-stopped (eu-west-1): stopping, 0s");
    expect(bed.messages).toContain("life-stopped (eu-west-1): stopped, 0s");
  });
});
