import {
  RUNNING_BUSY_STATUSES,
  isTerminalStatus,
  type PowerAction,
  type PowerState,
} from "./clusterStatus";

/**
 * What to do next for one observed cluster status and one desired power state.
 * - `done`: nothing to do, the cluster is where it should be;
 * - `act`: call StopDBCluster / StartDBCluster now;
 * - `wait`: the cluster is in a transition that must end first;
 * - `fail`: the cluster is in a status no power action can leave; `reason` says why.
 */
export type TransitionPlan =
  | { readonly kind: "done" }
  | { readonly kind: "act"; readonly action: PowerAction }
  | { readonly kind: "wait"; readonly reason: string }
  | { readonly kind: "fail"; readonly reason: string };

/**
 * Plans the next step to bring a cluster observed in `observedStatus` to `desired`. Pure: the
 * converge loop calls it after every observation, so a race (someone else started the cluster, a
 * stale describe) is handled by planning again.
 *
 * Rules (Aurora User Guide, "Stopping and starting an Amazon Aurora DB cluster"): StopDBCluster is
 * accepted only from `available`; StartDBCluster only from `stopped` or
 * `inaccessible-encryption-credentials-recoverable`. A stopped cluster is started at once, never
 * after waiting for `available` (the hang of terraform-provider-aws#40785).
 */
export function planTransition(observedStatus: string, desired: PowerState): TransitionPlan {
  if (isTerminalStatus(observedStatus)) {
    return { kind: "fail", reason: terminalReason(observedStatus) };
  }
  return desired === "stopped" ? planStop(observedStatus) : planStart(observedStatus);
}

function planStop(status: string): TransitionPlan {
  switch (status) {
    case "stopped":
      return { kind: "done" };
    case "available":
      return { kind: "act", action: "stop" };
    case "stopping":
      return { kind: "wait", reason: "the stop in progress to finish" };
    case "inaccessible-encryption-credentials-recoverable":
      return {
        kind: "fail",
        reason:
          "the cluster lost access to its KMS key; restore the key's access and start the cluster before stopping it",
      };
    default:
      // starting, creating, backing-up, modifying, … and statuses this code does not know yet:
      // StopDBCluster would be refused, so wait for `available` (bounded by `timeoutMinutes`).
      return { kind: "wait", reason: "the cluster to become `available` before stopping it" };
  }
}

function planStart(status: string): TransitionPlan {
  if (status === "stopped" || status === "inaccessible-encryption-credentials-recoverable") {
    return { kind: "act", action: "start" };
  }
  // The instances are up in these statuses: the cluster is running, waiting for `available`
  // would only add minutes (after a start RDS often takes a backup first, apache/airflow#38120).
  if (status === "available" || RUNNING_BUSY_STATUSES.has(status)) return { kind: "done" };
  if (status === "stopping")
    return { kind: "wait", reason: "the stop in progress to finish before starting" };
  return { kind: "wait", reason: "the cluster to become `available`" };
}

function terminalReason(status: string): string {
  if (status === "deleting") return "the cluster is being deleted";
  if (status === "inaccessible-encryption-credentials") {
    return "the cluster cannot use its KMS key and can only be restored from a backup";
  }
  if (status.startsWith("incompatible-")) {
    return `RDS cannot run the cluster with its current settings (${status}); fix them in the RDS console`;
  }
  return `the cluster is in \`${status}\`, which needs an operator's action in the RDS console`;
}

/**
 * True when a stored record (the power state and the RDS status last observed) already holds
 * `desired`, so an update has nothing to do. A record without a status does not: it must be
 * described again. `ClusterPowerState`'s update and a fleet's diff decide with it.
 */
export function recordHolds(state: unknown, status: unknown, desired: PowerState): boolean {
  return (
    state === desired &&
    typeof status === "string" &&
    planTransition(status, desired).kind === "done"
  );
}
