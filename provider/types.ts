import type { PowerState } from "./aurora/clusterStatus";

export type { PowerState } from "./aurora/clusterStatus";

/** What happens to the cluster when the resource is deleted (see README, "onDelete"). */
export type OnDelete = "restore" | "running" | "stopped" | "retain";

/** The `onDelete` values, in the order the README lists them. */
export const ON_DELETE_VALUES: readonly OnDelete[] = ["restore", "running", "stopped", "retain"];

/** The `state` values. */
export const POWER_STATES: readonly PowerState[] = ["running", "stopped"];

/** Default `onDelete`: leave the cluster as it was found at create. */
export const DEFAULT_ON_DELETE: OnDelete = "restore";

/** Default `timeoutMinutes`: StartDBCluster can take 10–20 min, plus any transition to wait out. */
export const DEFAULT_TIMEOUT_MINUTES = 60;

/**
 * Version of the output shape. The serialized shim always runs the newest installed implementation,
 * which must read every older state shape: bump this and handle the old shape in one place.
 */
export const SCHEMA_VERSION = 1;

/** Plain (resolved) inputs of `ClusterPowerState`, as the provider process receives them. */
export type ClusterPowerStateInputs = {
  /** The DB cluster identifier (`DBClusterIdentifier`). */
  clusterIdentifier: string;
  /** The power state to hold. */
  state: PowerState;
  /** AWS Region; `check` fills it in from `aws:region` or `AWS_REGION` when absent. */
  region?: string;
  /** What to do with the cluster on delete; `check` fills in `restore` when absent. */
  onDelete?: OnDelete;
  /** Limit for one create / update / delete, including every wait; default 60. */
  timeoutMinutes?: number;
  /** Shared-config profile to take credentials from. */
  profile?: string;
  /** IAM role to assume for the RDS calls. */
  roleArn?: string;
};

/**
 * Outputs of `ClusterPowerState`: the (defaulted) inputs echoed, plus what RDS reported. (Type
 * aliases rather than interfaces: they must be assignable to the engine's property bags.)
 */
export type ClusterPowerStateOutputs = ClusterPowerStateInputs & {
  region: string;
  onDelete: OnDelete;
  timeoutMinutes: number;
  /** Last observed RDS `Status`, e.g. `stopped`, `available`, `backing-up`. */
  status: string;
  /** The power state found at create; `onDelete: "restore"` returns the cluster to it. */
  initialState: PowerState;
  clusterArn: string;
  engine: string;
  engineMode: string;
  /** ISO 8601 time at which RDS will start the stopped cluster again (present while stopped). */
  automaticRestartTime?: string;
  schemaVersion: number;
};

/**
 * What `ClusterFleetPowerState` records per member (its `members` output, keyed by the lowercase
 * cluster identifier): the cluster-specific outputs of `ClusterPowerState`, with `state` the power
 * state last observed (refresh sets it from the live status, so drift shows per member).
 */
export type FleetMemberOutputs = Pick<
  ClusterPowerStateOutputs,
  | "state"
  | "status"
  | "initialState"
  | "clusterArn"
  | "engine"
  | "engineMode"
  | "automaticRestartTime"
>;
