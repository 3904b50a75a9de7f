/** The shape of bench/results/results.json. */
import type { BenchPlan } from "./benchPlan";
import type { EngineScaleRun } from "./engineScale";
import type { BenchEnvironment } from "./environment";
import type { SideBySideRun } from "./sideBySide";
import type { EngineScaleSummary, LatencySummary, SideSummary } from "./summarize";

/** One B1 series with its raw runs and per-N summaries. */
export interface EngineSeriesResult {
  name: string;
  description: string;
  summaries: EngineScaleSummary[];
  runs: EngineScaleRun[];
}

/** B3 figures of one cluster count. */
export interface DetectionResult extends LatencySummary {
  clusters: number;
  /** The poller's worst DescribeDBClusters calls in one tick. */
  maxDescribeCallsPerTick: number;
}

/** Policy evaluation over one synthetic stack size. */
export interface PolicyResult {
  resources: number;
  evalMsMedian: number;
  evalMsRuns: number[];
  /** Median evaluation time per resource, µs. */
  perResourceUs: number;
}

/** Emulator load figures (bench/emulatorLoad.ts), medians over runs. */
export interface EmulatorLoadResult {
  concurrent: number;
  errors: number;
  wallMs: number;
  p50Ms: number;
  p95Ms: number;
  runs: number;
}

/** One target of issue 7, compared with the measured figure. */
export interface TargetCheck {
  target: string;
  scope: string;
  measured: string;
  limit: string;
  pass: boolean;
}

/** Everything `npm run bench` writes. */
export interface BenchResults {
  generatedAt: string;
  durationSeconds: number;
  plan: BenchPlan;
  environment: BenchEnvironment;
  loadAverageAtEnd: number;
  b1: EngineSeriesResult[];
  b2: { clusters: number; ours: SideSummary[]; sdk: SideSummary[]; runs: SideBySideRun[] };
  b3: DetectionResult[];
  b4: { policy: PolicyResult[]; emulatorLoad: EmulatorLoadResult };
  targets: TargetCheck[];
}
