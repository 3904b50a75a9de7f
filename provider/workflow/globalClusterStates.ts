import type { Retrier, State } from "./aslTypes";
import { CLUSTER_PATH, GLOBAL_MEMBER_COUNT_PATH } from "./refusalChecks";
import { GLOBAL_CLUSTER_NOT_FOUND } from "./sdkErrorNames";

/** The SDK integration the global database step calls. */
export const DESCRIBE_GLOBAL_CLUSTERS_RESOURCE =
  "arn:aws:states:::aws-sdk:rds:describeGlobalClusters";

/** The name of the task state that calls DescribeGlobalClusters (a local run overrides it). */
export const DESCRIBE_GLOBAL_CLUSTER_STATE = "DescribeGlobalCluster";

const GLOBAL_RESULT_PATH = GLOBAL_MEMBER_COUNT_PATH.slice(
  0,
  GLOBAL_MEMBER_COUNT_PATH.lastIndexOf("."),
);

/**
 * The states between the replica listing and `next` (the plan) that count the members of the
 * cluster's global database, when it names one: "You can stop and start a cluster that's part of
 * an Aurora global database only if it's the only cluster in the global database" (Aurora User
 * Guide, "Stopping and starting an Amazon Aurora DB cluster", Limitations).
 *
 * The count is read on every pass (a cluster may join or leave meanwhile). The SDK integration
 * answers in the AWS SDK for Java 2.x shape (`GlobalClusters[0].GlobalClusterMembers`), and
 * `States.ArrayLength` counts the members in `ResultSelector`.
 *
 * A global database not found although the cluster named it is a race with RemoveFromGlobalCluster
 * and DeleteGlobalCluster (RDS deletes a global database only once it has no member). The count
 * is then unknown, which the plan refuses with the provider's "not known" reason: the safe side,
 * and a run that ends instead of a loop on an answer that may not change.
 */
export function globalClusterStates(next: string, retry: Retrier): Record<string, State> {
  return {
    HasGlobalCluster: {
      Type: "Choice",
      Choices: [
        {
          Variable: `${CLUSTER_PATH}.GlobalClusterIdentifier`,
          IsPresent: true,
          Next: DESCRIBE_GLOBAL_CLUSTER_STATE,
        },
      ],
      Default: next,
    },
    [DESCRIBE_GLOBAL_CLUSTER_STATE]: {
      Type: "Task",
      Resource: DESCRIBE_GLOBAL_CLUSTERS_RESOURCE,
      Parameters: { "GlobalClusterIdentifier.$": `${CLUSTER_PATH}.GlobalClusterIdentifier` },
      ResultSelector: {
        "MemberCount.$": "States.ArrayLength($.GlobalClusters[0].GlobalClusterMembers)",
      },
      ResultPath: GLOBAL_RESULT_PATH,
      TimeoutSeconds: 60,
      Retry: [retry],
      Catch: [
        { ErrorEquals: [GLOBAL_CLUSTER_NOT_FOUND], Next: "GlobalCountUnknown", ResultPath: null },
      ],
      Next: next,
    },
    GlobalCountUnknown: { Type: "Pass", Result: {}, ResultPath: GLOBAL_RESULT_PATH, Next: next },
  };
}
