/**
 * What `npm run bench` measures: the full plan (about 15 minutes on 2 cores), or with
 * `BENCH_QUICK=1` a subset that shows every figure once in a few minutes. `BENCH_RUNS` overrides
 * the number of runs.
 */

/** One B1 series: the engine run a given way, over several cluster counts. */
export interface EngineSeries {
  name: string;
  description: string;
  clusterCounts: number[];
  parallel?: number;
  env?: Record<string, string>;
  destroy: boolean;
  runs: number;
  /** One `ClusterFleetPowerState` of N members instead of N `ClusterPowerState`s. */
  fleet?: boolean;
}

/** Everything one bench invocation does. */
export interface BenchPlan {
  quick: boolean;
  runs: number;
  engineSeries: EngineSeries[];
  /** Clusters on each side of B2 (also B3's large case). */
  sideBySideClusters: number;
  /** Stop + start cycles per run of B3's one-cluster case. */
  singleClusterCycles: number;
  policyResourceCounts: number[];
}

/** `--parallel` of the main B1 series: above every N, so the engine never queues a resource. */
export const UNBOUNDED_PARALLEL = 256;

/** The plan for `env` (BENCH_QUICK, BENCH_RUNS). */
export function benchPlan(env: NodeJS.ProcessEnv = process.env): BenchPlan {
  const quick = env.BENCH_QUICK === "1" || env.BENCH_QUICK === "true";
  const requestedRuns = Number(env.BENCH_RUNS);
  const runs = Number.isInteger(requestedRuns) && requestedRuns > 0 ? requestedRuns : quick ? 1 : 3;
  const series: EngineSeries[] = [
    {
      name: "fleet",
      description: "one `ClusterFleetPowerState` of N members, the engine's defaults",
      clusterCounts: quick ? [1, 50] : [1, 10, 50, 200],
      fleet: true,
      destroy: true,
      runs,
    },
    {
      name: "parallel",
      description: `\`--parallel ${UNBOUNDED_PARALLEL}\`, everything else default`,
      clusterCounts: quick ? [1, 50] : [1, 10, 50, 200],
      parallel: UNBOUNDED_PARALLEL,
      destroy: true,
      runs,
    },
    {
      name: "parallel+skipCheckpoints",
      description: `\`--parallel ${UNBOUNDED_PARALLEL}\` and \`PULUMI_SKIP_CHECKPOINTS=true\``,
      clusterCounts: quick ? [1, 50] : [1, 200],
      parallel: UNBOUNDED_PARALLEL,
      env: { PULUMI_SKIP_CHECKPOINTS: "true" },
      destroy: true,
      runs,
    },
  ];
  if (!quick) {
    series.push({
      name: "engineDefaults",
      description: "the engine's defaults (`--parallel` = 4 × cores), `up` only, one run",
      clusterCounts: [200],
      destroy: false,
      runs: 1,
    });
  }
  return {
    quick,
    runs,
    engineSeries: series,
    sideBySideClusters: quick ? 50 : 200,
    singleClusterCycles: 2,
    policyResourceCounts: [1_000, 5_000, 10_000],
  };
}
