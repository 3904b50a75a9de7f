/**
 * Turns the raw runs into the reported figures: medians over runs (ceilings such as calls per tick
 * and peak RSS: the worst run), detection percentiles pooled over every cluster of every run.
 */
import type { EngineScaleRun } from "./engineScale";
import type { PhaseFigures, SideBySideRun } from "./sideBySide";
import { median, percentile, round } from "./stats";

/** B1 figures of one series at one N. */
export interface EngineScaleSummary {
  clusters: number;
  runs: number;
  upWallMs: number;
  destroyWallMs: number | undefined;
  /** median wall(N) / median wall(1) of the same operation. */
  upRatio: number | undefined;
  destroyRatio: number | undefined;
  /** Worst run, `up` and `destroy`: DescribeDBClusters calls in one poll tick. */
  maxDescribeCallsPerTick: number;
  /** Medians of `up`: describe calls, ticks, and all RDS calls of up + destroy. */
  upDescribeCalls: number;
  upTicks: number;
  totalRdsCalls: number;
  /** Worst run: provider VmHWM over up and destroy, MB (median alongside). */
  providerPeakRssMb: number | undefined;
  providerPeakRssMedianMb: number | undefined;
  /** Medians of the `up` timeline: engine start-up, engine hand-out of N resources, finish. */
  upFirstActionMs: number | undefined;
  upActionSpreadMs: number | undefined;
  upAfterLastCompletionMs: number | undefined;
  /** Medians of the `up` CPU time: provider, engine (CLI), bench process (program + endpoint + proxy). */
  upCpuMs: { provider: number; engine: number; benchProcess: number };
}

const defined = (values: (number | undefined)[]): number[] =>
  values.filter((v): v is number => v !== undefined);
const medianOrUndefined = (values: (number | undefined)[]): number | undefined => {
  const present = defined(values);
  return present.length > 0 ? median(present) : undefined;
};

/** Summarizes the runs of one N; `baseline` is the same series' summary at N = 1. */
export function summarizeEngineRuns(
  runs: EngineScaleRun[],
  baseline?: { upWallMs: number; destroyWallMs: number | undefined },
): EngineScaleSummary {
  const upWallMs = median(runs.map((r) => r.up.wallMs));
  const destroyWallMs = medianOrUndefined(runs.map((r) => r.destroy?.wallMs));
  const ops = runs.flatMap((r) => (r.destroy ? [r.up, r.destroy] : [r.up]));
  const peaks = runs.map(
    (r) =>
      defined([r.up.providerPeakRssMb, r.destroy?.providerPeakRssMb]).reduce(
        (a, b) => Math.max(a, b),
        0,
      ) || undefined,
  );
  const timeline = runs.map((r) => r.up.timeline);
  return {
    clusters: runs[0]?.clusters ?? 0,
    runs: runs.length,
    upWallMs,
    destroyWallMs,
    upRatio: baseline ? round(upWallMs / baseline.upWallMs, 2) : undefined,
    destroyRatio:
      baseline?.destroyWallMs && destroyWallMs
        ? round(destroyWallMs / baseline.destroyWallMs, 2)
        : undefined,
    maxDescribeCallsPerTick: Math.max(...ops.map((o) => o.maxCallsPerTick)),
    upDescribeCalls: median(runs.map((r) => r.up.describeCalls)),
    upTicks: median(runs.map((r) => r.up.ticks)),
    totalRdsCalls: median(runs.map((r) => r.up.totalRdsCalls + (r.destroy?.totalRdsCalls ?? 0))),
    providerPeakRssMb: peaks.some((p) => p !== undefined)
      ? round(Math.max(...defined(peaks)), 1)
      : undefined,
    providerPeakRssMedianMb: medianOrUndefined(peaks),
    upFirstActionMs: medianOrUndefined(timeline.map((t) => t.firstActionMs)),
    upActionSpreadMs: medianOrUndefined(
      timeline.map((t) =>
        t.lastActionMs !== undefined && t.firstActionMs !== undefined
          ? t.lastActionMs - t.firstActionMs
          : undefined,
      ),
    ),
    upAfterLastCompletionMs: medianOrUndefined(
      runs.map((r) =>
        r.up.timeline.lastCompletionMs !== undefined
          ? r.up.wallMs - r.up.timeline.lastCompletionMs
          : undefined,
      ),
    ),
    upCpuMs: {
      provider: median(runs.map((r) => r.up.cpuMs.provider)),
      engine: median(runs.map((r) => r.up.cpuMs.engine)),
      benchProcess: median(runs.map((r) => r.up.cpuMs.benchProcess)),
    },
  };
}

/** Detection latency over pooled samples. */
export interface LatencySummary {
  samples: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
}

/** Pools the latencies of `phases` into p50 / p95 / max. */
export function summarizeLatencies(phases: PhaseFigures[]): LatencySummary {
  const all = phases.flatMap((p) => p.latenciesMs);
  return {
    samples: all.length,
    p50Ms: percentile(all, 50),
    p95Ms: percentile(all, 95),
    maxMs: Math.max(...all),
  };
}

/** B2 figures of one side in one phase, over runs. */
export interface SideSummary extends LatencySummary {
  desired: string;
  clusters: number;
  rdsCalls: number;
  describeCalls: number;
  wallMs: number;
  /** Our side only: the poller's worst calls per tick, and its median tick count. */
  maxDescribeCallsPerTick?: number;
  ticks?: number;
}

function summarizeSide(phases: PhaseFigures[]): SideSummary {
  const pollers = defined(phases.map((p) => p.poller?.maxCallsPerTick));
  const ticks = defined(phases.map((p) => p.poller?.ticks));
  return {
    desired: phases[0]?.desired ?? "unknown",
    clusters: phases[0]?.clusters ?? 0,
    rdsCalls: median(phases.map((p) => p.rdsCalls)),
    describeCalls: median(phases.map((p) => p.describeCalls)),
    wallMs: median(phases.map((p) => p.wallMs)),
    ...summarizeLatencies(phases),
    ...(pollers.length > 0
      ? { maxDescribeCallsPerTick: Math.max(...pollers), ticks: median(ticks) }
      : {}),
  };
}

/** B2: per side, one summary per phase (stop, start). */
export function summarizeSideBySide(runs: SideBySideRun[]): {
  ours: SideSummary[];
  sdk: SideSummary[];
} {
  const phaseCount = runs[0]?.ours.length ?? 0;
  const pick = (side: "ours" | "sdk") =>
    Array.from({ length: phaseCount }, (_, i) =>
      summarizeSide(runs.map((r) => r[side][i]).filter((p): p is PhaseFigures => p !== undefined)),
    );
  return { ours: pick("ours"), sdk: pick("sdk") };
}
