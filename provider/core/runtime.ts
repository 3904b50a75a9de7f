import {
  ClusterPoller,
  systemClock,
  timerSleep,
  type Clock,
  type PollerStats,
  type Sleep,
} from "../poller/clusterPoller";
import { DurationModel } from "../poller/durationModel";
import { readPollerSettings, type PollerSettings } from "../poller/pollerSettings";
import { createClusterApi, type ClusterApi } from "../rds/clusterApi";
import { paceRdsClient } from "../rds/pacedRdsClient";
import { readRateLimiterSettings } from "../rds/rateLimiterSettings";
import { RdsRateLimiter } from "../rds/rdsRateLimiter";
import {
  configuredEndpoint,
  createRdsClient,
  endpointLabel,
  maxAttemptsFromEnv,
  type RdsTarget,
} from "../rds/createRdsClient";
import { KEEP_RUNNING_TAG_KEY } from "../aurora/keepRunningOverride";
import type { NoteSink, ProgressSink } from "./statusTracker";

/** Names the keep-running tag key the provider warns about (default `KEEP_RUNNING_TAG_KEY`). */
export const OVERRIDE_TAG_KEY_ENV = "AURORA_POWER_OVERRIDE_TAG_KEY";

/** What the lifecycle functions use to reach one (Region, endpoint, credentials). */
export interface Runtime {
  /** The RDS calls, each paced by {@link Runtime.limiter} when there is one. */
  api: ClusterApi;
  /**
   * The process's share of the account's RDS request quota in this Region; absent when a test
   * brings its own unpaced `api`.
   */
  limiter?: RdsRateLimiter;
  poller: ClusterPoller;
  durations: DurationModel;
  settings: PollerSettings;
  clock: Clock;
  /** Waits (a fake one in tests); absent in runtimes tests build by hand: a real wait. */
  sleep?: Sleep;
  random: () => number;
  progress: ProgressSink;
  /** Where the lines worth keeping go (see {@link LogSinks}). */
  note: NoteSink;
  /** The RDS endpoint as messages show it. */
  endpointLabel: string;
  /** Where warnings go (the engine's log, as a warning). */
  warn?: (message: string) => void;
  /** The keep-running tag's key ({@link OVERRIDE_TAG_KEY_ENV}); default `KEEP_RUNNING_TAG_KEY`. */
  overrideTagKey?: string;
}

/**
 * Where the core's lines go. The core knows no engine: each adapter hands it the engine's log
 * (../state/engineLog) with {@link setLogSinks}; until then the lines go nowhere.
 */
export interface LogSinks {
  /** Progress while waiting: shown live, left out of the final Diagnostics. */
  progress: ProgressSink;
  /** Lines kept in the final Diagnostics: one outcome per cluster and operation, notices. */
  note: NoteSink;
  /** Warnings: kept, and shown as warnings by the engine. */
  warn: NoteSink;
}

/** Process-wide hooks; tests replace them through {@link setRuntimeHooks}. */
interface RuntimeHooks extends LogSinks {
  clock: Clock;
  sleep: Sleep;
  random: () => number;
  env: NodeJS.ProcessEnv;
}

const hooks: RuntimeHooks = {
  clock: systemClock,
  sleep: timerSleep,
  random: Math.random,
  progress: () => undefined,
  note: () => undefined,
  warn: () => undefined,
  env: process.env,
};

/** Routes the core's progress and kept lines (each adapter, to the engine's log). */
export function setLogSinks(sinks: LogSinks): void {
  hooks.progress = sinks.progress;
  hooks.note = sinks.note;
  hooks.warn = sinks.warn;
}

const runtimes = new Map<string, Runtime>();
let stackRegion: string | undefined;

/** Remembers the stack's `aws:region` (from the provider's `configure`). */
export function setStackRegion(region: string | undefined): void {
  stackRegion = region;
}

/**
 * The provider's `configure` (both resource types): remembers the stack's `aws:region` config as
 * the default Region. Typed by shape, so the core needs nothing of Pulumi's.
 */
export function configure(req: {
  config: { get(key: string): string | undefined; [other: string]: unknown };
}): Promise<void> {
  setStackRegion(req.config.get("aws:region"));
  return Promise.resolve();
}

/** Region used when the input has none: `aws:region`, then AWS_REGION, then AWS_DEFAULT_REGION. */
export function defaultRegion(): string | undefined {
  return stackRegion ?? hooks.env.AWS_REGION ?? hooks.env.AWS_DEFAULT_REGION;
}

/**
 * The runtime for one target. One poller, RDS client and rate limiter per provider process and
 * (Region, endpoint, credentials identity): every resource and fleet member of the stack reachable
 * the same way shares its DescribeDBClusters calls and its share of the account's RDS request
 * quota (`AURORA_POWER_RDS_RATE`, `AURORA_POWER_RDS_BURST`). The key holds names only, never
 * secrets. Two profiles of the same account get two limiters: the key cannot know the account.
 */
export function runtimeFor(target: RdsTarget): Runtime {
  const endpoint = configuredEndpoint(hooks.env);
  const key = [target.region, endpoint, target.profile ?? "", target.roleArn ?? ""].join("|");
  let runtime = runtimes.get(key);
  if (!runtime) {
    const settings = readPollerSettings(hooks.env);
    const limiter = new RdsRateLimiter(readRateLimiterSettings(hooks.env), {
      clock: hooks.clock,
      sleep: hooks.sleep,
    });
    const client = createRdsClient(target, hooks.env);
    const api = createClusterApi(paceRdsClient(client, limiter, maxAttemptsFromEnv(hooks.env)));
    const poller = new ClusterPoller({
      api,
      clock: hooks.clock,
      sleep: hooks.sleep,
      maxConsecutiveDescribeErrors: settings.maxConsecutiveDescribeErrors,
    });
    const durations = new DurationModel(settings);
    runtime = {
      api,
      limiter,
      poller,
      durations,
      sleep: hooks.sleep,
      settings,
      clock: hooks.clock,
      random: hooks.random,
      progress: (m) => hooks.progress(m),
      warn: (m) => hooks.warn(m),
      overrideTagKey: hooks.env[OVERRIDE_TAG_KEY_ENV] || KEEP_RUNNING_TAG_KEY,
      note: (m) => hooks.note(m),
      endpointLabel: endpointLabel(endpoint, target.region),
    };
    runtimes.set(key, runtime);
  }
  return runtime;
}

/** Poller counters per runtime key (tests and the bench check the batching with them). */
export function pollerStats(): Record<string, PollerStats> {
  return Object.fromEntries(
    [...runtimes].map(([key, runtime]) => [key, { ...runtime.poller.stats }]),
  );
}

/** Replaces process-wide hooks and forgets every runtime (tests only). */
export function setRuntimeHooks(overrides: Partial<RuntimeHooks>): void {
  Object.assign(hooks, overrides);
  runtimes.clear();
}
