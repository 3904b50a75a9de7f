import type { DBCluster } from "@aws-sdk/client-rds";
import { powerStateOf } from "../aurora/clusterStatus";
import { overrideDecision, overrideTagValue } from "../aurora/keepRunningOverride";
import { messages, type ClusterScope } from "./messages";

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
