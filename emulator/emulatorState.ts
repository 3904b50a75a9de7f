import type { Clock, EmulatorConfig, EmulatorCounters } from "./types";
import { RDS_ACTIONS } from "./types";
import { ClusterStore } from "./clusterStore";

/** Everything one running emulator holds: clusters, live configuration and counters. */
export interface EmulatorState {
  store: ClusterStore;
  config: EmulatorConfig;
  counters: EmulatorCounters;
  clock: Clock;
  random: () => number;
}

/** Fresh, zeroed counters. */
export function emptyCounters(): EmulatorCounters {
  const calls = Object.fromEntries(RDS_ACTIONS.map((a) => [a, 0])) as EmulatorCounters["calls"];
  return {
    calls,
    errorsInjected: { Throttling: 0, InternalFailure: 0 },
    describeClusterIdsPerCall: [],
  };
}

/** Creates the state of a new emulator; the store reads the live configuration on each use. */
export function createEmulatorState(
  config: EmulatorConfig,
  clock: Clock,
  random: () => number,
): EmulatorState {
  const state: EmulatorState = {
    config,
    clock,
    random,
    counters: emptyCounters(),
    store: undefined as unknown as ClusterStore,
  };
  state.store = new ClusterStore(() => state.config, clock);
  return state;
}
