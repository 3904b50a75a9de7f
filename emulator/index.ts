/**
 * `aurora-power/emulator`: a local RDS endpoint (Query protocol) emulating the Aurora cluster
 * stop/start lifecycle, for offline tests, demos and benchmarks.
 */
export { startEmulator, type RunningEmulator } from "./startEmulator";
export { EmulatorAdminClient, EmulatorAdminError } from "./adminClient";
export { DEFAULT_CONFIG } from "./config";
export { FAULT_SEED_ENV, mulberry32 } from "./faultSeed";
export { ManualClock, systemClock } from "./clock";
export {
  EMULATOR_ACCOUNT,
  RDS_CLUSTER_EVENTS,
  type RdsClusterEventKind,
  type RdsEventBridgeEvent,
} from "./rdsEvents";
export {
  RDS_ACTIONS,
  type RdsAction,
  type Clock,
  type ClusterView,
  type EmulatorConfig,
  type EmulatorCounters,
  type EmulatorOptions,
  type SeedCluster,
  type StatusEvent,
  type Tag,
} from "./types";
