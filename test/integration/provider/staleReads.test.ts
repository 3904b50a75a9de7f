import { impl, startTestbed, statusOf, type ProviderTestbed } from "./support";

// Describes lag 1 s behind every accepted stop/start (eventual consistency, DESIGN.md §1); the
// provider's grace for a pre-action status is 3 s here (30 s by default, against minutes-long
// transitions on AWS).
const STALE_READ_SECONDS = 1;

let bed: ProviderTestbed;

beforeAll(async () => {
  bed = await startTestbed({ staleReadSeconds: STALE_READ_SECONDS });
  process.env.AURORA_POWER_STALE_GRACE_MS = "3000";
  impl.setRuntimeHooks({ env: process.env });
});
afterAll(async () => {
  await bed.emu.stop();
});

/** Status changes the emulator recorded for one cluster, as `from>to`. */
async function transitions(id: string): Promise<string[]> {
  return (await bed.emu.admin.events())
    .filter((e) => e.clusterIdentifier === id)
    .map((e) => `${e.from}>${e.to}`);
}

/** The statuses the provider reported as progress for one cluster, in order. */
function progressOf(id: string): string[] {
  const prefix = `${id} (eu-west-1): `;
  return bed.messages
    .filter((m) => m.startsWith(prefix))
    .map((m) => m.slice(prefix.length).split(",")[0] ?? "");
}

describe("ClusterPowerState with eventually consistent describes", () => {
  it("create to stopped converges with exactly one StopDBCluster", async () => {
    await bed.emu.admin.seed([{ DBClusterIdentifier: "stale-stop" }]);
    await bed.emu.admin.resetCounters();
    const created = await impl.create(await bed.inputs("stale-stop", { state: "stopped" }));
    expect(created.outs).toMatchObject({ state: "stopped", status: "stopped" });
    expect(await statusOf(bed.emu, "stale-stop")).toBe("stopped");
    expect((await bed.emu.admin.counters()).calls).toMatchObject({
      StopDBCluster: 1,
      StartDBCluster: 0,
    });
    expect(await transitions("stale-stop")).toEqual(["available>stopping", "stopping>stopped"]);
    // The lagging `available` is not reported as progress (it would read as if the stop undid itself).
    expect(progressOf("stale-stop")).toEqual(["available", "stopping", "stopped"]);
  });

  it("delete restores the initial state with exactly one StartDBCluster", async () => {
    await bed.emu.admin.seed([{ DBClusterIdentifier: "stale-del" }]);
    const created = await impl.create(await bed.inputs("stale-del", { state: "stopped" }));
    expect(created.outs).toMatchObject({ status: "stopped", initialState: "running" });
    await bed.emu.admin.resetCounters();
    await impl.delete(created.id, { ...created.outs });
    expect(await statusOf(bed.emu, "stale-del")).toBe("available");
    expect((await bed.emu.admin.counters()).calls).toMatchObject({
      StartDBCluster: 1,
      StopDBCluster: 0,
    });
  });

  it("update to running, then back to stopped, converges with one call each", async () => {
    await bed.emu.admin.seed([{ DBClusterIdentifier: "stale-upd", Status: "stopped" }]);
    const inputs = await bed.inputs("stale-upd", { state: "stopped" });
    const created = await impl.create(inputs);
    await bed.emu.admin.resetCounters();
    const started = await impl.update(
      created.id,
      { ...created.outs },
      { ...inputs, state: "running" },
    );
    expect(started.outs).toMatchObject({ state: "running", status: "available" });
    expect((await bed.emu.admin.counters()).calls).toMatchObject({
      StartDBCluster: 1,
      StopDBCluster: 0,
    });
    await bed.emu.admin.resetCounters();
    const stopped = await impl.update(
      created.id,
      { ...started.outs },
      { ...inputs, state: "stopped" },
    );
    expect(stopped.outs).toMatchObject({ state: "stopped", status: "stopped" });
    expect((await bed.emu.admin.counters()).calls).toMatchObject({
      StartDBCluster: 0,
      StopDBCluster: 1,
    });
    expect(await transitions("stale-upd")).toEqual([
      "stopped>starting",
      "starting>available",
      "available>stopping",
      "stopping>stopped",
    ]);
    expect(progressOf("stale-upd")).toEqual([
      "stopped", // create: already stopped
      "stopped", // update: first describe
      "starting",
      "available",
      "available", // update: first describe
      "stopping",
      "stopped",
    ]);
  });
});
