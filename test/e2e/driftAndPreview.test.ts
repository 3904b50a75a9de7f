import { ClusterPowerState } from "aurora-power";
import type { RunningEmulator } from "aurora-power/emulator";
import { withInlineStack } from "../../scripts/harness";
import {
  e2eStackOptions,
  powerOf,
  recordedStatuses,
  startE2eEmulator,
  statusesOf,
  waitForStatus,
} from "../support/e2eEmulator";

// `held-stopped` is restarted by RDS's 7-day automatic start; someone stops `held-running` by hand.
const IDS = ["held-stopped", "held-running"];

function program() {
  const stopped = new ClusterPowerState("held-stopped", {
    clusterIdentifier: "held-stopped",
    state: "stopped",
  });
  const running = new ClusterPowerState("held-running", {
    clusterIdentifier: "held-running",
    state: "running",
  });
  return Promise.resolve({ "held-stopped": stopped.status, "held-running": running.status });
}

async function powerCalls(emulator: RunningEmulator): Promise<[number, number]> {
  const { calls } = await emulator.admin.counters();
  return [calls.StopDBCluster, calls.StartDBCluster];
}

describe("drift and previews under the real engine", () => {
  let emulator: RunningEmulator;

  beforeAll(async () => {
    emulator = await startE2eEmulator([
      { DBClusterIdentifier: "held-stopped", Status: "available" },
      { DBClusterIdentifier: "held-running", Status: "stopped" },
    ]);
  });
  afterAll(() => emulator.stop());

  it("previews the planned stop and start without calling StopDBCluster or StartDBCluster", async () => {
    await withInlineStack(e2eStackOptions(emulator, program), async (run) => {
      await emulator.admin.resetCounters();
      const preview = await run.preview();
      expect(preview.changeSummary).toEqual({ create: 3 });
      expect(await powerCalls(emulator)).toEqual([0, 0]);
      expect(await statusesOf(emulator, IDS)).toEqual({
        "held-stopped": "available",
        "held-running": "stopped",
      });
      await run.destroy();
    });
  });

  it("refresh records the automatic restart and a manual stop; preview plans, up re-converges", async () => {
    await withInlineStack(e2eStackOptions(emulator, program), async (run) => {
      await run.up();
      expect(await statusesOf(emulator, IDS)).toEqual({
        "held-stopped": "stopped",
        "held-running": "available",
      });

      await emulator.admin.triggerAutoRestart("held-stopped");
      await emulator.admin.forceStatus("held-running", "stopped");
      await waitForStatus(emulator, "held-stopped", "available");

      const refresh = await run.refresh();
      expect(refresh.summary.resourceChanges).toEqual({ update: 2, same: 1 });
      const recorded = await recordedStatuses(run);
      expect([powerOf(recorded["held-stopped"]), recorded["held-running"]]).toEqual([
        "running",
        "stopped",
      ]);

      await emulator.admin.resetCounters();
      const preview = await run.preview();
      expect(preview.changeSummary).toEqual({ update: 2, same: 1 });
      expect(await powerCalls(emulator)).toEqual([0, 0]);

      const up = await run.up();
      expect(up.summary.resourceChanges).toEqual({ update: 2, same: 1 });
      expect(await powerCalls(emulator)).toEqual([1, 1]);
      expect(await statusesOf(emulator, IDS)).toEqual({
        "held-stopped": "stopped",
        "held-running": "available",
      });

      await run.destroy();
      expect(await statusesOf(emulator, IDS)).toEqual({
        "held-stopped": "available",
        "held-running": "stopped",
      });
    });
  });
});
