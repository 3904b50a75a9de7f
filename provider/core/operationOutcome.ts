/**
 * The one line that ends an operation on one cluster (kept in the CLI's Diagnostics, unlike the
 * progress lines): what the operation did, from how its reconcile went.
 */
import type { PowerState } from "../aurora/clusterStatus";
import { planTransition } from "../aurora/planTransition";
import { messages, type ClusterScope, type Outcome } from "./messages";
import type { ReconcileResult } from "./reconcileRequest";

/** What a reconcile that reached `state` did. */
function outcomeOf(result: ReconcileResult, state: PowerState): Outcome {
  const first = result.firstStatus;
  const already =
    !result.actionIssued && first !== undefined && planTransition(first, state).kind === "done";
  return { state, called: result.actionIssued, already, elapsedSeconds: result.elapsedSeconds };
}

/** The line ending a create or update whose reconcile reached `state`. */
export function heldLine(scope: ClusterScope, result: ReconcileResult, state: PowerState): string {
  return messages.held(scope, outcomeOf(result, state), result.firstStatus);
}

/** The line ending an update that made no call: the record already holds `state`. */
export function alreadyHeldLine(scope: ClusterScope, state: PowerState): string {
  return messages.held(scope, { state, called: false, already: true, elapsedSeconds: 0 });
}

/** The line ending a release (as `onDelete` says) whose reconcile reached `state`. */
export function releasedLine(
  scope: ClusterScope,
  onDelete: string,
  result: ReconcileResult,
  state: PowerState,
): string {
  const gone = !result.cluster || result.cluster.Status === "deleting";
  return gone
    ? messages.releasedGone(scope)
    : messages.released(scope, onDelete, outcomeOf(result, state), result.firstStatus);
}
