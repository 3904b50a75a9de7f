/**
 * `npm run bench`: scale through the real engine (B1), the provider's poller side by side with
 * SDK-style per-cluster waiters (B2), detection latency (B3) and the policy pack over synthetic
 * stacks plus the local endpoint under load (B4), then the keeper and B5 (a fleet of 1,000 against
 * RDS's request quota, bench/b5.ts). Writes bench/results/results.json and
 * bench/results/results.md and prints the markdown. `BENCH_QUICK=1` runs a subset; `BENCH_RUNS=n`
 * sets the runs per figure. A benchmark, never a timed test: it fails only when something breaks.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { repoRoot } from "../scripts/harness";
import { benchPlan, type BenchPlan, type EngineSeries } from "./benchPlan";
import { benchEmulatorLoad } from "./emulatorLoad";
import { runEngineScale, type EngineScaleRun } from "./engineScale";
import { loadAverageNow, readBenchEnvironment } from "./environment";
import { benchPolicyEval } from "./policyEval";
import { renderReport } from "./report";
import type {
  BenchResults,
  DetectionResult,
  EmulatorLoadResult,
  EngineSeriesResult,
  PolicyResult,
} from "./results";
import {
  runSideBySide,
  runSingleClusterDetection,
  type PhaseFigures,
  type SideBySideRun,
} from "./sideBySide";
import { median, round } from "./stats";
import {
  summarizeEngineRuns,
  summarizeLatencies,
  summarizeSideBySide,
  type EngineScaleSummary,
} from "./summarize";
import { runKeeperSeries } from "./keeperSeries";
import { runB5 } from "./b5";
import { checkTargets } from "./targets";

function log(message: string): void {
  process.stdout.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
}

/** Runs interleave the cluster counts (run 1: N = 1, 10, …; run 2: …) so load drift hits every N alike. */
async function runSeries(
  series: EngineSeries,
  baseline: EngineScaleSummary | undefined,
): Promise<EngineSeriesResult> {
  const runs: EngineScaleRun[] = [];
  for (let r = 0; r < series.runs; r++) {
    for (const clusters of series.clusterCounts) {
      const label = `b1-${series.name
        .replace(/[^a-z]/gi, "")
        .toLowerCase()
        .slice(0, 12)}-${clusters}-r${r}`;
      const run = await runEngineScale(clusters, label, {
        parallel: series.parallel,
        env: series.env,
        destroy: series.destroy,
        fleet: series.fleet,
      });
      log(
        `B1 ${series.name} N=${clusters} run ${r + 1}: up ${run.up.wallMs} ms, destroy ${run.destroy?.wallMs ?? "–"} ms, RSS ${run.up.providerPeakRssMb?.toFixed(0) ?? "?"} MB, load ${run.loadAverage}`,
      );
      runs.push(run);
    }
  }
  const byN = series.clusterCounts.map((n) => runs.filter((r) => r.clusters === n));
  const own = byN[0]?.[0]?.clusters === 1 ? summarizeEngineRuns(byN[0]) : baseline;
  const summaries = byN.map((group) => summarizeEngineRuns(group, own));
  return { name: series.name, description: series.description, summaries, runs };
}

async function runB1(plan: BenchPlan): Promise<EngineSeriesResult[]> {
  const results: EngineSeriesResult[] = [];
  for (const series of plan.engineSeries) {
    // A series without N = 1 is compared with the first series' N = 1 (parallelism cannot matter there).
    const baseline = results[0]?.summaries.find((s) => s.clusters === 1);
    results.push(await runSeries(series, baseline));
  }
  return results;
}

