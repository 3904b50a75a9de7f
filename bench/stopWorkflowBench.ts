/**
 * Measures the stop workflow run locally (aws-local-stepfunctions → `@aws-sdk/client-rds` → the
 * local RDS endpoint) on a compressed clock (`msPerSecond`): `runs` clusters are started
 * automatically (the accelerated 7-day restart), their instances settle for `settleSeconds`, and
 * the keeper, started by the RDS-EVENT-0153 delivered through the EventBridge harness, stops each
 * again with the definition's own poll interval, backoff schedule and jittered retries. Reports
 * p50 / p95 of the time from the cluster becoming `available` (RDS-EVENT-0151) to `stopped`
 * (RDS-EVENT-0150), against the bound S + one poll interval + the stop time. Every duration of the
 * settings is in workflow seconds; the figures are in ms of the compressed clock.
 */
import { startEmulator, type RdsEventBridgeEvent } from "aurora-power/emulator";
import { keepStoppedEventPattern } from "../provider/workflow/keepStoppedEventPattern";
import { stopWorkflowDefinition } from "../provider/workflow/stopWorkflowDefinition";
import { EventBridgeHarness } from "../scripts/keeper/eventBridgeHarness";
import { localRdsClient, runLocally, type LocalExecution } from "../scripts/keeper/localExecution";
import { keeperBreakdown, type KeeperBreakdown } from "./keeperBreakdown";

export interface BenchSettings {
  runs: number;
  /** How many ms one second of the workflow (and of the endpoint's transitions) lasts. */
  msPerSecond: number;
  /** From `available` until the instances accept a stop (S). */
  settleSeconds: number;
  pollSeconds: number;
  startSeconds: number;
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
  breakdown: KeeperBreakdown;
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
  const real = (seconds: number) => (seconds * settings.msPerSecond) / 1000;
  const emu = await startEmulator({
    startSeconds: real(settings.startSeconds),
    stopSeconds: real(settings.stopSeconds),
    instanceSettleSeconds: real(settings.settleSeconds),
    throttleRate: settings.throttleRate,
    faultSeed: 2026,
    seed: ids.map((id) => ({ DBClusterIdentifier: id, Status: "stopped", region: "eu-west-1" })),
  });
  const rds = localRdsClient(emu.url);
  const definition = stopWorkflowDefinition({ pollIntervalSeconds: settings.pollSeconds });
  const runs: Promise<LocalExecution>[] = [];
  const byCluster = new Map<string, LocalExecution>();
  const options = { msPerSecond: settings.msPerSecond };
  const harness = new EventBridgeHarness(emu.admin, [
    {
      pattern: keepStoppedEventPattern(ids),
      target: (event) => {
        const id = event.detail.SourceIdentifier;
        const run = runLocally(definition, { DbClusterIdentifier: id }, rds, options);
        void run.then((done) => byCluster.set(id, done));
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
  await new Promise((r) => setTimeout(r, real(settings.stopSeconds) * 1000 + 100));
  const events = await emu.admin.rdsEvents();
  const history = await emu.admin.events();
  rds.destroy();
  await emu.stop();
  const durations = ids
    .map((id) => dateOf(events, id, "RDS-EVENT-0150") - dateOf(events, id, "RDS-EVENT-0151"))
    .sort((a, b) => a - b);
  return {
    ...settings,
    boundMs: Math.round(
      real(settings.settleSeconds + settings.pollSeconds + settings.stopSeconds) * 1000,
    ),
    p50Ms: quantile(durations, 0.5),
    p95Ms: quantile(durations, 0.95),
    maxMs: durations.at(-1) ?? NaN,
    succeeded: results.filter((r) => r.status === "SUCCEEDED").length,
    stopCallsOnBusyCluster: history.filter((e) => e.to === "stopping" && e.from !== "available")
      .length,
    breakdown: keeperBreakdown(byCluster, events, history, real(settings.settleSeconds) * 1000),
  };
}
