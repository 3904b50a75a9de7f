import type { IamPolicyDocument } from "./iamPolicyDocument";

/**
 * The least-privilege IAM policy the `ClusterPowerState` provider needs: StopDBCluster and
 * StartDBCluster on the given cluster ARNs only, and DescribeDBClusters on the clusters of the same
 * accounts and Regions (`…:cluster:*`): the provider describes with a `db-cluster-id` filter rather
 * than one identifier, which IAM authorizes against the cluster wildcard ("Actions, resources, and
 * condition keys for Amazon RDS", Service Authorization Reference). Before its first change to a
 * cluster the provider also calls DescribeGlobalClusters (resource type `global-cluster*`, whose ARN
 * has no Region: `arn:aws:rds::<account>:global-cluster:<id>`) and DescribeBlueGreenDeployments
 * (resource type `deployment`, optional: a call filtered by `source` / `target` names no
 * deployment, so it is granted on `*`; without it the provider goes on and learns of a Blue/Green
 * deployment only from RDS's refusal).
 *
 * @example
 * ```ts
 * // `cluster.arn` is an Output: build the document once it is known.
 * new aws.iam.Policy("aurora-power", {
 *   policy: cluster.arn.apply((arn) => JSON.stringify(clusterPowerStatePolicy([arn]))),
 * });
 * ```
 */
export function clusterPowerStatePolicy(clusterArns: readonly string[]): IamPolicyDocument {
  if (clusterArns.length === 0)
    throw new RangeError("clusterPowerStatePolicy needs at least one cluster ARN");
  const resources = [...new Set(clusterArns)];
  const describeResources = [...new Set(resources.map(clusterWildcard))];
  return {
    Version: "2012-10-17",
    Statement: [
      {
        Sid: "AuroraPowerStopStart",
        Effect: "Allow",
        Action: ["rds:StopDBCluster", "rds:StartDBCluster"],
        Resource: resources,
      },
      {
        Sid: "AuroraPowerDescribe",
        Effect: "Allow",
        Action: ["rds:DescribeDBClusters"],
        Resource: describeResources,
      },
      {
        Sid: "AuroraPowerGlobalDatabases",
        Effect: "Allow",
        Action: ["rds:DescribeGlobalClusters"],
        Resource: [...new Set(resources.map(globalClusterWildcard))],
      },
      {
        Sid: "AuroraPowerBlueGreen",
        Effect: "Allow",
        Action: ["rds:DescribeBlueGreenDeployments"],
        Resource: ["*"],
      },
    ],
  };
}

const CLUSTER_ARN = /^arn:(aws[a-z-]*):rds:([a-z0-9-]+):(\d{12}):cluster:[A-Za-z0-9-]+$/;

/** `arn:aws:rds:eu-west-1:123456789012:cluster:dev` → `arn:aws:rds::123456789012:global-cluster:*`. */
function globalClusterWildcard(arn: string): string {
  const match = CLUSTER_ARN.exec(arn);
  if (!match) throw new RangeError(`not an RDS cluster ARN: ${JSON.stringify(arn.slice(0, 200))}`);
  return `arn:${match[1]}:rds::${match[3]}:global-cluster:*`;
}

/** `arn:aws:rds:eu-west-1:123456789012:cluster:dev` → `arn:aws:rds:eu-west-1:123456789012:cluster:*`. */
function clusterWildcard(arn: string): string {
  const match = CLUSTER_ARN.exec(arn);
  if (!match) throw new RangeError(`not an RDS cluster ARN: ${JSON.stringify(arn.slice(0, 200))}`);
  return `arn:${match[1]}:rds:${match[2]}:${match[3]}:cluster:*`;
}
