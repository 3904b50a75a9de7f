/**
 * B2 and B3: the provider's poller and the SDK-style per-cluster waiters, side by side in the same
 * run (two endpoints, same clusters, same 5 s transitions, started at the same moment), and the
 * poller alone with one cluster. Detection latency is the time from the instant the endpoint
 * completed a transition (its `events()` timestamp) to the instant the caller's wait returned.
 */
import { startEmulator, type RunningEmulator } from "../emulator";
import type { PowerState } from "../provider/aurora/clusterStatus";
import type { PollerStats } from "../provider/poller/clusterPoller";
import { TRANSITION_SECONDS } from "./engineScale";
import { runPollerPhase, type KnownAt } from "./pollerSide";
import { runSdkWaiterPhase } from "./sdkWaiterSide";

/** What one side did in one phase (stopping all clusters, or starting them). */
export interface PhaseFigures {
  desired: PowerState;
  clusters: number;
  /** Every RDS call the endpoint answered (actions and describes). */
  rdsCalls: number;
  describeCalls: number;
  /** Detection latency of every cluster, ms. */
  latenciesMs: number[];
  /** From the phase start to the last wait returning. */
  wallMs: number;
  /** The poller's own counters (our side only). */
  poller?: PollerStats;
}

/** One B2 run: both sides, stop phase then start phase. */
export interface SideBySideRun {
  ours: PhaseFigures[];
  sdk: PhaseFigures[];
}

const TARGET_STATUS: Record<PowerState, string> = { stopped: "stopped", running: "available" };

async function startSeeded(ids: readonly string[]): Promise<RunningEmulator> {
  return startEmulator({
    stopSeconds: TRANSITION_SECONDS,
    startSeconds: TRANSITION_SECONDS,
    seed: ids.map((id) => ({ DBClusterIdentifier: id })),
  });
}

async function phaseFigures(
  emulator: RunningEmulator,
  desired: PowerState,
  knownAt: KnownAt,
  startedEpochMs: number,
): Promise<PhaseFigures> {
  const target = TARGET_STATUS[desired];
  const completedAt = new Map<string, number>();
  for (const event of await emulator.admin.events()) {
    const at = Date.parse(event.at);
    if (event.to === target && at >= startedEpochMs) completedAt.set(event.clusterIdentifier, at);
  }
  const latenciesMs: number[] = [];
  for (const [id, known] of knownAt) {
    const completed = completedAt.get(id);
    if (completed === undefined)
      throw new Error(
        `cluster ${id} was reported \`${target}\` but the endpoint never completed that transition`,
      );
    latenciesMs.push(known - completed);
  }
  const counters = await emulator.admin.counters();
  const rdsCalls = Object.values(counters.calls).reduce((sum, n) => sum + n, 0);
  const wallMs = Math.max(...knownAt.values()) - startedEpochMs;
  return {
    desired,
    clusters: knownAt.size,
    rdsCalls,
    describeCalls: counters.calls.DescribeDBClusters,
    latenciesMs,
    wallMs,
  };
}

function idsFor(label: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => `${label}-${String(i).padStart(3, "0")}`);
}

/** B2: `count` clusters stopped then started, by our poller and by SDK-style waiters at the same time. */
export async function runSideBySide(count: number, label: string): Promise<SideBySideRun> {
  const ids = idsFor(label, count);
  const [oursEmu, sdkEmu] = await Promise.all([startSeeded(ids), startSeeded(ids)]);
  const run: SideBySideRun = { ours: [], sdk: [] };
  try {
    for (const desired of ["stopped", "running"] as const) {
      await Promise.all([oursEmu.admin.resetCounters(), sdkEmu.admin.resetCounters()]);
      const startedEpochMs = Date.now();
      const [ours, sdk] = await Promise.all([
        runPollerPhase(oursEmu.url, ids, desired),
        runSdkWaiterPhase(sdkEmu.url, ids, desired),
      ]);
      const oursFigures = await phaseFigures(oursEmu, desired, ours.knownAt, startedEpochMs);
      run.ours.push({ ...oursFigures, poller: ours.stats });
      run.sdk.push(await phaseFigures(sdkEmu, desired, sdk, startedEpochMs));
    }
    return run;
  } finally {
    await Promise.all([oursEmu.stop(), sdkEmu.stop()]);
  }
}

/** B3 with one cluster: `cycles` stop + start cycles through our poller, a fresh poller per phase. */
export async function runSingleClusterDetection(
  cycles: number,
  label: string,
): Promise<PhaseFigures[]> {
  const ids = idsFor(label, 1);
  const emulator = await startSeeded(ids);
  const phases: PhaseFigures[] = [];
  try {
    for (let cycle = 0; cycle < cycles; cycle++) {
      for (const desired of ["stopped", "running"] as const) {
        await emulator.admin.resetCounters();
        const startedEpochMs = Date.now();
        const phase = await runPollerPhase(emulator.url, ids, desired);
        phases.push({
          ...(await phaseFigures(emulator, desired, phase.knownAt, startedEpochMs)),
          poller: phase.stats,
        });
      }
    }
    return phases;
  } finally {
    await emulator.stop();
  }
}
