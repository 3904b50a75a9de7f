import { ClusterStateError } from "../../../provider/errors";
import { impl, rejectionOf, startTestbed, statusOf, type ProviderTestbed } from "./support";

let bed: ProviderTestbed;

beforeAll(async () => {
  bed = await startTestbed();
});
afterAll(async () => {
  await bed.emu.stop();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("converging from every transitional status", () => {
  it.each([
    "starting",
    "backing-up",
    "modifying",
    "maintenance",
    "upgrading",
    "creating",
    "renaming",
    "storage-optimization",
    "some-future-status",
  ])("waits while %s, then stops once available", async (status) => {
    const id = `tr-${status}`;
    await bed.emu.admin.seed([{ DBClusterIdentifier: id, Status: status }]);
    await bed.emu.admin.resetCounters();
    const created = impl.create(await bed.inputs(id));
    await sleep(300);
    expect(await statusOf(bed.emu, id)).toBe(status);
    expect((await bed.emu.admin.counters()).calls.StopDBCluster).toBe(0);
    await bed.emu.admin.forceStatus(id, "available");
    await expect(created).resolves.toMatchObject({
      outs: { status: "stopped", initialState: "running" },
    });
  });

  it("waits for a stop in progress, then starts (never waits for available first)", async () => {
    await bed.emu.admin.seed([{ DBClusterIdentifier: "tr-stopping" }]);
    await bed.emu.admin.setConfig({ stopSeconds: 0.5 });
    const rdsStop = await impl
      .create(await bed.inputs("tr-stopping", { state: "stopped", timeoutMinutes: 0.002 }))
      .catch((e: unknown) => e);
    expect(rdsStop).toMatchObject({ name: "PartialFailureError" });
    expect(await statusOf(bed.emu, "tr-stopping")).toBe("stopping");
    const created = await impl.create(await bed.inputs("tr-stopping", { state: "running" }));
    expect(created.outs).toMatchObject({ status: "available", initialState: "stopped" });
    const events = (await bed.emu.admin.events())
      .filter((e) => e.clusterIdentifier === "tr-stopping")
      .map((e) => `${e.from}>${e.to}`);
    expect(events).toEqual([
      "available>stopping",
      "stopping>stopped",
      "stopped>starting",
      "starting>available",
    ]);
    await bed.emu.admin.setConfig({ stopSeconds: 0.3 });
  });

  it("counts a running-but-busy cluster as running", async () => {
    await bed.emu.admin.seed([{ DBClusterIdentifier: "tr-busy", Status: "backing-up" }]);
    await bed.emu.admin.resetCounters();
    await expect(
      impl.create(await bed.inputs("tr-busy", { state: "running" })),
    ).resolves.toMatchObject({ outs: { status: "backing-up" } });
    expect((await bed.emu.admin.counters()).calls).toMatchObject({
      StartDBCluster: 0,
      StopDBCluster: 0,
    });
  });

  it("starts through backing-up and stops right after (InvalidDBInstanceStateFault race)", async () => {
    await bed.emu.admin.seed([{ DBClusterIdentifier: "tr-race", Status: "stopped" }]);
    await bed.emu.admin.setConfig({ backingUpSeconds: 0.2, instanceSettleSeconds: 0.4 });
    const created = await impl.create(await bed.inputs("tr-race", { state: "running" }));
    expect(created.outs?.status).toBe("backing-up");
    await bed.emu.admin.resetCounters();
    const stopped = await impl.update(
      created.id,
      { ...created.outs },
      await bed.inputs("tr-race", { state: "stopped" }),
    );
    expect(stopped.outs?.status).toBe("stopped");
    expect((await bed.emu.admin.counters()).calls.StopDBCluster).toBeGreaterThanOrEqual(2);
    await bed.emu.admin.setConfig({ backingUpSeconds: 0, instanceSettleSeconds: 0 });
  });

  it("re-plans when the cluster is back to available while being stopped", async () => {
    await bed.emu.admin.seed([{ DBClusterIdentifier: "tr-manual" }]);
    await bed.emu.admin.setConfig({ stopSeconds: 1 });
    const created = impl.create(await bed.inputs("tr-manual"));
    await sleep(300);
    // Someone (or RDS) put it back to available: after the stale-describe grace, stop again.
    await bed.emu.admin.forceStatus("tr-manual", "available");
    await expect(created).resolves.toMatchObject({ outs: { status: "stopped" } });
    const stops = (await bed.emu.admin.events()).filter(
      (e) => e.clusterIdentifier === "tr-manual" && e.to === "stopping",
    );
    expect(stops).toHaveLength(2);
    await bed.emu.admin.setConfig({ stopSeconds: 0.3 });
  });

  it.each(["inaccessible-encryption-credentials", "incompatible-network", "failed"])(
    "fails clearly when the cluster is %s",
    async (status) => {
      const id = `tr-term-${status}`.slice(0, 40);
      await bed.emu.admin.seed([{ DBClusterIdentifier: id, Status: status }]);
      const error = await rejectionOf(impl.create(await bed.inputs(id)));
      expect(error).toBeInstanceOf(ClusterStateError);
      expect(error.message).toMatch(
        new RegExp(`^cluster \`${id}\` \\(eu-west-1\\) is \`${status}\`: `),
      );
    },
  );
});
