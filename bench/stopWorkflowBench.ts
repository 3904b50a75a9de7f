/**
 * Measures the stop workflow run locally (aws-local-stepfunctions → `@aws-sdk/client-rds` → the
 * local RDS endpoint): `runs` clusters are started automatically (the accelerated 7-day restart),
 * their instances settle for `settleSeconds`, and the keeper, started by the RDS-EVENT-0153
 * delivered through the EventBridge harness, stops each again. Reports p50 / p95 of the time from
 * the cluster becoming `available` (RDS-EVENT-0151) to `stopped` (RDS-EVENT-0150), against the
 * bound S + one poll interval + the stop time.
 */
import { startEmulator, type RdsEventBridgeEvent } from "aurora-power/emulator";
import { keepStoppedEventPattern } from "../provider/workflow/keepStoppedEventPattern";
import { stopWorkflowDefinition } from "../provider/workflow/stopWorkflowDefinition";
import { EventBridgeHarness } from "../scripts/keeper/eventBridgeHarness";
import { localRdsClient, runLocally, type LocalExecution } from "../scripts/keeper/localExecution";

export interface BenchSettings {
  runs: number;
  settleSeconds: number;
  pollMs: number;
  stopSeconds: number;
  throttleRate: number;
  /** Executions at once. */
  concurrency: number;
}

export interface BenchResult extends BenchSettings {
  boundMs: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
  succeeded: number;
  stopCallsOnBusyCluster: number;
}

const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? NaN;

function dateOf(events: RdsEventBridgeEvent[], id: string, eventId: string): number {
  const hit = events.find((e) => e.detail.SourceIdentifier === id && e.detail.EventID === eventId);
  return hit ? Date.parse(hit.detail.Date) : NaN;
}

/** One run set; every cluster is its own execution, all at once. */
export async function benchStopWorkflow(settings: BenchSettings): Promise<BenchResult> {
  const ids = Array.from({ length: settings.runs }, (_, i) => `bench-${i + 1}`);
  const emu = await startEmulator({
    startSeconds: 0.2,
    stopSeconds: settings.stopSeconds,
    instanceSettleSeconds: settings.settleSeconds,
    throttleRate: settings.throttleRate,
    faultSeed: 2026,
    seed: ids.map((id) => ({ DBClusterIdentifier: id, Status: "stopped", region: "eu-west-1" })),
  });
  const rds = localRdsClient(emu.url);
  const definition = stopWorkflowDefinition();
  const runs: Promise<LocalExecution>[] = [];
  const options = { pollMs: settings.pollMs, backoffMs: settings.pollMs, retryMs: 50 };
  const harness = new EventBridgeHarness(emu.admin, [
    {
      pattern: keepStoppedEventPattern(ids),
      target: (event) => {
        const run = runLocally(
          definition,
          { DbClusterIdentifier: event.detail.SourceIdentifier },
          rds,
          options,
        );
        runs.push(run);
        return run;
      },
    },
  ]);
  harness.start();
  // Batches of `concurrency`: the executions, the harness and the endpoint share one event loop.
  for (let i = 0; i < ids.length; i += settings.concurrency) {
    const batch = ids.slice(i, i + settings.concurrency);
    await Promise.all(batch.map((id) => emu.admin.triggerAutoRestart(id)));
    while (runs.length < i + batch.length) await new Promise((r) => setTimeout(r, 20));
    await Promise.all(runs);
  }
  const results = await Promise.all(runs);
  await harness.stop();
  await new Promise((r) => setTimeout(r, settings.stopSeconds * 1000 + 100));
  const events = await emu.admin.rdsEvents();
  const history = await emu.admin.events();
  rds.destroy();
  await emu.stop();
  const durations = ids
    .map((id) => dateOf(events, id, "RDS-EVENT-0150") - dateOf(events, id, "RDS-EVENT-0151"))
    .sort((a, b) => a - b);
  return {
    ...settings,
    boundMs: settings.settleSeconds * 1000 + settings.pollMs + settings.stopSeconds * 1000,
    p50Ms: quantile(durations, 0.5),
    p95Ms: quantile(durations, 0.95),
    maxMs: durations.at(-1) ?? NaN,
    succeeded: results.filter((r) => r.status === "SUCCEEDED").length,
    stopCallsOnBusyCluster: history.filter((e) => e.to === "stopping" && e.from !== "available")
      .length,
  };
}
