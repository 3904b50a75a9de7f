import type { PowerState } from "./aurora/clusterStatus";
import type { ClusterRecord } from "./core/clusterRecord";

export type { PowerState } from "./aurora/clusterStatus";

/** What happens to the cluster when the resource is deleted (see docs/cluster-power-state.md, "`onDelete`"). */
export type OnDelete = "restore" | "running" | "stopped" | "retain";

/** The `onDelete` values, in the order README.md and docs/cluster-power-state.md list them. */
export const ON_DELETE_VALUES: readonly OnDelete[] = ["restore", "running", "stopped", "retain"];

/** The `state` values. */
export const POWER_STATES: readonly PowerState[] = ["running", "stopped"];

/** Default `onDelete`: leave the cluster as it was found at create. */
export const DEFAULT_ON_DELETE: OnDelete = "restore";

/** Default `timeoutMinutes`: StartDBCluster can take 10–20 min, plus any transition to wait out. */
export const DEFAULT_TIMEOUT_MINUTES = 60;

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
 * Outputs of `ClusterPowerState`: the (defaulted) inputs echoed, what RDS reported (see
 * {@link FleetMemberOutputs}), and the state format. (Type aliases rather than interfaces: they
 * must be assignable to the engine's property bags.)
 */
export type ClusterPowerStateOutputs = ClusterPowerStateInputs &
  FleetMemberOutputs & {
    region: string;
    onDelete: OnDelete;
    timeoutMinutes: number;
    /** Version of the state format (see docs/cluster-power-state.md, "State format and upgrades"). */
    schemaVersion: number;
    /** The aurora-power version that wrote this state. */
    writtenBy: string;
    /** The resource's name in the program (recorded since 0.2). */
    resourceName?: string;
    /** Whether the program passed `clusterIdentifier` as a secret. */
    identifierIsSecret?: boolean;
  };

/**
 * What the provider records of one cluster: a `ClusterPowerState`'s outputs beyond its inputs,
 * and each entry of a `ClusterFleetPowerState`'s `members` (keyed by the lowercase identifier).
 */
export type FleetMemberOutputs = {
  [K in keyof ClusterRecord]: ClusterRecord[K];
};

/**
 * Outputs of `ClusterFleetPowerState`: the settings and the member list echoed, one record per
 * member, and the state format.
 */
export type ClusterFleetPowerStateOutputs = Omit<ClusterPowerStateInputs, "clusterIdentifier"> & {
  region: string;
  onDelete: OnDelete;
  timeoutMinutes: number;
  /** Lowercase, each once, sorted. */
  clusterIdentifiers: string[];
  /** Per lowercase identifier: what was observed and adopted; absent for a member never reached. */
  members: Record<string, FleetMemberOutputs>;
  schemaVersion: number;
  writtenBy: string;
  /** The resource's name in the program (recorded since 0.2). */
  resourceName?: string;
  /** Whether the program passed `clusterIdentifiers` as a secret. */
  identifierIsSecret?: boolean;
};
