/**
 * The 7-day reminder of `aurora-stop-schedule-sane` for a cluster held stopped, in its own module
 * so the rule file keeps to its schedule checks.
 */
import { KeeperIndex, keptStopped } from "../keeperCoverage";
import { holdsPowerState } from "../resourceFacts";
import { describeAction, stopsCluster } from "../stackModel";
import type { ActionNode } from "../stackNodes";
import { UnknownValue } from "../unknowns";

/** The reminder for `holder`, which holds cluster `name` (as quoted by messages) stopped. */
export function heldStoppedMessage(
  holder: ActionNode,
  name: string,
  maxStoppedDays: number,
): string {
  return (
    `${describeAction(holder.owner)} holds cluster ${name} stopped, but AWS starts a stopped cluster after ` +
    `${maxStoppedDays} days and nothing in this stack stops it again before the next \`pulumi up\`; ` +
    `add a \`ClusterKeepStopped\` listing it in \`clusterIdentifiers\` to stop it again whenever AWS starts it, ` +
    `or a \`ClusterStopSchedule\` for it.`
  );
}

/** A stop schedule (not a holder) that certainly stops its cluster. */
function isScheduledStop(action: ActionNode): boolean {
  return !holdsPowerState(action.facts) && stopsCluster(action.facts) === true;
}

/**
 * Whether `holder` (already known to hold its cluster stopped) needs the reminder: `true` when
 * nothing stops its cluster again after AWS's automatic start (no stop schedule among `others`,
 * the actions on the same cluster, and no enabled `ClusterKeepStopped` covering it), `false` when
 * something does, an {@link UnknownValue} when preview cannot tell.
 */
export function needsHeldStoppedReminder(
  holder: ActionNode,
  others: readonly ActionNode[],
  keepers: KeeperIndex,
): boolean | UnknownValue {
  if (!holdsPowerState(holder.facts) || others.some(isScheduledStop)) {
    return false;
  }
  const kept = keptStopped(holder, keepers);
  return kept instanceof UnknownValue ? kept : !kept;
}
