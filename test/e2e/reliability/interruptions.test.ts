import type { RunningEmulator } from "aurora-power/emulator";
import { createInlineStack, type InlineStack } from "../../../scripts/harness";
import { startE2eEmulator } from "../../support/e2eEmulator";
import { descendantsOf, findPulumiCli, isAlive, killLeftovers } from "../../support/processTree";
import {
  clusterIds,
  holdAll,
  pendingOperations,
  plantedCredentialsIn,
  reliabilityStackOptions,
  reportFigure,
  statusCounts,
} from "./reliabilityStack";

// Stops take 3 s, so the CLI is interrupted while every cluster is `stopping`.
const STOP_SECONDS = 3;
const COUNT = 6;

/** Waits until at least `count` of `ids` are `stopping` (the provider is waiting on them). */
async function untilStopping(
  emulator: RunningEmulator,
  ids: string[],
  count: number,
): Promise<void> {
  for (let i = 0; i < 300; i += 1) {
    if (((await statusCounts(emulator, ids)).stopping ?? 0) >= count) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`fewer than ${count} clusters became stopping`);
}

/**
 * Runs `up`, sends `signal` to the pulumi CLI once `COUNT / 2` clusters are stopping, and returns
 * how `up` ended, when the signal was sent, and the pids of the processes the CLI had started (its
 * provider process, orphaned by a SIGKILL and killed by `afterAll`).
 */
async function interruptedUp(
  run: InlineStack,
  emulator: RunningEmulator,
  ids: string[],
  signal: NodeJS.Signals,
) {
  const up = run.up().then(
    () => "completed",
    (error: unknown) => String(error),
  );
  const cli = await findPulumiCli();
  await untilStopping(emulator, ids, COUNT / 2);
  const children = (await descendantsOf(cli.pid)).map((p) => p.pid);
  const interruptedAt = Date.now();
  process.kill(cli.pid, signal);
  return { ended: await up, children, interruptedAt };
}

/** `initialState` recorded per cluster, counted. */
async function initialStates(run: InlineStack): Promise<Record<string, number>> {
  const { deployment } = await run.stack.exportStack();
  const resources =
    (deployment as { resources?: { outputs?: { initialState?: string } }[] }).resources ?? [];
  const counts: Record<string, number> = {};
  for (const r of resources)
    if (r.outputs?.initialState)
      counts[r.outputs.initialState] = (counts[r.outputs.initialState] ?? 0) + 1;
  return counts;
}

describe("an interrupted `pulumi up` and its documented recovery", () => {
  let emulator: RunningEmulator;
  const leftovers: number[] = [];

  beforeAll(async () => {
    emulator = await startE2eEmulator([], { stopSeconds: STOP_SECONDS });
  });
  afterAll(async () => {
    killLeftovers(leftovers);
    await emulator.stop();
  });

  it("SIGINT (Ctrl-C) while clusters are stopping: the CLI finishes the in-flight stops, and `pulumi up` alone converges", async () => {
    const ids = clusterIds("sigint", COUNT);
    await emulator.admin.seed(ids.map((id) => ({ DBClusterIdentifier: id })));
    const run = await createInlineStack(reliabilityStackOptions(emulator, holdAll(ids, "stopped")));
    try {
      const { ended, children, interruptedAt } = await interruptedUp(run, emulator, ids, "SIGINT");
      leftovers.push(...children);
      expect(ended).toMatch(/update canceled/);
      // A graceful cancel waits for the operations in flight: nothing pending, no lock left behind.
      expect(await pendingOperations(run)).toEqual([]);

      const up = await run.up();
      const recoveredMs = Date.now() - interruptedAt;
      expect(up.summary.result).toBe("succeeded");
      expect(await statusCounts(emulator, ids)).toEqual({ stopped: COUNT });
      expect(await pendingOperations(run)).toEqual([]);
      reportFigure("interrupted by SIGINT", {
        converged: `${(await statusCounts(emulator, ids)).stopped}/${COUNT}`,
        recoveredMs,
        recovery: "pulumi up",
      });
      expect(await plantedCredentialsIn(run)).toEqual([]);
      await run.destroy();
      expect(await statusCounts(emulator, ids)).toEqual({ available: COUNT });
    } finally {
      await run.dispose();
    }
  });

  it("SIGKILL of the CLI while clusters are stopping: cancel, refresh --clear-pending-creates, then up converges", async () => {
    const ids = clusterIds("killed", COUNT);
    await emulator.admin.seed(ids.map((id) => ({ DBClusterIdentifier: id })));
    const run = await createInlineStack(reliabilityStackOptions(emulator, holdAll(ids, "stopped")));
    try {
      await emulator.admin.resetCounters();
      const { ended, children, interruptedAt } = await interruptedUp(run, emulator, ids, "SIGKILL");
      leftovers.push(...children);
      expect(ended).toMatch(/killed with SIGKILL/);
      expect((await pendingOperations(run)).map((op) => op.type)).toEqual(
        Array<string>(COUNT).fill("creating"),
      );

      // What Pulumi 3.259 with a file backend requires: the killed CLI left its lock behind…
      await expect(run.up()).rejects.toThrow(
        /the stack is currently locked by 1 lock\(s\)[\s\S]*`pulumi cancel`/,
      );
      // …which `pulumi cancel` deletes; `refresh --clear-pending-creates` drops the interrupted creates
      // (a plain `up` or `refresh` keeps them and warns on every run); `up` then adopts the clusters again.
      await run.stack.cancel();
      await run.refresh();
      expect(await pendingOperations(run)).toHaveLength(COUNT);
      await run.refresh({ clearPendingCreates: true });
      expect(await pendingOperations(run)).toEqual([]);
      const up = await run.up();
      const recoveredMs = Date.now() - interruptedAt;
      expect(up.summary.resourceChanges).toEqual({ create: COUNT, same: 1 });
      expect(await statusCounts(emulator, ids)).toEqual({ stopped: COUNT });
      expect(await pendingOperations(run)).toEqual([]);
      expect((await run.preview()).changeSummary).toEqual({ same: COUNT + 1 });
      // The recovery resumed the stops in flight instead of sending them again.
      expect((await emulator.admin.counters()).calls.StopDBCluster).toBe(COUNT);
      reportFigure("killed by SIGKILL", {
        orphanedProviderProcessesAlive: children.filter(isAlive).length,
        converged: `${(await statusCounts(emulator, ids)).stopped}/${COUNT}`,
        recoveredMs,
        recovery: "cancel + refresh --clear-pending-creates + up",
        initialStateAfterRecovery: await initialStates(run),
      });
      expect(await plantedCredentialsIn(run)).toEqual([]);
      await run.destroy();
    } finally {
      await run.dispose();
    }
  });
});
