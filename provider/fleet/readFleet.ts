import type * as dynamic from "@pulumi/pulumi/dynamic";
import type { RawProperties } from "../dynamic/checkInputs";
import { readResource } from "../dynamic/lifecycle";
import { defaultRegion } from "../dynamic/runtime";
import { FleetMembersError } from "./fleetErrors";
import { memberId, memberInputs, resolveFleetInputs } from "./fleetInputs";
import { buildFleetOutputs, type ClusterFleetPowerStateOutputs } from "./fleetOutputs";
import { memberRecordOf, storedMembers } from "./memberRecord";
import { failuresOf, membersAfter, runMembers } from "./runMembers";

/**
 * `read` (refresh): reads every recorded member at once, as `ClusterPowerState`'s read does. A
 * member's `state` becomes the power state its live status amounts to, so drift shows as
 * `members.<id>.state` changing and the next `pulumi up` converges that member alone; a member that
 * no longer exists (or is being deleted) leaves `members`. The fleet itself stays, even with no
 * member left: the list is the user's, and `diff` reports the missing members. The inputs are
 * left alone (no `inputs` returned), so drift re-converges. A describe error fails the refresh:
 * an endpoint that cannot answer must never make members disappear.
 */
export async function readFleet(
  id: string,
  props: RawProperties | undefined,
): Promise<dynamic.ReadResult<ClusterFleetPowerStateOutputs>> {
  const stored = props ?? {};
  const inputs = resolveFleetInputs(stored, defaultRegion(), id);
  const previous = storedMembers(stored);
  const ids = Object.keys(previous).sort();
  const results = await runMembers(ids, async (member) => {
    const record = previous[member];
    const read = await readResource(memberId(inputs, member), {
      ...memberInputs(inputs, member),
      ...record,
    });
    return read.id === "" ? undefined : memberRecordOf({ ...read.props });
  });
  const failures = failuresOf(results);
  if (failures.length > 0) {
    throw new FleetMembersError(
      `refresh failed for ${failures.length} of ${ids.length} clusters of the fleet (${inputs.region}); no member was dropped. Fix each as its line says, then run \`pulumi refresh\` again:`,
      failures,
    );
  }
  return { id, props: buildFleetOutputs(inputs, membersAfter(results, {})) };
}
