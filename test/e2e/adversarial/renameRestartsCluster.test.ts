import { ClusterFleetPowerState, ClusterPowerState } from "aurora-power";
import type { RunningEmulator } from "aurora-power/emulator";
import { withInlineStack } from "../../../scripts/harness";
import { e2eStackOptions, startE2eEmulator, statusesOf } from "../../support/e2eEmulator";

// Issue 19, defect 3: renaming a resource (no alias), or moving a cluster from a fleet into a
// `ClusterPowerState`, created the new resource first (adopting the stopped cluster), then the old
// resource's `onDelete: restore` started it: the stack said `stopped`, the cluster ran and billed.
const single = (name: string, id: string) => () => {
  const power = new ClusterPowerState(name, { clusterIdentifier: id, state: "stopped" });
  return Promise.resolve({ status: power.status });
};

async function powerCalls(emulator: RunningEmulator): Promise<number[]> {
  const { calls } = await emulator.admin.counters();
  return [calls.StopDBCluster ?? 0, calls.StartDBCluster ?? 0];
}

describe("defect 3: renames and moves do not restart clusters", () => {
  let emulator: RunningEmulator;

  beforeAll(async () => {
    emulator = await startE2eEmulator([
      { DBClusterIdentifier: "renamed", Status: "available" },
      { DBClusterIdentifier: "moved", Status: "available" },
      { DBClusterIdentifier: "stays", Status: "available" },
    ]);
  });
  afterAll(() => emulator.stop());

  it("keeps a cluster stopped when its ClusterPowerState is renamed without an alias", async () => {
    let output = "";
    const options = e2eStackOptions(emulator, single("old-name", "renamed"));
    options.onOutput = (text: string) => void (output += text);
    await withInlineStack(options, async (run) => {
      await run.up();
      expect(await statusesOf(emulator, ["renamed"])).toEqual({ renamed: "stopped" });
      await emulator.admin.resetCounters();
      output = "";
      const up = await run.up({ program: single("new-name", "renamed") });
      expect(up.summary.resourceChanges).toEqual({ create: 1, delete: 1, same: 1 });
      expect(await powerCalls(emulator)).toEqual([0, 0]);
      expect(await statusesOf(emulator, ["renamed"])).toEqual({ renamed: "stopped" });
      expect(output).toContain(
        "cluster `renamed` (us-east-1) is left as it is: `ClusterPowerState` `new-name` holds it now (a rename or a move in this run), so `ClusterPowerState` `old-name` does not apply `onDelete: restore` to it",
      );
      await run.destroy();
      // The new resource recorded what it found (stopped): the case docs/cluster-power-state.md documents.
      expect(await statusesOf(emulator, ["renamed"])).toEqual({ renamed: "stopped" });
    });
  });

  it("keeps a cluster stopped when it moves from a fleet into a ClusterPowerState", async () => {
    const fleet = (ids: string[]) =>
      new ClusterFleetPowerState("fleet", { clusterIdentifiers: ids, state: "stopped" });
    await withInlineStack(
      e2eStackOptions(emulator, () => {
        fleet(["moved", "stays"]);
        return Promise.resolve({});
      }),
      async (run) => {
        await run.up();
        await emulator.admin.resetCounters();
        await run.up({
          program: () => {
            fleet(["stays"]);
            new ClusterPowerState("moved", { clusterIdentifier: "moved", state: "stopped" });
            return Promise.resolve({});
          },
        });
        expect(await powerCalls(emulator)).toEqual([0, 0]);
        expect(await statusesOf(emulator, ["moved", "stays"])).toEqual({
          moved: "stopped",
          stays: "stopped",
        });
        await run.destroy();
      },
    );
  });
});
