import { RUNNING_BUSY_STATUSES, TERMINAL_STATUSES } from "./clusterStatus";

/**
 * Every DB cluster `Status` this package knows by name. Source: "Viewing an Amazon Aurora DB
 * cluster status" (Aurora User Guide), plus statuses seen in the wild (`failed`, `storage-full`,
 * `insufficient-capacity`, `incompatible-*`). Generated code (the stop workflow's Choice rules) and
 * tests enumerate it; a status not listed here is planned as unknown (wait, bounded by a timeout).
 */
export const KNOWN_CLUSTER_STATUSES: readonly string[] = [
  ...new Set([
    "available",
    "creating",
    "starting",
    "stopped",
    "stopping",
    "inaccessible-encryption-credentials-recoverable",
    ...RUNNING_BUSY_STATUSES,
    ...TERMINAL_STATUSES,
    "incompatible-network",
    "incompatible-option-group",
    "incompatible-parameters",
    "incompatible-restore",
  ]),
];

/**
 * Status families known by prefix (`isTerminalStatus` treats every `incompatible-…` as terminal),
 * written as Amazon States Language `StringMatches` patterns.
 */
export const KNOWN_STATUS_PATTERNS: readonly string[] = ["incompatible-*"];
