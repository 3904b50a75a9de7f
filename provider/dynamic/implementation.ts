/**
 * The `ClusterPowerState` provider, loaded by name (`aurora-power/dynamic`) by the serialized shim
 * inside the Pulumi dynamic provider process: a thin adapter from the dynamic-provider contract to
 * the core's operations on one cluster (../core/clusterOperations). It maps property bags to the
 * core's types and back, and builds the partial-failure shape; nothing else.
 */
import type * as dynamic from "@pulumi/pulumi/dynamic";
import type { OperationResult, ClusterTarget } from "../core/clusterOperations";
import {
  adoptCluster,
  errorOf,
  holdCluster,
  observeCluster,
  releaseCluster,
} from "../core/clusterOperations";
import { recordHolds, storedRecord } from "../core/clusterRecord";
import { messages } from "../core/messages";
import { changedSettings } from "../core/powerSettings";
import { defaultRegion, runtimeFor, setLogSinks } from "../core/runtime";
import { checkClusterInputs } from "../core/checkInputs";
import { PartialFailureError } from "../errors";
import { isUnknown, type RawProperties } from "../state/properties";
import { quietly } from "../state/hostErrors";
import { POWER_STATE_FORMAT, upgradeState } from "../state/stateFormat";
import type { ClusterPowerStateOutputs } from "../types";
import { engineLog } from "../state/engineLog";
import { outputsOf, resourceId, targetOf } from "./clusterProperties";

// This module runs in the dynamic provider process: the core's lines go to the engine's log.
setLogSinks(engineLog);

/** `configure`: the stack's `aws:region` config becomes the default Region. */
export { configure } from "../core/runtime";

/**
 * `check`: failures for bad inputs, defaults filled in (a defaulted Region is kept from the last
 * run), and the cluster claimed for this resource in this run; no AWS call.
 */
export function check(
  olds: RawProperties,
  news: RawProperties,
): Promise<dynamic.CheckResult<RawProperties>> {
  return Promise.resolve(checkClusterInputs(olds, news, defaultRegion()));
}

/** RDS stores identifiers lowercase: `Dev-Orders` and `dev-orders` are the same cluster. */
function identifierOf(value: unknown): unknown {
  return typeof value === "string" && !isUnknown(value) ? value.toLowerCase() : value;
}

/**
 * `diff`: per-field changes, defaults applied to both sides; another `clusterIdentifier` or
 * `region` is another cluster: replace, deleting first. `changes` is always set (left undefined,
 * the engine would diff every input, `__provider` included). Unknown values count as changes.
 */
export function diff(
  id: string,
  olds: RawProperties,
  news: RawProperties,
): Promise<dynamic.DiffResult> {
  // A throw (a state in a newer format) becomes the rejection the contract expects.
  return quietly(() => new Promise((resolve) => resolve(diffOf(id, olds, news))));
}

function diffOf(id: string, olds: RawProperties, news: RawProperties): dynamic.DiffResult {
  const stored = upgradeState(POWER_STATE_FORMAT, id, olds);
  const changed: string[] = changedSettings(stored, news, defaultRegion());
  const next = identifierOf(news.clusterIdentifier);
  if (isUnknown(next) || identifierOf(stored.clusterIdentifier) !== next)
    changed.unshift("clusterIdentifier");
  const replaces = changed.filter((field) => field === "clusterIdentifier" || field === "region");
  // Drift seen by refresh, a partial failure, a status that is neither running nor stopped: the
  // record does not hold the desired state, so `pulumi up` must converge. Say what it will do.
  const desired = news.state;
  if (replaces.length === 0 && (desired === "running" || desired === "stopped")) {
    const record = storedRecord(stored);
    if (!recordHolds(record, desired)) {
      changed.push("status");
      const target = targetOf(stored, id);
      const scope = { clusterIdentifier: target.displayName, region: target.region };
      runtimeFor(target).note(messages.pendingWork(scope, record?.status, desired));
    }
  }
  return { changes: changed.length > 0, replaces, deleteBeforeReplace: replaces.length > 0 };
}

/** A failed operation as the engine must see it: partial (keep the resource) or plain. */
function failure(
  result: OperationResult,
  target: ClusterTarget,
  id: string,
  raw: RawProperties,
): Error {
  const error = errorOf(result);
  if (!result.resumable || !result.record) return error;
  const outputs = outputsOf(target, result.record, target.settings.state);
  return new PartialFailureError(id, { ...raw, ...outputs }, error);
}

/** `create`: adopt the cluster and converge it to `state`. */
export async function create(
  inputs: RawProperties,
): Promise<dynamic.CreateResult<ClusterPowerStateOutputs>> {
  const target = targetOf(inputs);
  const id = resourceId(target);
  const result = await adoptCluster(target);
  if (!result.ok || !result.record) throw failure(result, target, id, inputs);
  return { id, outs: outputsOf(target, result.record, target.settings.state) };
}

/**
 * `read` (refresh): the live status and the power state it amounts to, so drift shows as a change
 * of `state` and `status`; the inputs are left alone, so the next `pulumi up` converges again. A
 * cluster that no longer exists: the resource is gone.
 */
async function readOf(
  id: string,
  props?: RawProperties,
): Promise<dynamic.ReadResult<ClusterPowerStateOutputs>> {
  const stored = upgradeState(POWER_STATE_FORMAT, id, props ?? {});
  const target = targetOf(stored, id);
  const result = await observeCluster(target, storedRecord(stored));
  if (!result.ok) throw errorOf(result);
  if (!result.record) return { id: "" };
  return { id, props: outputsOf(target, result.record, result.record.state) };
}

/**
 * `update`: converge when the stored record does not hold the new `state` (a changed `state`, a
 * partial failure, drift seen by refresh); otherwise (only `onDelete`, `timeoutMinutes` or the
 * credentials changed) no AWS call.
 */
export async function update(
  id: string,
  olds: RawProperties,
  news: RawProperties,
): Promise<dynamic.UpdateResult<ClusterPowerStateOutputs>> {
  const stored = upgradeState(POWER_STATE_FORMAT, id, olds);
  const target = targetOf(news, id);
  const result = await holdCluster(target, storedRecord(stored));
  if (!result.ok || !result.record) throw failure(result, target, id, news);
  return { outs: outputsOf(target, result.record, target.settings.state) };
}

/** `delete`: as `onDelete` says (`restore` returns the cluster to `initialState`). */
async function deleteClusterPowerState(id: string, props: RawProperties): Promise<void> {
  const stored = upgradeState(POWER_STATE_FORMAT, id, props);
  const result = await releaseCluster(targetOf(stored, id), storedRecord(stored));
  if (!result.ok) throw errorOf(result);
}

/** `read`, its expected failures shown once (see ../state/hostErrors). */
export function read(
  id: string,
  props?: RawProperties,
): Promise<dynamic.ReadResult<ClusterPowerStateOutputs>> {
  return quietly(() => readOf(id, props));
}

/** `delete`, its expected failures shown once. */
function deleteQuietly(id: string, props: RawProperties): Promise<void> {
  return quietly(() => deleteClusterPowerState(id, props));
}

export { deleteQuietly as delete };

/** Poller counters and test hooks (not part of the provider contract). */
export { pollerStats, setRuntimeHooks } from "../core/runtime";