async function runB2B3(
  plan: BenchPlan,
): Promise<{ b2: BenchResults["b2"]; b3: DetectionResult[] }> {
  const sideRuns: SideBySideRun[] = [];
  const singles: PhaseFigures[] = [];
  for (let r = 0; r < plan.runs; r++) {
    const side = await runSideBySide(plan.sideBySideClusters, `b2-r${r}`);
    log(
      `B2 run ${r + 1}: ours ${side.ours.map((p) => p.describeCalls).join("+")} describes, SDK-style ${side.sdk.map((p) => p.describeCalls).join("+")}`,
    );
    sideRuns.push(side);
    singles.push(...(await runSingleClusterDetection(plan.singleClusterCycles, `b3-r${r}`)));
    log(`B3 run ${r + 1}: one cluster, ${plan.singleClusterCycles} stop/start cycles`);
  }
  const maxPerTick = (phases: PhaseFigures[]) =>
    Math.max(...phases.map((p) => p.poller?.maxCallsPerTick ?? 0));
  const many = sideRuns.flatMap((s) => s.ours);
  return {
    b2: { clusters: plan.sideBySideClusters, ...summarizeSideBySide(sideRuns), runs: sideRuns },
    b3: [
      { clusters: 1, ...summarizeLatencies(singles), maxDescribeCallsPerTick: maxPerTick(singles) },
      {
        clusters: plan.sideBySideClusters,
        ...summarizeLatencies(many),
        maxDescribeCallsPerTick: maxPerTick(many),
      },
    ],
  };
}

async function runB4(plan: BenchPlan): Promise<BenchResults["b4"]> {
  const policy: PolicyResult[] = [];
  for (const count of plan.policyResourceCounts) {
    const evalMsRuns: number[] = [];
    for (let r = 0; r < plan.runs; r++) evalMsRuns.push((await benchPolicyEval(count)).evalMs);
    const evalMsMedian = round(median(evalMsRuns), 1);
    policy.push({
      resources: count,
      evalMsMedian,
      evalMsRuns,
      perResourceUs: round((evalMsMedian * 1000) / count, 2),
    });
    log(`B4 policy ${count} resources: ${evalMsMedian} ms`);
  }
  const loads: Awaited<ReturnType<typeof benchEmulatorLoad>>[] = [];
  for (let r = 0; r < plan.runs; r++) loads.push(await benchEmulatorLoad());
  const pick = (f: (l: (typeof loads)[number]) => number) => median(loads.map(f));
  const emulatorLoad: EmulatorLoadResult = {
    concurrent: loads[0]?.concurrent ?? 0,
    errors: Math.max(...loads.map((l) => l.errors)),
    wallMs: pick((l) => l.wallMs),
    p50Ms: pick((l) => l.p50Ms),
    p95Ms: pick((l) => l.p95Ms),
    runs: loads.length,
  };
  log(`B4 emulator load: ${JSON.stringify(emulatorLoad)}`);
  return { policy, emulatorLoad };
}

function write(results: BenchResults): string {
  const dir = path.join(repoRoot(), "bench", "results");
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, "results.json"), `${JSON.stringify(results, null, 2)}\n`);
  const markdown = renderReport(results);
  fs.writeFileSync(path.join(dir, "results.md"), markdown);
  return markdown;
}

async function main(): Promise<void> {
  const startedAt = Date.now();
  const plan = benchPlan();
  const environment = readBenchEnvironment();
  log(
    `plan: ${plan.quick ? "quick" : "full"}, ${plan.runs} run(s); ${environment.cores} cores, Node ${environment.node}, load ${environment.loadAverageAtStart}`,
  );
  const b1 = await runB1(plan);
  const { b2, b3 } = await runB2B3(plan);
  const b4 = await runB4(plan);
  const figures = {
    generatedAt: new Date().toISOString(),
    durationSeconds: (Date.now() - startedAt) / 1000,
    plan,
    environment,
    loadAverageAtEnd: loadAverageNow(),
    b1,
    b2,
    b3,
    b4,
  };
  const markdown = write({ ...figures, targets: checkTargets(figures) });
  process.stdout.write(
    `\n${markdown}\nWritten to bench/results/results.json and bench/results/results.md\n`,
  );
  await runKeeperSeries();
  // B5 (a fleet of 1,000 against RDS's request quota) takes about 20 minutes; `npm run bench:b5`.
  await runB5();
}

main().catch((error: unknown) => {
  process.stderr.write(
    `bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
