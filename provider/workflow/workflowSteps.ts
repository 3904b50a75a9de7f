import { powerStateOf, type PowerState } from "../aurora/clusterStatus";
import { KNOWN_CLUSTER_STATUSES, KNOWN_STATUS_PATTERNS } from "../aurora/knownStatuses";
import { planTransition } from "../aurora/planTransition";

/** The power call that drives a cluster to `goal`. */
export type PowerCallOf<G extends PowerState> = G extends "stopped" ? "stop" : "start";

/**
 * What a workflow driving a cluster to a power state does after one describe, for one status:
 * - `succeed`: nothing to do (already there, or RDS is on its way there);
 * - the power call (`stop` / `start`): call StopDBCluster / StartDBCluster now;
 * - `wait`: wait one poll interval and describe again;
 * - `fail`: end the run failed, with `reason`.
 */
export type WorkflowStep<Call extends string> =
  | { readonly kind: "succeed" }
  | { readonly kind: Call }
  | { readonly kind: "wait" }
  | { readonly kind: "fail"; readonly reason: string };

/** The stop workflow's step for one status. */
export type StopStep = WorkflowStep<"stop">;
/** The start workflow's step for one status. */
export type StartStep = WorkflowStep<"start">;

/**
 * The step of a workflow driving a cluster observed in `status` to `goal`, derived from the
 * provider's planner (`planTransition(status, goal)`). One deliberate difference: a status whose
 * power state already is the goal (`stopping` for a stop, `starting` for a start) is a success
 * here, where the provider waits for the end of the transition. The workflows are fire-and-forget
 * (an EventBridge rule or a schedule starts them, nobody reads their output), and waiting for a
 * call RDS has already accepted would only add state transitions.
 */
export function workflowStepOf<G extends PowerState>(
  status: string,
  goal: G,
): WorkflowStep<PowerCallOf<G>> {
  const call = (goal === "stopped" ? "stop" : "start") as PowerCallOf<G>;
  const plan = planTransition(status, goal);
  switch (plan.kind) {
    case "done":
      return { kind: "succeed" };
    case "act":
      return plan.action === call ? { kind: call } : { kind: "wait" };
    case "fail":
      return { kind: "fail", reason: plan.reason };
    case "wait":
      return powerStateOf(status) === goal ? { kind: "succeed" } : { kind: "wait" };
  }
}

/** The reason of a `fail` step; undefined for every other step. */
export function failureReasonOf(step: WorkflowStep<string>): string | undefined {
  return "reason" in step ? step.reason : undefined;
}

/** The stop workflow's step for a cluster observed in `status` (`planTransition(status, "stopped")`). */
export const stopStepOf = (status: string): StopStep => workflowStepOf(status, "stopped");

/** The start workflow's step for a cluster observed in `status` (`planTransition(status, "running")`). */
export const startStepOf = (status: string): StartStep => workflowStepOf(status, "running");

/** One status (or status pattern) and a workflow's step for it. */
export interface StatusStep<Call extends string = "stop"> {
  /** A status, e.g. `backing-up`, or a `StringMatches` pattern such as `incompatible-*`. */
  status: string;
  isPattern: boolean;
  step: WorkflowStep<Call>;
}

/** A status the planner has no rule for: its step is the workflow's `Default`. */
export const UNKNOWN_STATUS_PROBE = "a-status-rds-adds-later";

/** Example status for a pattern, so the planner can be asked about the whole family. */
export function exampleOf(pattern: string): string {
  return pattern.replace("*", "example");
}

/** A workflow's step, towards `goal`, for every known status and status pattern. */
export function knownStatusSteps<G extends PowerState = "stopped">(
  goal: G = "stopped" as G,
): StatusStep<PowerCallOf<G>>[] {
  const exact = KNOWN_CLUSTER_STATUSES.map((status) => ({
    status,
    isPattern: false,
    step: workflowStepOf(status, goal),
  }));
  const patterns = KNOWN_STATUS_PATTERNS.map((status) => ({
    status,
    isPattern: true,
    step: workflowStepOf(exampleOf(status), goal),
  }));
  return [...exact, ...patterns];
}
