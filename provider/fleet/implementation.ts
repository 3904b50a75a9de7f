/**
 * The `ClusterFleetPowerState` provider, loaded by name (`aurora-power/fleet-dynamic`) by the
 * serialized shim inside the Pulumi dynamic provider process. Every member runs the per-cluster
 * lifecycle functions of `ClusterPowerState` (../dynamic/lifecycle), so the two resources share
 * the planner, the errors, the runtime and its one batched poller per Region and credentials. It
 * must read the state of every earlier fleet `schemaVersion`.
 */
import type * as dynamic from "@pulumi/pulumi/dynamic";
import type { RawProperties } from "../dynamic/checkInputs";
import { defaultRegion } from "../dynamic/runtime";
import { checkFleetInputs } from "./checkFleetInputs";
import { createFleet } from "./createFleet";
import { deleteFleet } from "./deleteFleet";
import { diffFleetInputs } from "./diffFleetInputs";
import type { ClusterFleetPowerStateOutputs } from "./fleetOutputs";
import { readFleet } from "./readFleet";
import { updateFleet } from "./updateFleet";

/** `configure`: the same as `ClusterPowerState`'s (the stack's `aws:region` as default Region). */
export { configure } from "../dynamic/implementation";

/** `check`: failures for bad inputs, identifiers normalized, defaults filled in; no AWS call. */
export function check(
  _olds: RawProperties,
  news: RawProperties,
): Promise<dynamic.CheckResult<RawProperties>> {
  return Promise.resolve(checkFleetInputs(news, defaultRegion()));
}

/** `diff`: `region` replaces (delete first); the member list, settings and member drift update. */
export function diff(
  _id: string,
  olds: RawProperties,
  news: RawProperties,
): Promise<dynamic.DiffResult> {
  return Promise.resolve(diffFleetInputs(olds, news, defaultRegion()));
}

/** `create`: adopt every member and converge it to `state`. */
export function create(
  inputs: RawProperties,
): Promise<dynamic.CreateResult<ClusterFleetPowerStateOutputs>> {
  return createFleet(inputs);
}

/** `read`: every member's live power state (refresh). */
export function read(
  id: string,
  props?: RawProperties,
): Promise<dynamic.ReadResult<ClusterFleetPowerStateOutputs>> {
  return readFleet(id, props);
}

/** `update`: adopt added members, release removed ones, converge the rest when needed. */
export function update(
  id: string,
  olds: RawProperties,
  news: RawProperties,
): Promise<dynamic.UpdateResult<ClusterFleetPowerStateOutputs>> {
  return updateFleet(id, olds, news);
}

/** `delete`: `onDelete` for every member. */
function deleteClusterFleetPowerState(id: string, props: RawProperties): Promise<void> {
  return deleteFleet(id, props);
}

export { deleteClusterFleetPowerState as delete };

/** Poller counters and test hooks (not part of the provider contract), as in ../dynamic. */
export { pollerStats, setRuntimeHooks } from "../dynamic/runtime";
