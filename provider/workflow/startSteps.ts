import { powerStateOf } from "../aurora/clusterStatus";
import { KNOWN_CLUSTER_STATUSES, KNOWN_STATUS_PATTERNS } from "../aurora/knownStatuses";
import { planTransition } from "../aurora/planTransition";

/**
 * What the start workflow does after one describe, for one status: `succeed` (nothing to do),
 * `start` (call StartDBCluster now), `wait` (describe again after a poll interval) or `fail`.
 */
export type StartStep =
  | { readonly kind: "succeed" }
  | { readonly kind: "start" }
  | { readonly kind: "wait" }
  | { readonly kind: "fail"; readonly reason: string };

/**
 * The start workflow's step for a cluster observed in `status`, from the provider's planner
 * (`planTransition(status, "running")`). As in the stop workflow, a status whose power state is
 * already the goal (`starting`) is a success: the run is fire-and-forget, and waiting for a start
 * RDS has accepted would only add state transitions.
 */
export function startStepOf(status: string): StartStep {
  const plan = planTransition(status, "running");
  switch (plan.kind) {
    case "done":
      return { kind: "succeed" };
    case "act":
      return plan.action === "start" ? { kind: "start" } : { kind: "wait" };
    case "fail":
      return { kind: "fail", reason: plan.reason };
    case "wait":
      return powerStateOf(status) === "running" ? { kind: "succeed" } : { kind: "wait" };
  }
}

/** One known status (or `StringMatches` pattern) and the start workflow's step for it. */
export interface StartStatusStep {
  status: string;
  isPattern: boolean;
  step: StartStep;
}

/** The start workflow's step for every known status and status pattern. */
export function knownStartSteps(): StartStatusStep[] {
  return [
    ...KNOWN_CLUSTER_STATUSES.map((status) => ({
      status,
      isPattern: false,
      step: startStepOf(status),
    })),
    ...KNOWN_STATUS_PATTERNS.map((status) => ({
      status,
      isPattern: true,
      step: startStepOf(status.replace("*", "example")),
    })),
  ];
}
