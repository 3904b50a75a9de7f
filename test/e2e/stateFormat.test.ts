import { ClusterFleetPowerState, ClusterPowerState } from "aurora-power";
import type { RunningEmulator } from "aurora-power/emulator";
import { withInlineStack } from "../../scripts/harness";
import { e2eStackOptions, startE2eEmulator, statusesOf } from "../support/e2eEmulator";

// The state of every aurora-power resource is a versioned format (docs/cluster-power-state.md, "State format and upgrades"): a state
// written by a later aurora-power must be refused with the version that wrote it and what to
// install, never misread, and nothing may change.
const program = () => {
  const power = new ClusterPowerState("dev-power", {
    clusterIdentifier: "fmt-single",
    state: "stopped",
  });
  const fleet = new ClusterFleetPowerState("dev-fleet", {
    clusterIdentifiers: ["fmt-fleet"],
    state: "stopped",
  });
  return Promise.resolve({ status: power.status, members: fleet.members });
};

type Resource = { type: string; id?: string; outputs?: Record<string, unknown> };
type Deployment = { deployment: { resources: Resource[] } };

function newerFormat(state: Deployment, version: number): void {
  for (const resource of state.deployment.resources) {
    if (!/:ClusterPowerState$|:ClusterFleetPowerState$/.test(resource.type)) continue;
    resource.outputs = { ...resource.outputs, schemaVersion: version, writtenBy: "0.9.0" };
  }
}

describe("state format versions through the engine", () => {
  let emulator: RunningEmulator;

  beforeAll(async () => {
    emulator = await startE2eEmulator([
      { DBClusterIdentifier: "fmt-single", Status: "available" },
      { DBClusterIdentifier: "fmt-fleet", Status: "available" },
    ]);
  });
  afterAll(() => emulator.stop());

  it("refuses a state written by a newer aurora-power on preview, refresh, up and destroy, changing nothing", async () => {
    await withInlineStack(e2eStackOptions(emulator, program), async (run) => {
      await run.up();
      const written = (await run.stack.exportStack()) as unknown as Deployment;
      newerFormat(written, 2);
      await run.stack.importStack(written as never);
      await emulator.admin.resetCounters();

      // The engine stops an operation at the first resource that fails, whichever it is.
      const refused = new RegExp(
        [
          "the state of (ClusterPowerState `us-east-1/fmt-single`|ClusterFleetPowerState `us-east-1/fleet/[0-9a-f-]+`)",
          " was written by aurora-power 0\\.9\\.0 \\(state format 2\\); the installed aurora-power \\S+ reads formats up to 1\\.",
          " Install aurora-power 0\\.9\\.0 or later \\(`npm install aurora-power@\\^0\\.9\\.0`\\) in the program's directory",
          " and run the command again; nothing was changed",
        ].join(""),
      );
      await expect(run.preview()).rejects.toThrow(refused);
      await expect(run.refresh()).rejects.toThrow(refused);
      await expect(run.up()).rejects.toThrow(refused);
      await expect(run.destroy()).rejects.toThrow(refused);
      const { calls } = await emulator.admin.counters();
      expect(calls.StopDBCluster ?? 0).toBe(0);
      expect(calls.StartDBCluster ?? 0).toBe(0);
      expect(await statusesOf(emulator, ["fmt-single", "fmt-fleet"])).toEqual({
        "fmt-single": "stopped",
        "fmt-fleet": "stopped",
      });

      // Back to the installed format: everything works again (and destroy restores).
      const current = (await run.stack.exportStack()) as unknown as Deployment;
      newerFormat(current, 1);
      await run.stack.importStack(current as never);
      await run.destroy();
      expect(await statusesOf(emulator, ["fmt-single", "fmt-fleet"])).toEqual({
        "fmt-single": "available",
        "fmt-fleet": "available",
      });
    });
  });
});
