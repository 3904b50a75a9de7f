import { ClusterTimeoutError, PartialFailureError } from "../../../provider/errors";
import { impl, rejectionOf, startTestbed, statusOf, type ProviderTestbed } from "./support";

let bed: ProviderTestbed;

beforeAll(async () => {
  bed = await startTestbed({ stopSeconds: 2, startSeconds: 2 });
});
afterAll(async () => {
  await bed.emu.stop();
});

describe("timeout -> partial failure -> resume", () => {
  it("keeps the resource on timeout after the stop was issued, and the next up finishes without a second stop", async () => {
    await bed.emu.admin.seed([{ DBClusterIdentifier: "slow-stop" }]);
    const inputs = await bed.inputs("slow-stop", { timeoutMinutes: 0.01 });
    const error = await rejectionOf(impl.create(inputs));
    expect(error).toBeInstanceOf(PartialFailureError);
    const partial = error as PartialFailureError;
    expect(partial.id).toBe("eu-west-1/slow-stop");
    expect(partial.reasons).toEqual([
      "cluster `slow-stop` (eu-west-1) is still `stopping` after 0.01 min (expected `stopped`); raise `timeoutMinutes` or check the RDS console",
    ]);
    expect(partial.cause).toBeInstanceOf(ClusterTimeoutError);
    expect(partial.cause).toMatchObject({
      lastObservedStatus: "stopping",
      expected: "stopped",
      clusterIdentifier: "slow-stop",
      region: "eu-west-1",
    });
    // The engine records these properties; __provider must survive for the next operation.
    expect(partial.properties).toMatchObject({
      __provider: "shim",
      status: "stopping",
      initialState: "running",
      state: "stopped",
      schemaVersion: 1,
    });
    expect(await statusOf(bed.emu, "slow-stop")).toBe("stopping");

    // Next `pulumi up`: the engine calls update for a resource with init errors.
    await bed.emu.admin.resetCounters();
    const resumed = await impl.update(partial.id, partial.properties, {
      ...inputs,
      timeoutMinutes: 1,
    });
    expect(resumed.outs).toMatchObject({
      status: "stopped",
      initialState: "running",
      timeoutMinutes: 1,
    });
    expect((await bed.emu.admin.counters()).calls.StopDBCluster).toBe(0);
  });

  it("a timeout in delete is a plain error, so the engine keeps the resource", async () => {
    await bed.emu.admin.seed([{ DBClusterIdentifier: "slow-start", Status: "stopped" }]);
    const inputs = await bed.inputs("slow-start", { onDelete: "running", timeoutMinutes: 0.01 });
    const created = await impl.create(inputs);
    const error = await rejectionOf(impl.delete(created.id, { ...created.outs }));
    expect(error).toBeInstanceOf(ClusterTimeoutError);
    expect(error.message).toBe(
      "cluster `slow-start` (eu-west-1) is still `starting` after 0.01 min (expected `running`); raise `timeoutMinutes` or check the RDS console",
    );
  });
});
