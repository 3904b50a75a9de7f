import type { FleetMemberOutputs } from "../types";
import type { FleetInputs } from "./fleetInputs";

/**
 * Version of the fleet's output shape, separate from `ClusterPowerState`'s. The shim always runs
 * the newest installed implementation, which must read every older shape.
 */
export const FLEET_SCHEMA_VERSION = 1;

/** Outputs of `ClusterFleetPowerState`: the normalized inputs echoed, plus one record per member. */
export type ClusterFleetPowerStateOutputs = FleetInputs & {
  /** Per lowercase identifier: what was observed and adopted; absent for a member never reached. */
  members: Record<string, FleetMemberOutputs>;
  schemaVersion: number;
};

/**
 * Builds the outputs: the inputs echoed (so `diff` sees them as `olds`) and the members, keys
 * sorted so the state does not change with the order in which members finished.
 */
export function buildFleetOutputs(
  inputs: FleetInputs,
  members: Record<string, FleetMemberOutputs>,
): ClusterFleetPowerStateOutputs {
  const sorted = Object.keys(members)
    .sort()
    .map((id) => [id, members[id]] as const);
  return {
    ...inputs,
    members: Object.fromEntries(sorted) as Record<string, FleetMemberOutputs>,
    schemaVersion: FLEET_SCHEMA_VERSION,
  };
}
