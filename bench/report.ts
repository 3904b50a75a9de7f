/** Renders bench/results/results.md, the tables docs/benchmarks.md quotes. */
import type { BenchResults } from "./results";
import type { EngineScaleSummary, SideSummary } from "./summarize";

const seconds = (ms: number | undefined): string =>
  ms === undefined ? "–" : (ms / 1000).toFixed(1);
const ms = (value: number | undefined): string =>
  value === undefined ? "–" : String(Math.round(value));
const opt = (value: number | string | undefined): string =>
  value === undefined ? "–" : String(value);

function table(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(" | ")} |`;
  return [line(header), line(header.map(() => "---")), ...rows.map(line)].join("\n");
}

function engineRow(s: EngineScaleSummary): string[] {
  return [
    String(s.clusters),
    String(s.runs),
    seconds(s.upWallMs),
    opt(s.upRatio?.toFixed(2)),
    seconds(s.destroyWallMs),
    opt(s.destroyRatio?.toFixed(2)),
    String(s.maxDescribeCallsPerTick),
    `${s.upDescribeCalls} / ${s.upTicks}`,
    String(s.totalRdsCalls),
    s.providerPeakRssMb === undefined
      ? "–"
      : `${s.providerPeakRssMb} (${opt(s.providerPeakRssMedianMb?.toFixed(1))})`,
    `${seconds(s.upFirstActionMs)} / ${seconds(s.upActionSpreadMs)} / ${seconds(s.upAfterLastCompletionMs)}`,
    `${seconds(s.upCpuMs.provider)} / ${seconds(s.upCpuMs.engine)} / ${seconds(s.upCpuMs.benchProcess)}`,
  ];
}

function b1Section(results: BenchResults): string {
  const header = [
    "N",
    "runs",
    "up (s)",
    "up ratio",
    "destroy (s)",
    "destroy ratio",
    "describe calls / tick (max)",
    "up describes / ticks",
    "RDS calls up+destroy",
    "provider peak RSS MB (median)",
    "up: 1st action / hand-out / after last completion (s)",
    "up CPU: provider / engine / program+endpoint (s)",
  ];
  return results.b1
    .map(
      (series) =>
        `**${series.name}**: ${series.description}\n\n${table(header, series.summaries.map(engineRow))}`,
    )
    .join("\n\n");
}

function sideRow(side: string, s: SideSummary): string[] {
  return [
    side,
    s.desired === "stopped" ? "stop" : "start",
    String(s.clusters),
    String(s.rdsCalls),
    String(s.describeCalls),
    ms(s.p50Ms),
    ms(s.p95Ms),
    ms(s.maxMs),
    seconds(s.wallMs),
  ];
}

function b2Section(results: BenchResults): string {
  const rows = [
    ...results.b2.ours.map((s) => sideRow("aurora-power poller", s)),
    ...results.b2.sdk.map((s) => sideRow("SDK-style waiter per cluster", s)),
  ];
  return table(
    [
      "caller",
      "phase",
      "N",
      "RDS calls",
      "DescribeDBClusters",
      "detection p50 (ms)",
      "p95 (ms)",
      "max (ms)",
      "wall (s)",
    ],
    rows,
  );
}

function b3Section(results: BenchResults): string {
  const rows = results.b3.map((d) => [
    String(d.clusters),
    String(d.samples),
    ms(d.p50Ms),
    ms(d.p95Ms),
    ms(d.maxMs),
    String(d.maxDescribeCallsPerTick),
  ]);
  return table(
    ["N", "transitions", "p50 (ms)", "p95 (ms)", "max (ms)", "describe calls / tick (max)"],
    rows,
  );
}

function b4Section(results: BenchResults): string {
  const rows = results.b4.policy.map((p) => [
    p.resources.toLocaleString("en-US"),
    String(p.evalMsMedian),
    p.perResourceUs.toFixed(1),
  ]);
  const load = results.b4.emulatorLoad;
  return `${table(["resources", "evaluation (ms, median)", "µs / resource"], rows)}\n\nLocal endpoint under load: ${load.concurrent} concurrent DescribeDBClusters through the SDK, ${load.errors} errors, wall ${load.wallMs} ms, latency p50 ${load.p50Ms} ms, p95 ${load.p95Ms} ms (median of ${load.runs}).`;
}

function targetsSection(results: BenchResults): string {
  const rows = results.targets.map((t) => [
    t.target,
    t.scope,
    t.measured,
    t.limit,
    t.pass ? "PASS" : "**MISS**",
  ]);
  return table(["target", "where", "measured", "limit", "result"], rows);
}

/** The markdown report of one bench run. */
export function renderReport(results: BenchResults): string {
  const env = results.environment;
  return [
    `## Benchmark results (${results.generatedAt.slice(0, 16).replace("T", " ")} UTC${results.plan.quick ? ", BENCH_QUICK" : ""})`,
    "",
    `${env.cores} cores (${env.cpuModel}), ${env.totalMemoryMb} MB; Node ${env.node}, pulumi CLI ${env.pulumiCli}, @pulumi/pulumi ${env.pulumiSdk}, @pulumi/policy ${env.pulumiPolicy}, @aws-sdk/client-rds ${env.awsSdkClientRds}. ` +
      `Local endpoint, 5 s transitions, poller knobs at their defaults. ${results.plan.runs} run(s) per figure, medians. ` +
      `Load average ${env.loadAverageAtStart} at start, ${results.loadAverageAtEnd} at end; bench took ${Math.round(results.durationSeconds)} s.`,
    "",
    "### B1 — scale through the real engine (`pulumi up` stopping N clusters, then `pulumi destroy` starting them)",
    "",
    b1Section(results),
    "",
    `### B2 — side by side, N = ${results.b2.clusters}: provider poller vs one SDK waiter per cluster`,
    "",
    b2Section(results),
    "",
    "### B3 — detection latency after the endpoint completes a transition",
    "",
    b3Section(results),
    "",
    "### B4 — policy pack over synthetic stacks",
    "",
    b4Section(results),
    "",
    "### Targets",
    "",
    targetsSection(results),
    "",
  ].join("\n");
}
