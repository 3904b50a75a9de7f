/**
 * B1, scale through the real engine: a program with N ClusterPowerState resources (`state:
 * "stopped"`), or one ClusterFleetPowerState of N members, run with `pulumi up`, then `pulumi destroy` (which starts the clusters again:
 * `onDelete` defaults to `restore`), through the inline harness and the provisioned CLI, against
 * the local endpoint with 5 s transitions. The poller knobs are left at the defaults a user gets.
 */
import { ClusterFleetPowerState, ClusterPowerState } from "../provider";
import { startEmulator, type RunningEmulator } from "../emulator";
import { createInlineStack, type InlineStack } from "../scripts/harness";
import { loadAverageNow } from "./environment";
import { summarizeDescribeTicks, type DescribeTickFigures } from "./describeTicks";
import { sampleStackProcesses } from "./stackProcesses";
import { startRecordingProxy, type RecordingProxy } from "./recordingProxy";

/** Transition time of the endpoint, as issue 7 prescribes. */
export const TRANSITION_SECONDS = 5;

/** Figures of one `pulumi up` or `pulumi destroy`. */
export interface EngineOperationFigures extends DescribeTickFigures {
  wallMs: number;
  /** Peak resident memory of the dynamic provider process (VmHWM), MB. */
  providerPeakRssMb: number | undefined;
  /** CPU time of the dynamic provider, of the pulumi CLI, and of the bench process (program, endpoint, proxy), ms. */
  cpuMs: { provider: number; engine: number; benchProcess: number };
  /** Where the wall time goes (ms since the operation began): see {@link OperationTimeline}. */
  timeline: OperationTimeline;
}

/**
 * When the provider issued its first and last power call and when the endpoint completed the last
 * transition: `firstActionMs` is engine start-up, `lastActionMs - firstActionMs` is how long the
 * engine took to hand all N resources to the provider, `wallMs - lastCompletionMs` is detection
 * plus the engine's finish.
 */
export interface OperationTimeline {
  firstActionMs: number | undefined;
  lastActionMs: number | undefined;
  lastCompletionMs: number | undefined;
}

/** How one B1 measurement runs the engine. */
export interface EngineScaleOptions {
  /** `--parallel` passed to the CLI; undefined = the engine's default (4 × GOMAXPROCS). */
  parallel?: number;
  /** Extra environment of the engine and the provider (e.g. `PULUMI_SKIP_CHECKPOINTS`). */
  env?: Record<string, string>;
  /** Also measure `pulumi destroy` (default true). */
  destroy?: boolean;
  /** One `ClusterFleetPowerState` holding all N clusters instead of N `ClusterPowerState`s. */
  fleet?: boolean;
}

/** One B1 measurement: N clusters, stopped by `up` and started again by `destroy`. */
export interface EngineScaleRun {
  clusters: number;
  parallel: number | undefined;
  up: EngineOperationFigures;
  destroy: EngineOperationFigures | undefined;
  /** 1-minute load average when the measurement began. */
  loadAverage: number;
}

function programFor(ids: readonly string[], fleet: boolean) {
  return () => {
    if (fleet)
      new ClusterFleetPowerState("fleet", { clusterIdentifiers: [...ids], state: "stopped" });
    else
      for (const id of ids) new ClusterPowerState(id, { clusterIdentifier: id, state: "stopped" });
    return Promise.resolve({});
  };
}

async function expectStatuses(
  emulator: RunningEmulator,
  ids: readonly string[],
  status: string,
  after: string,
): Promise<void> {
  const clusters = await emulator.admin.listClusters();
  const wrong = clusters.filter((c) => ids.includes(c.DBClusterIdentifier) && c.Status !== status);
  if (wrong.length > 0) {
    const sample = wrong
      .slice(0, 3)
      .map((c) => `${c.DBClusterIdentifier}=${c.Status}`)
      .join(", ");
    throw new Error(
      `after ${after}, ${wrong.length} of ${ids.length} clusters are not \`${status}\` (${sample})`,
    );
  }
}

const ACTIONS = new Set(["StopDBCluster", "StartDBCluster"]);

