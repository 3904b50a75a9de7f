import { ClusterPowerState } from "aurora-power";
import type { RunningEmulator } from "aurora-power/emulator";
import { withInlineStack } from "../../scripts/harness";
import {
  e2eStackOptions,
  recordedStatuses,
  startE2eEmulator,
  statusesOf,
} from "../support/e2eEmulator";

function heldStopped(clusterIdentifier: string, timeoutMinutes: number) {
  return () => {
    const power = new ClusterPowerState("power", {
      clusterIdentifier,
      state: "stopped",
      timeoutMinutes,
    });
    return Promise.resolve({ status: power.status });
  };
}

describe("partial failure and replacement under the real engine", () => {
  let emulator: RunningEmulator;

  beforeAll(async () => {
    emulator = await startE2eEmulator([
      { DBClusterIdentifier: "slow-stop", Status: "available" },
      { DBClusterIdentifier: "replace-a", Status: "available" },
      { DBClusterIdentifier: "replace-b", Status: "available" },
    ]);
  });
  afterAll(() => emulator.stop());

  it("records a stop that outlived `timeoutMinutes` and resumes it on the next up without a second StopDBCluster", async () => {
    // The stop takes 4 s; a 0.6 s limit runs out while the cluster is `stopping`.
    await emulator.admin.setConfig({ stopSeconds: 4 });
    await emulator.admin.resetCounters();
    await withInlineStack(
      e2eStackOptions(emulator, heldStopped("slow-stop", 0.01)),
      async (run) => {
        await expect(run.up()).rejects.toThrow(/slow-stop[\s\S]*timeoutMinutes/);
        expect(await recordedStatuses(run)).toEqual({ "slow-stop": "stopping" });

        await run.up({ program: heldStopped("slow-stop", 1) });
        expect(await statusesOf(emulator, ["slow-stop"])).toEqual({ "slow-stop": "stopped" });
        expect(await recordedStatuses(run)).toEqual({ "slow-stop": "stopped" });
        expect((await emulator.admin.counters()).calls.StopDBCluster).toBe(1);

        await run.destroy();
        expect(await statusesOf(emulator, ["slow-stop"])).toEqual({ "slow-stop": "available" });
      },
    );
    await emulator.admin.setConfig({ stopSeconds: 0.5 });
  });

  it("replaces the resource when `clusterIdentifier` changes: the old cluster is restored, the new one stopped", async () => {
    await withInlineStack(e2eStackOptions(emulator, heldStopped("replace-a", 1)), async (run) => {
      await run.up();
      expect(await statusesOf(emulator, ["replace-a", "replace-b"])).toEqual({
        "replace-a": "stopped",
        "replace-b": "available",
      });

      const preview = await run.preview({ program: heldStopped("replace-b", 1) });
      expect(preview.changeSummary).toEqual({ replace: 1, same: 1 });

      const up = await run.up({ program: heldStopped("replace-b", 1) });
      expect(up.summary.resourceChanges).toEqual({ replace: 1, same: 1 });
      expect(await statusesOf(emulator, ["replace-a", "replace-b"])).toEqual({
        "replace-a": "available",
        "replace-b": "stopped",
      });

      await run.destroy();
      expect(await statusesOf(emulator, ["replace-a", "replace-b"])).toEqual({
        "replace-a": "available",
        "replace-b": "available",
      });
    });
  });
});
