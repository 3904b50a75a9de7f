import type * as dynamic from "@pulumi/pulumi/dynamic";
import type { RawProperties } from "../dynamic/checkInputs";
import { createResource, deleteResource, updateResource } from "../dynamic/lifecycle";
import { defaultRegion } from "../dynamic/runtime";
import type { ProgressSink } from "../dynamic/statusTracker";
import type { FleetMemberOutputs } from "../types";
import { FleetMembersError, convergeSummary, fleetFailure } from "./fleetErrors";
import { memberId, memberInputs, resolveFleetInputs, type FleetInputs } from "./fleetInputs";
import { buildFleetOutputs, type ClusterFleetPowerStateOutputs } from "./fleetOutputs";
import { NOT_YET_SEEN, fleetProgressFor } from "./fleetProgress";
import { memberRecordOf, storedMembers } from "./memberRecord";
import { anyReached, failuresOf, membersAfter, runMembers } from "./runMembers";

/**
 * One member's part of an update, by what the member is:
 * - listed but without a record (added, or it failed before being reached): adopted like a create;
 * - listed and recorded: converged like `ClusterPowerState`'s update, which makes no call when the
 *   record already satisfies `state`;
 * - recorded but no longer listed: given the fleet's (new) `onDelete` like a delete, restoring to
 *   its recorded `initialState`, within the fleet's (new) `timeoutMinutes`.
 */
async function updateMember(
  inputs: FleetInputs,
  clusterIdentifier: string,
  previous: FleetMemberOutputs | undefined,
  listed: boolean,
  progress: ProgressSink | undefined,
): Promise<FleetMemberOutputs | undefined> {
  const member = memberInputs(inputs, clusterIdentifier);
  const id = memberId(inputs, clusterIdentifier);
  if (!listed) {
    await deleteResource(id, { ...member, initialState: previous?.initialState }, { progress });
    return undefined;
  }
  if (!previous) {
    const { outs } = await createResource(member, { progress });
    return memberRecordOf({ ...outs });
  }
  const { outs } = await updateResource(id, { ...member, ...previous }, member, { progress });
  return memberRecordOf({ ...outs });
}

/**
 * `update`: adds, removes and converges members, all at once (see `updateMember`). Members that
 * fail keep their previous record, if they had one, so the next `pulumi up` retries them; the
 * error is thrown as for create.
 */
export async function updateFleet(
  id: string,
  olds: RawProperties,
  news: RawProperties,
): Promise<dynamic.UpdateResult<ClusterFleetPowerStateOutputs>> {
  const inputs = resolveFleetInputs(news, defaultRegion(), id);
  const previous = storedMembers(olds);
  const listed = new Set(inputs.clusterIdentifiers);
  const removed = Object.keys(previous).filter((m) => !listed.has(m));
  const ids = [...inputs.clusterIdentifiers, ...removed.sort()];
  const initial = new Map(ids.map((m) => [m, previous[m]?.status ?? NOT_YET_SEEN]));
  const progress = fleetProgressFor(inputs, initial);
  const added = inputs.clusterIdentifiers.filter((m) => !previous[m]).length;
  progress.start(
    `update, every member to \`${inputs.state}\` (${added} to adopt, ${removed.length} to release with \`onDelete: ${inputs.onDelete}\`)`,
  );
  const results = await runMembers(
    ids,
    (member, sink) => updateMember(inputs, member, previous[member], listed.has(member), sink),
    progress,
  );
  const outs = buildFleetOutputs(inputs, membersAfter(results, previous));
  const failures = failuresOf(results);
  if (failures.length === 0) return { outs };
  const error = new FleetMembersError(
    convergeSummary(failures.length, ids.length, inputs.region),
    failures,
  );
  throw fleetFailure(error, anyReached(results), id, { ...news, ...outs });
}
