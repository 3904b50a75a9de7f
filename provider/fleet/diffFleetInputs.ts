import type { DiffResult } from "@pulumi/pulumi/dynamic";
import { isUnknown, type RawProperties } from "../dynamic/checkInputs";
import { changedInputs } from "../dynamic/diffInputs";
import { recordHolds } from "../aurora/planTransition";
import { normalizeIdentifiers } from "./fleetInputs";
import { storedMembers } from "./memberRecord";

/** The settings a fleet shares with `ClusterPowerState`, compared the same way (defaults applied). */
const SETTINGS = ["region", "state", "onDelete", "timeoutMinutes", "profile", "roleArn"] as const;

/** True when the member list changed (order and case do not count), or is not known yet. */
function membershipChanged(olds: RawProperties, news: RawProperties): boolean {
  const next = news.clusterIdentifiers;
  if (isUnknown(next) || (Array.isArray(next) && next.some(isUnknown))) return true;
  const before = normalizeIdentifiers(olds.clusterIdentifiers);
  const after = normalizeIdentifiers(next);
  return before.length !== after.length || before.some((id, i) => id !== after[i]);
}

/**
 * True when the recorded members do not hold the desired state: one was seen in another power
 * state or a status that does not satisfy it (drift found by refresh, a partial failure), a desired
 * member has no record (it failed before being reached, or refresh found it gone), or a member no
 * longer listed is still recorded (its removal failed). The single resource's update makes the same
 * test (`olds.state` and `status`); here it must be made in diff, or the engine skips the update.
 */
function membersNeedWork(olds: RawProperties, news: RawProperties): boolean {
  const desired = news.state;
  // An unknown or invalid `state` is a settings change already (or a check failure).
  if (desired !== "running" && desired !== "stopped") return false;
  const wanted = new Set(normalizeIdentifiers(news.clusterIdentifiers));
  const members = storedMembers(olds);
  if (Object.keys(members).some((id) => !wanted.has(id))) return true;
  return [...wanted].some((id) => {
    const member = members[id];
    return !member || !recordHolds(member.state, member.status, desired);
  });
}

/**
 * Compares the stored outputs (`olds`, which echo the inputs) with the new inputs. A new `region`
 * means other clusters: replace, deleting first, as `ClusterPowerState` does. Everything else is an
 * update: the member list, `state`, `onDelete`, `timeoutMinutes`, `profile`, `roleArn`, and members
 * that do not hold the desired state. `changes` is always set (left undefined, the engine would diff
 * every input, `__provider` included). The dynamic provider protocol carries no `detailedDiff`:
 * the engine shows the input and output changes itself (e.g. `members.dev-orders.state`).
 */
export function diffFleetInputs(
  olds: RawProperties,
  news: RawProperties,
  defaultRegion: string | undefined,
): DiffResult {
  const settings = changedInputs(SETTINGS, olds, news, defaultRegion);
  const replaces = settings.filter((field) => field === "region");
  const changes =
    settings.length > 0 || membershipChanged(olds, news) || membersNeedWork(olds, news);
  return { changes, replaces, deleteBeforeReplace: replaces.length > 0 };
}
