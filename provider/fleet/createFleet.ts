import type * as dynamic from "@pulumi/pulumi/dynamic";
import type { RawProperties } from "../dynamic/checkInputs";
import { createResource } from "../dynamic/lifecycle";
import { defaultRegion } from "../dynamic/runtime";
import { FleetMembersError, convergeSummary, fleetFailure } from "./fleetErrors";
import { memberInputs, newFleetId, resolveFleetInputs } from "./fleetInputs";
import { buildFleetOutputs, type ClusterFleetPowerStateOutputs } from "./fleetOutputs";
import { NOT_YET_SEEN, fleetProgressFor } from "./fleetProgress";
import { memberRecordOf } from "./memberRecord";
import { anyReached, failuresOf, membersAfter, runMembers } from "./runMembers";

/**
 * `create`: adopts every member at once, each exactly as `ClusterPowerState`'s create does (refusing
 * a cluster RDS cannot stop, recording `initialState`, converging to `state`). Members that fail do
 * not stop the others; see {@link fleetFailure} for what is thrown then.
 */
export async function createFleet(
  raw: RawProperties,
): Promise<dynamic.CreateResult<ClusterFleetPowerStateOutputs>> {
  const inputs = resolveFleetInputs(raw, defaultRegion());
  const id = newFleetId(inputs.region);
  const ids = inputs.clusterIdentifiers;
  const progress = fleetProgressFor(inputs, new Map(ids.map((m) => [m, NOT_YET_SEEN])));
  progress.start(`create, every member to \`${inputs.state}\``);
  const results = await runMembers(
    ids,
    async (member, sink) => {
      const { outs } = await createResource(memberInputs(inputs, member), { progress: sink });
      return memberRecordOf({ ...outs });
    },
    progress,
  );
  const outs = buildFleetOutputs(inputs, membersAfter(results, {}));
  const failures = failuresOf(results);
  if (failures.length === 0) return { id, outs };
  const error = new FleetMembersError(
    convergeSummary(failures.length, ids.length, inputs.region),
    failures,
  );
  throw fleetFailure(error, anyReached(results), id, { ...raw, ...outs });
}
