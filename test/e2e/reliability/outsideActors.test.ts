import { ClusterPowerState } from "aurora-power";
import type { RunningEmulator } from "aurora-power/emulator";
import { createInlineStack, withInlineStack, type InlineStack } from "../../../scripts/harness";
import { recordedStatuses, startE2eEmulator, waitForStatus } from "../../support/e2eEmulator";
import {
  holdAll,
  plantedCredentialsIn,
  reliabilityStackOptions,
  reportFigure,
} from "./reliabilityStack";

// The 7-day automatic restart, accelerated to 3 s.
const AUTO_RESTART_SECONDS = 3;

function outcomeOf(promise: Promise<unknown>): Promise<string> {
  return promise.then(
    () => "succeeded",
    (error: unknown) => String(error),
  );
}

describe("outside actors under the real engine", () => {
  let emulator: RunningEmulator;

  beforeAll(async () => {
    emulator = await startE2eEmulator([
      { DBClusterIdentifier: "oob-deleted" },
      { DBClusterIdentifier: "auto-restarted" },
      { DBClusterIdentifier: "contested" },
    ]);
  });
  afterAll(() => emulator.stop());

  it("a cluster deleted out of band: refresh drops the resource, destroy succeeds", async () => {
    await withInlineStack(
      reliabilityStackOptions(emulator, holdAll(["oob-deleted"], "stopped")),
      async (run) => {
        await run.up();
        await emulator.admin.deleteCluster("oob-deleted");
        const refresh = await run.refresh();
        expect(refresh.summary.resourceChanges).toEqual({ delete: 1, same: 1 });
        expect(await recordedStatuses(run)).toEqual({});
        const destroy = await run.destroy();
        expect(destroy.summary.result).toBe("succeeded");
        expect(await plantedCredentialsIn(run)).toEqual([]);
      },
    );
  });

  it("the accelerated 7-day restart: refresh shows the drift, up stops the cluster again", async () => {
    await withInlineStack(
      reliabilityStackOptions(emulator, holdAll(["auto-restarted"], "stopped")),
      async (run) => {
        await emulator.admin.setConfig({ autoRestartSeconds: AUTO_RESTART_SECONDS });
        try {
          await run.up();
          const stoppedAt = Date.now();
          // RDS restarts it on its own (RDS-EVENT-0153); the emulator does so after 3 s.
          await waitForStatus(emulator, "auto-restarted", "available", 15_000);
          const restartedAfterMs = Date.now() - stoppedAt;
          const refresh = await run.refresh();
          expect(refresh.summary.resourceChanges).toEqual({ update: 1, same: 1 });
          const { deployment } = await run.stack.exportStack();
          const refreshed = (
            deployment as { resources: { outputs?: Record<string, unknown> }[] }
          ).resources.find((r) => r.outputs?.clusterIdentifier === "auto-restarted");
          expect(refreshed?.outputs).toMatchObject({ state: "running", status: "available" });
          expect(refreshed?.outputs).not.toHaveProperty("automaticRestartTime");

          // Back to the 7-day period, so the re-stop is not undone again before it is checked.
          await emulator.admin.setConfig({ autoRestartSeconds: 7 * 24 * 3600 });
          const up = await run.up();
          expect(up.summary.resourceChanges).toEqual({ update: 1, same: 1 });
          expect((await emulator.admin.getCluster("auto-restarted"))?.Status).toBe("stopped");
          expect(await recordedStatuses(run)).toEqual({ "auto-restarted": "stopped" });
          reportFigure("7-day restart (accelerated)", {
            restartedAfterMs,
            refreshDrift: refresh.summary.resourceChanges,
            upChanges: up.summary.resourceChanges,
          });
        } finally {
          await emulator.admin.setConfig({ autoRestartSeconds: 7 * 24 * 3600 });
        }
        await run.destroy();
        expect(await plantedCredentialsIn(run)).toEqual([]);
      },
    );
  });

  it("two stacks holding one cluster in opposite states: both `up`s end, the loser's refresh shows the drift", async () => {
    const stacks: InlineStack[] = [];
    try {
      const retain = (state: "running" | "stopped") => () => {
        new ClusterPowerState("contested", {
          clusterIdentifier: "contested",
          state,
          onDelete: "retain",
          timeoutMinutes: 1,
        });
        return Promise.resolve();
      };
      stacks.push(await createInlineStack(reliabilityStackOptions(emulator, retain("stopped"))));
      stacks.push(await createInlineStack(reliabilityStackOptions(emulator, retain("running"))));
      const [stopper, starter] = stacks as [InlineStack, InlineStack];
      await emulator.admin.resetCounters();
      const startedAt = Date.now();
      const outcomes = await Promise.all([outcomeOf(stopper.up()), outcomeOf(starter.up())]);
      const fightMs = Date.now() - startedAt;
      for (const outcome of outcomes)
        expect(outcome).toMatch(
          /^succeeded$|kept returning to .* check what else starts or stops it/,
        );
      const { calls } = await emulator.admin.counters();
      // Bounded: at most one converge each, each within `maxRaceRetries` (30) + 1 power calls.
      expect(calls.StopDBCluster + calls.StartDBCluster).toBeLessThanOrEqual(2 * 31);

      // Whoever acted last won; the other stack's refresh reports the cluster no longer as it wants.
      const final = (await emulator.admin.getCluster("contested"))?.Status;
      const loser = final === "stopped" ? starter : stopper;
      const refresh = await loser.refresh();
      expect(refresh.summary.resourceChanges).toEqual({ update: 1, same: 1 });
      reportFigure("two stacks, one cluster", {
        outcomes,
        fightMs,
        powerCalls: calls.StopDBCluster + calls.StartDBCluster,
        final,
      });
      for (const run of stacks) expect(await plantedCredentialsIn(run)).toEqual([]);
    } finally {
      for (const run of stacks) await run.dispose();
    }
  });

  it("a hostile identifier fails `pulumi up` in check, with no RDS call and nothing in the state", async () => {
    const hostile = () => {
      new ClusterPowerState("hostile", {
        clusterIdentifier: 'dev"><x/>&Action=DeleteDBCluster',
        state: "stopped",
      });
      return Promise.resolve();
    };
    await withInlineStack(reliabilityStackOptions(emulator, hostile), async (run) => {
      await emulator.admin.resetCounters();
      await expect(run.up()).rejects.toThrow(
        /`clusterIdentifier` must be 1–63 letters, digits or hyphens/,
      );
      const { calls } = await emulator.admin.counters();
      expect(Object.values(calls).reduce((sum, n) => sum + n, 0)).toBe(0);
      expect(await recordedStatuses(run)).toEqual({});
      expect(await plantedCredentialsIn(run)).toEqual([]);
    });
  });
});
