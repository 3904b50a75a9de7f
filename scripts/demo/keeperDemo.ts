/**
 * `npm start`'s keeper step: RDS's automatic start after 7 days, fast-forwarded on the local
 * endpoint, and `ClusterKeepStopped`'s stop workflow — the real definition, run here with
 * aws-local-stepfunctions against the local endpoint, started by the RDS-EVENT-0153 the endpoint
 * emits in EventBridge's shape — stopping the cluster again.
 */
import type { RdsEventBridgeEvent, RunningEmulator } from "aurora-power/emulator";
import { keepStoppedEventPattern } from "../../provider/workflow/keepStoppedEventPattern";
import { stopWorkflowDefinition } from "../../provider/workflow/stopWorkflowDefinition";
import { EventBridgeHarness } from "../keeper/eventBridgeHarness";
import { localRdsClient, runLocally, type LocalExecution } from "../keeper/localExecution";

/** What the step saw, for the demo's lines. */
export interface KeeperDemoResult {
  execution: LocalExecution;
  /** Seconds the cluster ran between RDS's start and the workflow's stop. */
  ranSeconds: number;
  automaticStartMessage: string;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Fast-forwards `clusterIdentifier`'s 7 days and lets the keeper stop it again (bounded, 60 s). */
export async function showKeeper(
  emulator: RunningEmulator,
  clusterIdentifier: string,
): Promise<KeeperDemoResult> {
  const rds = localRdsClient(emulator.url);
  const runs: Promise<LocalExecution>[] = [];
  const harness = new EventBridgeHarness(emulator.admin, [
    {
      pattern: keepStoppedEventPattern([clusterIdentifier]),
      target: (event) => {
        const input = { DbClusterIdentifier: event.detail.SourceIdentifier };
        const run = runLocally(stopWorkflowDefinition(), input, rds, {
          pollMs: 250,
          backoffMs: 250,
        });
        runs.push(run);
        return run;
      },
    },
  ]);
  harness.start();
  try {
    await emulator.admin.triggerAutoRestart(clusterIdentifier);
    const deadline = Date.now() + 60_000;
    while (runs.length === 0 && Date.now() < deadline) await sleep(50);
    const [run] = runs;
    if (!run) throw new Error(`no RDS-EVENT-0153 for ${clusterIdentifier} within 60 s`);
    const execution = await run;
    const restart = await eventAfter(emulator, clusterIdentifier, "RDS-EVENT-0153", 0, deadline);
    const since = Date.parse(restart.detail.Date);
    const started = await eventAfter(
      emulator,
      clusterIdentifier,
      "RDS-EVENT-0151",
      since,
      deadline,
    );
    const stopped = await eventAfter(
      emulator,
      clusterIdentifier,
      "RDS-EVENT-0150",
      since,
      deadline,
    );
    return {
      execution,
      ranSeconds: (Date.parse(stopped.detail.Date) - Date.parse(started.detail.Date)) / 1000,
      automaticStartMessage: restart.detail.Message,
    };
  } finally {
    await harness.stop();
    rds.destroy();
  }
}

/** The first event `eventId` of the cluster dated at or after `sinceMs` (waits for it). */
async function eventAfter(
  emulator: RunningEmulator,
  clusterIdentifier: string,
  eventId: string,
  sinceMs: number,
  deadline: number,
): Promise<RdsEventBridgeEvent> {
  for (;;) {
    const hit = (await emulator.admin.rdsEvents()).find(
      (e) =>
        e.detail.SourceIdentifier === clusterIdentifier &&
        e.detail.EventID === eventId &&
        Date.parse(e.detail.Date) >= sinceMs,
    );
    if (hit) return hit;
    if (Date.now() > deadline)
      throw new Error(`no ${eventId} for ${clusterIdentifier} within 60 s`);
    await sleep(100);
  }
}

/** The states an execution went through, repeated waits folded: `… → Wait ×12 → …`. */
export function foldStates(states: readonly string[]): string {
  const loop = new Set(["Describe", "HasReplicas", "NoReplicas", "HasGlobalCluster", "Plan"]);
  const out: string[] = [];
  let waits = 0;
  for (const state of states) {
    if (state === "WaitForAvailable") {
      waits += 1;
      continue;
    }
    if (waits > 0 && loop.has(state)) continue;
    if (waits > 0) out.push(`waited ${waits}× for \`available\``, "Describe", "Plan");
    waits = 0;
    out.push(state);
  }
  return out.join(" → ");
}
