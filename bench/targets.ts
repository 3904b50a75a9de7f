/** The targets of issue 7, checked against the measured figures (PASS / MISS). */
import type { BenchResults, TargetCheck } from "./results";

/** wall(200) / wall(1) limit for B1. */
export const MAX_SCALE_RATIO = 1.15;
/** Detection p95 limit, ms. */
export const MAX_DETECTION_P95_MS = 1000;
/** Policy evaluation limit over 10,000 resources, ms. */
export const MAX_POLICY_10K_MS = 1000;
/** "Linear": the per-resource cost at the largest stack is at most this multiple of the smallest's. */
export const MAX_POLICY_PER_RESOURCE_GROWTH = 1.5;
/** Provider peak RSS limit at N = 200, MB. */
export const MAX_PROVIDER_RSS_MB = 200;

type Figures = Omit<BenchResults, "targets">;

function scaleTargets(results: Figures): TargetCheck[] {
  const checks: TargetCheck[] = [];
  for (const series of results.b1) {
    const largest = series.summaries.at(-1);
    if (!largest || largest.clusters <= 1) continue;
    const ops: ["up" | "destroy", number | undefined][] = [
      ["up", largest.upRatio],
      ["destroy", largest.destroyRatio],
    ];
    for (const [op, ratio] of ops) {
      if (ratio === undefined) continue;
      checks.push({
        target: `B1 wall(${largest.clusters}) / wall(1), \`pulumi ${op}\``,
        scope: series.description,
        measured: ratio.toFixed(2),
        limit: `≤ ${MAX_SCALE_RATIO}`,
        pass: ratio <= MAX_SCALE_RATIO,
      });
    }
  }
  return checks;
}

function callsPerTickTargets(results: Figures): TargetCheck[] {
  const checks: TargetCheck[] = [];
  for (const series of results.b1) {
    for (const s of series.summaries) {
      const limit = Math.ceil(s.clusters / 100);
      checks.push({
        target: `DescribeDBClusters calls per poll tick, N = ${s.clusters}`,
        scope: `B1 (on the wire), ${series.description}`,
        measured: String(s.maxDescribeCallsPerTick),
        limit: `≤ ${limit}`,
        pass: s.maxDescribeCallsPerTick <= limit,
      });
    }
  }
  for (const d of results.b3) {
    const limit = Math.ceil(d.clusters / 100);
    checks.push({
      target: `DescribeDBClusters calls per poll tick, N = ${d.clusters}`,
      scope: "B2/B3 (poller counters)",
      measured: String(d.maxDescribeCallsPerTick),
      limit: `≤ ${limit}`,
      pass: d.maxDescribeCallsPerTick <= limit,
    });
  }
  return checks;
}

function detectionTargets(results: Figures): TargetCheck[] {
  return results.b3.map((d) => ({
    target: `Detection p95, N = ${d.clusters}`,
    scope: `B3, ${d.samples} transitions`,
    measured: `${Math.round(d.p95Ms)} ms`,
    limit: `≤ ${MAX_DETECTION_P95_MS} ms`,
    pass: d.p95Ms <= MAX_DETECTION_P95_MS,
  }));
}

function policyTargets(results: Figures): TargetCheck[] {
  const policy = results.b4.policy;
  const smallest = policy[0];
  const largest = policy.at(-1);
  if (!smallest || !largest) return [];
  const growth = largest.perResourceUs / smallest.perResourceUs;
  return [
    {
      target: `Policy pack over ${largest.resources.toLocaleString("en-US")} resources`,
      scope: "B4, in-process",
      measured: `${largest.evalMsMedian} ms`,
      limit: `≤ ${MAX_POLICY_10K_MS} ms`,
      pass: largest.evalMsMedian <= MAX_POLICY_10K_MS,
    },
    {
      target: "Policy pack grows linearly",
      scope: `per-resource time, ${largest.resources.toLocaleString("en-US")} vs ${smallest.resources.toLocaleString("en-US")}`,
      measured: `× ${growth.toFixed(2)}`,
      limit: `≤ × ${MAX_POLICY_PER_RESOURCE_GROWTH}`,
      pass: growth <= MAX_POLICY_PER_RESOURCE_GROWTH,
    },
  ];
}

function rssTargets(results: Figures): TargetCheck[] {
  const checks: TargetCheck[] = [];
  for (const series of results.b1) {
    const largest = series.summaries.at(-1);
    if (!largest || largest.providerPeakRssMb === undefined) continue;
    checks.push({
      target: `Provider peak RSS, N = ${largest.clusters}`,
      scope: `B1, ${series.description}, worst of ${largest.runs} run(s)`,
      measured: `${largest.providerPeakRssMb} MB`,
      limit: `≤ ${MAX_PROVIDER_RSS_MB} MB`,
      pass: largest.providerPeakRssMb <= MAX_PROVIDER_RSS_MB,
    });
  }
  return checks;
}

/** Every target check, in the order of issue 7. */
export function checkTargets(results: Figures): TargetCheck[] {
  return [
    ...scaleTargets(results),
    ...callsPerTickTargets(results),
    ...detectionTargets(results),
    ...policyTargets(results),
    ...rssTargets(results),
  ];
}
