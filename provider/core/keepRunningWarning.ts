import type { DBCluster } from "@aws-sdk/client-rds";
import { powerStateOf, type PowerState } from "../aurora/clusterStatus";
import {
  KEEP_RUNNING_TAG_KEY,
  overrideDecision,
  overrideTagValue,
} from "../aurora/keepRunningOverride";
import { messages, type ClusterScope } from "./messages";
import type { Runtime } from "./runtime";

/**
 * The warning `pulumi up` gives before it stops a cluster whose keep-running tag names a time still
 * ahead, or undefined. Decided behaviour: `ClusterPowerState` and fleets stay explicit and converge
 * to the declared `stopped`; the tag is for the stop workflow, which nobody watches, while a
 * `pulumi up` has a person reading its output, who is told how to honour the tag. `cluster` is the
 * DescribeDBClusters answer the operation starts from (it carries `TagList`).
 */
export function keepRunningWarning(
  cluster: DBCluster | undefined,
  scope: ClusterScope,
  tagKey: string,
  nowMs: number,
): string | undefined {
  if (!cluster || powerStateOf(cluster.Status ?? "") === "stopped") return undefined;
  const value = overrideTagValue(cluster.TagList, tagKey);
  if (value === undefined || overrideDecision(value, new Date(nowMs)) !== "kept-running") {
    return undefined;
  }
  return messages.keepRunningTagOverruled(scope, tagKey, value);
}

/**
 * Sends {@link keepRunningWarning} to the runtime's warnings; called before the first StopDBCluster
 * of a create or an update (`beforeStop` of the reconcile), with the cluster as last described.
 * Not on `pulumi destroy`: a release stops what `onDelete` says, and the tag is no declaration.
 */
export function warnOfKeepRunningTag(
  runtime: Runtime,
  desired: PowerState,
  first: DBCluster | undefined,
  scope: ClusterScope,
): void {
  if (desired !== "stopped") return;
  const tagKey = runtime.overrideTagKey ?? KEEP_RUNNING_TAG_KEY;
  const warning = keepRunningWarning(first, scope, tagKey, runtime.clock.now());
  if (warning) (runtime.warn ?? runtime.progress)(warning);
}
