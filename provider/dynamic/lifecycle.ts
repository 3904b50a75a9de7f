import type { DBCluster } from "@aws-sdk/client-rds";
import type * as dynamic from "@pulumi/pulumi/dynamic";
import {
  ClusterNotFoundError,
  ClusterPowerError,
  ClusterTimeoutError,
  PartialFailureError,
  describeCluster,
} from "../errors";
import { recordHolds } from "../aurora/planTransition";
import { powerStateOf, type PowerState } from "../aurora/clusterStatus";
import { COALESCE_WINDOW_MS } from "../poller/clusterPoller";
import { sdkErrorMessage } from "../rds/classifyRdsError";
import type { ClusterPowerStateOutputs } from "../types";
import { assertStoppable } from "./assertStoppable";
import type { RawProperties } from "./checkInputs";
import { converge, type ConvergeOutcome } from "./converge";
import {
  buildOutputs,
  initialStateOf,
  resolveInputs,
  resourceId,
  storedInitialState,
  type ResolvedInputs,
} from "./outputs";
import { defaultRegion, runtimeFor } from "./runtime";
import type { ProgressSink } from "./statusTracker";

/**
 * Per-call overrides of the lifecycle functions. A fleet runs them once per member and routes each
 * member's progress into one summary instead of one log line per cluster and status.
 */
export interface LifecycleOptions {
  /** Receives this cluster's progress instead of the runtime's sink. */
  progress?: ProgressSink;
}

function contextFor(
  inputs: ResolvedInputs,
  desired: PowerState,
  options: LifecycleOptions,
  initial?: DBCluster,
  goneIsDone = false,
) {
  const runtime = runtimeFor(inputs);
  return {
    ...runtime,
    progress: options.progress ?? runtime.progress,
    clusterIdentifier: inputs.clusterIdentifier,
    region: inputs.region,
    desired,
    timeoutMinutes: inputs.timeoutMinutes,
    initial,
    goneIsDone,
  };
}

/** An SDK error from a describe, turned into a message that names the cluster and the fix. */
function asClusterError(error: unknown, inputs: ResolvedInputs): unknown {
  if (error instanceof ClusterPowerError || error instanceof PartialFailureError) return error;
  const { clusterIdentifier, region } = inputs;
  return new ClusterPowerError(
    `${describeCluster(clusterIdentifier, region)}: DescribeDBClusters failed: ${sdkErrorMessage(error)}; check the credentials, \`region\` and the RDS endpoint, then run \`pulumi up\` again`,
    { clusterIdentifier, region, cause: error },
  );
}

/**
 * One batched describe; undefined when the cluster does not exist. It waits
 * {@link COALESCE_WINDOW_MS} so the creates (or refreshes) the engine hands out together share it.
 */
async function describeOnce(inputs: ResolvedInputs): Promise<DBCluster | undefined> {
  const { poller, clock, settings, endpointLabel } = runtimeFor(inputs);
  const now = clock.now();
  return poller.waitFor({
    clusterIdentifier: inputs.clusterIdentifier,
    firstDelayMs: COALESCE_WINDOW_MS,
    deadlineAt: now + inputs.timeoutMinutes * 60_000,
    observe: () => true,
    nextDelayMs: () => settings.minIntervalMs,
    timeoutError: () =>
      new Error(
        `no answer from ${endpointLabel} within ${inputs.timeoutMinutes} min (\`timeoutMinutes\`)`,
      ),
  });
}

/**
 * After a power call was issued, or once the wait ran out, a failure must not lose the resource:
 * throw the partial-failure shape so the engine records it and the next `pulumi up` resumes.
 */
function partialFailure(
  error: unknown,
  raw: RawProperties,
  inputs: ResolvedInputs,
  outcome: ConvergeOutcome,
  initialState: PowerState,
): unknown {
  const resumable = outcome.actionIssued || error instanceof ClusterTimeoutError;
  if (!resumable || !(error instanceof Error)) return error;
  const outputs = buildOutputs(inputs, outcome.cluster, initialState, raw);
  return new PartialFailureError(resourceId(inputs), { ...raw, ...outputs }, error);
}

