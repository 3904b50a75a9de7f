/**
 * What an RDS DB cluster `Status` means for its power state. Source: "Viewing an Amazon Aurora DB
 * cluster status" (Aurora User Guide); statuses seen in the wild are added where noted.
 */

/** The power state a user asks for. */
export type PowerState = "running" | "stopped";

/** The two power actions RDS offers for a DB cluster. */
export type PowerAction = "stop" | "start";

/**
 * Statuses in which the cluster's instances are up (billing, accepting connections) but the control
 * plane is busy: a stop is refused until the cluster is `available` again. Source: "Viewing an
 * Amazon Aurora DB cluster status" (Aurora User Guide).
 */
export const RUNNING_BUSY_STATUSES: ReadonlySet<string> = new Set([
  "backing-up",
  "backtracking",
  "failing-over",
  "maintenance",
  "migrating",
  "modifying",
  "promoting",
  "renaming",
  "resetting-master-credentials",
  "storage-optimization",
  "update-iam-db-auth",
  "upgrading",
]);

/**
 * Statuses a cluster does not leave through StopDBCluster / StartDBCluster or by waiting: an
 * operator must act (restore KMS key access, fix the network or parameters, restore from backup).
 */
export const TERMINAL_STATUSES: ReadonlySet<string> = new Set([
  "cloning-failed",
  "deleting",
  "failed",
  "inaccessible-encryption-credentials",
  "insufficient-capacity",
  "migration-failed",
  "storage-full",
]);

/** True when no power action or wait can bring a cluster in `status` to a power state. */
export function isTerminalStatus(status: string): boolean {
  return TERMINAL_STATUSES.has(status) || status.startsWith("incompatible-");
}

/**
 * The power state a status amounts to, for drift (refresh) and for `initialState`: `stopping`
 * counts as stopped and `starting` or any busy status as running. Undefined for terminal and
 * unknown statuses, which are neither.
 */
export function powerStateOf(status: string): PowerState | undefined {
  if (status === "stopped" || status === "stopping") return "stopped";
  if (status === "available" || status === "starting" || status === "creating") return "running";
  if (RUNNING_BUSY_STATUSES.has(status)) return "running";
  return undefined;
}
