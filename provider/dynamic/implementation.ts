/**
 * The `ClusterPowerState` provider, loaded by name (`aurora-power/dynamic`) by the serialized shim
 * inside the Pulumi dynamic provider process. Everything that talks to AWS lives here, never in the
 * serialized `__provider`. It must read the state of every earlier `schemaVersion`.
 */
import type * as dynamic from "@pulumi/pulumi/dynamic";
import type { ClusterPowerStateOutputs } from "../types";
import { checkInputs, type RawProperties } from "./checkInputs";
import { diffInputs } from "./diffInputs";
import { createResource, deleteResource, readResource, updateResource } from "./lifecycle";
import { defaultRegion, setStackRegion } from "./runtime";

/** `configure`: remembers the stack's `aws:region` config as the default Region. */
export function configure(req: dynamic.ConfigureRequest): Promise<void> {
  setStackRegion(req.config.get("aws:region"));
  return Promise.resolve();
}

/** `check`: failures for bad inputs, defaults filled in; no AWS call. */
export function check(
  _olds: RawProperties,
  news: RawProperties,
): Promise<dynamic.CheckResult<RawProperties>> {
  return Promise.resolve(checkInputs(news, defaultRegion()));
}

/** `diff`: per-field changes; `clusterIdentifier` / `region` replace (delete first). */
export function diff(
  _id: string,
  olds: RawProperties,
  news: RawProperties,
): Promise<dynamic.DiffResult> {
  return Promise.resolve(diffInputs(olds, news, defaultRegion()));
}

/** `create`: adopt the cluster and converge to `state`. */
export function create(
  inputs: RawProperties,
): Promise<dynamic.CreateResult<ClusterPowerStateOutputs>> {
  return createResource(inputs);
}

/** `read`: the live power state (refresh). */
export function read(
  id: string,
  props?: RawProperties,
): Promise<dynamic.ReadResult<ClusterPowerStateOutputs>> {
  return readResource(id, props);
}

/** `update`: converge to the new `state`; other changes make no call. */
export function update(
  id: string,
  olds: RawProperties,
  news: RawProperties,
): Promise<dynamic.UpdateResult<ClusterPowerStateOutputs>> {
  return updateResource(id, olds, news);
}

/** `delete`: as `onDelete` says. */
function deleteClusterPowerState(id: string, props: RawProperties): Promise<void> {
  return deleteResource(id, props);
}

export { deleteClusterPowerState as delete };

/** Poller counters, for tests and the bench (not part of the provider contract). */
export { pollerStats, setRuntimeHooks } from "./runtime";
