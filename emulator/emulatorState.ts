import type { Clock, EmulatorConfig, EmulatorCounters } from "./types";
import { RDS_ACTIONS } from "./types";
import { ClusterStore } from "./clusterStore";
import { mulberry32 } from "./faultSeed";
import { QuotaBucket } from "./quotaBucket";

/** Everything one running emulator holds: clusters, live configuration and counters. */
export interface EmulatorState {
  store: ClusterStore;
  config: EmulatorConfig;
  counters: EmulatorCounters;
  clock: Clock;
  /** Draws for fault injection, in [0, 1). */
  random: () => number;
  /** The seed `random` was built from; null when the embedder injected its own `random`. */
  faultSeed: number | null;
  /** The RDS request quota's token bucket (used in quota mode only). */
  quota: QuotaBucket;
}

/** Fresh, zeroed counters. */
export function emptyCounters(): EmulatorCounters {
  const calls = Object.fromEntries(RDS_ACTIONS.map((a) => [a, 0])) as EmulatorCounters["calls"];
  return {
    calls,
    errorsInjected: { Throttling: 0, InternalFailure: 0 },
    describeClusterIdsPerCall: [],
    powerCallsByCluster: {},
    requests: 0,
    quotaThrottled: 0,
  };
}

/** Where fault draws come from: a seed for the built-in PRNG, or the embedder's own function. */
export type FaultRandomness = { faultSeed: number } | { random: () => number };

/** Restarts fault injection from `faultSeed`: the draws that follow replay any run with that seed. */
export function reseedFaults(state: EmulatorState, faultSeed: number): void {
  state.faultSeed = faultSeed;
  state.random = mulberry32(faultSeed);
}

/** Creates the state of a new emulator; the store reads the live configuration on each use. */
export function createEmulatorState(
  config: EmulatorConfig,
  clock: Clock,
  randomness: FaultRandomness,
): EmulatorState {
  const seeded = "faultSeed" in randomness;
  const state: EmulatorState = {
    config,
    clock,
    random: seeded ? mulberry32(randomness.faultSeed) : randomness.random,
    faultSeed: seeded ? randomness.faultSeed : null,
    counters: emptyCounters(),
    store: undefined as unknown as ClusterStore,
    quota: new QuotaBucket(),
  };
  state.store = new ClusterStore(() => state.config, clock);
  return state;
}
