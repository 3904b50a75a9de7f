import { powerStateOf } from "../aurora/clusterStatus";
import { KNOWN_CLUSTER_STATUSES, KNOWN_STATUS_PATTERNS } from "../aurora/knownStatuses";
import { planTransition } from "../aurora/planTransition";

/**
 * What the stop workflow does after one describe, for one status:
 * - `succeed`: nothing to do (already `stopped`, or a stop is in progress);
 * - `stop`: call StopDBCluster now;
 * - `wait`: wait one poll interval and describe again;
 * - `fail`: end the run failed, with `reason`.
 */
export type StopStep =
  | { readonly kind: "succeed" }
  | { readonly kind: "stop" }
  | { readonly kind: "wait" }
  | { readonly kind: "fail"; readonly reason: string };

/**
 * The workflow's step for a cluster observed in `status`, derived from the provider's planner
 * (`planTransition(status, "stopped")`). One deliberate difference: a status whose power state is
 * already `stopped` (`stopping`) is a success here, where the provider waits for `stopped`. The
 * workflow is fire-and-forget (an EventBridge rule or a schedule starts it, nobody reads its
 * output), and waiting for a stop RDS has already accepted would only add state transitions.
 */
export function stopStepOf(status: string): StopStep {
  const plan = planTransition(status, "stopped");
  switch (plan.kind) {
    case "done":
      return { kind: "succeed" };
    case "act":
      return plan.action === "stop" ? { kind: "stop" } : { kind: "wait" };
    case "fail":
      return { kind: "fail", reason: plan.reason };
    case "wait":
      return powerStateOf(status) === "stopped" ? { kind: "succeed" } : { kind: "wait" };
  }
}

/** One status (or status pattern) and the workflow's step for it. */
export interface StatusStep {
  /** A status, e.g. `backing-up`, or a `StringMatches` pattern such as `incompatible-*`. */
  status: string;
  isPattern: boolean;
  step: StopStep;
}

/** A status the planner has no rule for: `stopStepOf` of it is the workflow's `Default`. */
export const UNKNOWN_STATUS_PROBE = "a-status-rds-adds-later";

/** Example status for a pattern, so the planner can be asked about the whole family. */
function exampleOf(pattern: string): string {
  return pattern.replace("*", "example");
}

/** The workflow's step for every known status and status pattern, from `stopStepOf`. */
export function knownStatusSteps(): StatusStep[] {
  const exact = KNOWN_CLUSTER_STATUSES.map((status) => ({
    status,
    isPattern: false,
    step: stopStepOf(status),
  }));
  const patterns = KNOWN_STATUS_PATTERNS.map((status) => ({
    status,
    isPattern: true,
    step: stopStepOf(exampleOf(status)),
  }));
  return [...exact, ...patterns];
}
