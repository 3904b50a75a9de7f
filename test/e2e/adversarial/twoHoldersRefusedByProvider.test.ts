import { ClusterFleetPowerState, ClusterPowerState } from "aurora-power";
import type { RunningEmulator } from "aurora-power/emulator";
import { withInlineStack } from "../../../scripts/harness";
import { e2eStackOptions, startE2eEmulator, statusesOf } from "../../support/e2eEmulator";

// Issue 19, defect 4: two holders of one cluster were accepted — two `ClusterPowerState`s for
// `dup-a` with opposite states, or a fleet member `MIX-A` and a `ClusterPowerState` for `mix-a`;
// every refresh + up flipped the cluster. The provider now refuses the second one at check.
describe("defect 4: one holder per cluster (the provider's check)", () => {
  let emulator: RunningEmulator;

  beforeAll(async () => {
    emulator = await startE2eEmulator([
      { DBClusterIdentifier: "dup-a", Status: "available" },
      { DBClusterIdentifier: "mix-a", Status: "available" },
    ]);
  });
  afterAll(() => emulator.stop());

  it("refuses two ClusterPowerStates for one cluster, naming both, and changes nothing", async () => {
    const program = () => {
      new ClusterPowerState("first", { clusterIdentifier: "dup-a", state: "stopped" });
      new ClusterPowerState("second", { clusterIdentifier: "dup-a", state: "running" });
      return Promise.resolve({});
    };
    await withInlineStack(e2eStackOptions(emulator, program), async (run) => {
      await emulator.admin.resetCounters();
      await expect(run.up()).rejects.toThrow(
        /cluster `dup-a` \(us-east-1\) is already held by `ClusterPowerState` `(first|second)` in this stack; one resource may hold a cluster/,
      );
      const { calls } = await emulator.admin.counters();
      expect(calls.StopDBCluster ?? 0).toBeLessThanOrEqual(1);
      await run.destroy();
    });
  });

  it("refuses a fleet member and a ClusterPowerState for one cluster, whatever the case", async () => {
    const program = () => {
      new ClusterFleetPowerState("fleet", { clusterIdentifiers: ["MIX-A"], state: "stopped" });
      new ClusterPowerState("single", { clusterIdentifier: "mix-a", state: "running" });
      return Promise.resolve({});
    };
    await withInlineStack(e2eStackOptions(emulator, program), async (run) => {
      await expect(run.preview()).rejects.toThrow(
        /cluster `mix-a` \(us-east-1\) is already held by `(ClusterFleetPowerState` `fleet|ClusterPowerState` `single)` in this stack/,
      );
      expect(await statusesOf(emulator, ["mix-a"])).toEqual({ "mix-a": "available" });
    });
  });
});