/** `create`: adopt the cluster (refusing one RDS cannot stop) and converge to `state`. */
export async function createResource(
  raw: RawProperties,
  options: LifecycleOptions = {},
): Promise<dynamic.CreateResult<ClusterPowerStateOutputs>> {
  const inputs = resolveInputs(raw, defaultRegion());
  let cluster: DBCluster | undefined;
  try {
    cluster = await describeOnce(inputs);
  } catch (error) {
    throw asClusterError(error, inputs);
  }
  const { clusterIdentifier, region } = inputs;
  if (!cluster) {
    throw new ClusterNotFoundError(
      `${describeCluster(clusterIdentifier, region)} was not found; check \`clusterIdentifier\`, \`region\` and the account of the credentials`,
      { clusterIdentifier, region, expected: inputs.state },
    );
  }
  assertStoppable(cluster, clusterIdentifier, region);
  const initialState = initialStateOf(cluster);
  const outcome: ConvergeOutcome = { actionIssued: false, cluster };
  try {
    await converge(contextFor(inputs, inputs.state, options, cluster), outcome);
  } catch (error) {
    throw partialFailure(asClusterError(error, inputs), raw, inputs, outcome, initialState);
  }
  return { id: resourceId(inputs), outs: buildOutputs(inputs, outcome.cluster, initialState) };
}

/**
 * `update`: converge when `state` changed, or when the last observation (a partial failure, a
 * refresh that saw drift) does not satisfy it; otherwise (only `onDelete` / `timeoutMinutes` /
 * credentials changed) no API call.
 */
export async function updateResource(
  id: string,
  olds: RawProperties,
  news: RawProperties,
  options: LifecycleOptions = {},
): Promise<dynamic.UpdateResult<ClusterPowerStateOutputs>> {
  const inputs = resolveInputs(news, defaultRegion(), id);
  const initialState = storedInitialState(olds);
  if (recordHolds(olds.state, olds.status, inputs.state))
    return { outs: buildOutputs(inputs, undefined, initialState, olds) };
  const outcome: ConvergeOutcome = { actionIssued: false, cluster: undefined };
  try {
    await converge(contextFor(inputs, inputs.state, options), outcome);
  } catch (error) {
    throw partialFailure(asClusterError(error, inputs), news, inputs, outcome, initialState);
  }
  return { outs: buildOutputs(inputs, outcome.cluster, initialState, olds) };
}

/**
 * `read` (refresh): the live status and the power state it amounts to, so drift (the 7-day
 * automatic start, a manual start) shows as a change of `state` and `status`; the inputs are left
 * alone, so the next `pulumi up` converges again. A cluster that no longer exists: resource gone.
 */
export async function readResource(
  id: string,
  props: RawProperties | undefined,
): Promise<dynamic.ReadResult<ClusterPowerStateOutputs>> {
  const stored = props ?? {};
  const inputs = resolveInputs(stored, defaultRegion(), id);
  let cluster: DBCluster | undefined;
  try {
    cluster = await describeOnce(inputs);
  } catch (error) {
    throw asClusterError(error, inputs);
  }
  if (!cluster || cluster.Status === "deleting") return { id: "" };
  const live = powerStateOf(cluster.Status ?? "") ?? inputs.state;
  const initialState =
    stored.initialState === undefined ? initialStateOf(cluster) : storedInitialState(stored);
  return { id, props: buildOutputs({ ...inputs, state: live }, cluster, initialState, stored) };
}

/**
 * `delete`: as `onDelete` says (`restore` returns the cluster to `initialState`); a cluster that
 * is gone or being deleted is success.
 */
export async function deleteResource(
  id: string,
  props: RawProperties,
  options: LifecycleOptions = {},
): Promise<void> {
  const inputs = resolveInputs(props, defaultRegion(), id);
  if (inputs.onDelete === "retain") return;
  const target: PowerState =
    inputs.onDelete === "restore" ? storedInitialState(props) : inputs.onDelete;
  const outcome: ConvergeOutcome = { actionIssued: false, cluster: undefined };
  try {
    await converge(contextFor(inputs, target, options, undefined, true), outcome);
  } catch (error) {
    throw asClusterError(error, inputs);
  }
}