async function timelineOf(
  emulator: RunningEmulator,
  proxy: RecordingProxy,
  started: number,
  startedEpochMs: number,
  target: string,
): Promise<OperationTimeline> {
  const actions = proxy
    .calls()
    .filter((c) => ACTIONS.has(c.action))
    .map((c) => c.startMs - started);
  const completions = (await emulator.admin.events())
    .filter((e) => e.to === target && Date.parse(e.at) >= startedEpochMs)
    .map((e) => Date.parse(e.at) - startedEpochMs);
  const rounded = (values: number[], pick: (...v: number[]) => number) =>
    values.length > 0 ? Math.round(pick(...values)) : undefined;
  return {
    firstActionMs: rounded(actions, Math.min),
    lastActionMs: rounded(actions, Math.max),
    lastCompletionMs: rounded(completions, Math.max),
  };
}

async function measure(
  run: InlineStack,
  emulator: RunningEmulator,
  proxy: RecordingProxy,
  target: string,
  operation: () => Promise<unknown>,
): Promise<EngineOperationFigures> {
  proxy.reset();
  const sampler = sampleStackProcesses(run.workDir);
  const startedEpochMs = Date.now();
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  let processes;
  try {
    await operation();
  } finally {
    // Stop sampling also when the operation fails, or the interval keeps the bench alive.
    processes = sampler.stop();
  }
  const wallMs = Math.round(performance.now() - started);
  const own = process.cpuUsage(cpuBefore);
  const cpuMs = {
    provider: processes.providerCpuMs,
    engine: processes.engineCpuMs,
    benchProcess: Math.round((own.user + own.system) / 1000),
  };
  const timeline = await timelineOf(emulator, proxy, started, startedEpochMs, target);
  return {
    wallMs,
    providerPeakRssMb: processes.providerPeakRssMb,
    cpuMs,
    timeline,
    ...summarizeDescribeTicks(proxy.calls()),
  };
}

/**
 * Runs one B1 measurement with `clusters` fresh clusters on a fresh endpoint. Without `destroy`
 * the stack is only removed (its clusters stay stopped on an endpoint that is discarded anyway).
 * Throws when the clusters do not end up stopped after `up` and available after `destroy`.
 */
export async function runEngineScale(
  clusters: number,
  label: string,
  options: EngineScaleOptions = {},
): Promise<EngineScaleRun> {
  const { parallel, env = {}, destroy: measureDestroy = true, fleet = false } = options;
  const loadAverage = loadAverageNow();
  const ids = Array.from({ length: clusters }, (_, i) => `${label}-${String(i).padStart(3, "0")}`);
  const emulator = await startEmulator({
    stopSeconds: TRANSITION_SECONDS,
    startSeconds: TRANSITION_SECONDS,
    seed: ids.map((id) => ({ DBClusterIdentifier: id })),
  });
  const proxy = await startRecordingProxy(emulator.url);
  let engineOutput = "";
  let run: InlineStack | undefined;
  try {
    run = await createInlineStack({
      program: programFor(ids, fleet),
      endpointUrl: proxy.url,
      region: "us-east-1",
      projectName: "aurora-power-bench",
      env,
      onOutput: (text) => {
        engineOutput = (engineOutput + text).slice(-20_000);
      },
    });
    const stack = run;
    const cliOptions = parallel === undefined ? {} : { parallel };
    const up = await measure(stack, emulator, proxy, "stopped", () => stack.up(cliOptions));
    await expectStatuses(emulator, ids, "stopped", "pulumi up");
    if (!measureDestroy) return { clusters, parallel, up, destroy: undefined, loadAverage };
    const destroy = await measure(stack, emulator, proxy, "available", () =>
      stack.destroy(cliOptions),
    );
    await expectStatuses(emulator, ids, "available", "pulumi destroy");
    return { clusters, parallel, up, destroy, loadAverage };
  } catch (error) {
    process.stderr.write(`B1 ${label} failed; last engine output:\n${engineOutput}\n`);
    throw error;
  } finally {
    await run?.dispose();
    await proxy.stop();
    await emulator.stop();
  }
}
