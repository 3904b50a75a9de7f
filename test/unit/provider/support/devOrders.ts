import type { DBCluster } from "@aws-sdk/client-rds";

/** The ARN of `dev-orders`, the cluster of the single-cluster provider tests. */
export const ARN = "arn:aws:rds:eu-west-1:123456789012:cluster:dev-orders";

/** `ClusterPowerState` inputs declaring `dev-orders` stopped, as the shim hands them over. */
export const INPUTS = {
  clusterIdentifier: "dev-orders",
  state: "stopped",
  region: "eu-west-1",
  onDelete: "restore",
  timeoutMinutes: 60,
  __provider: "shim",
};

/** `dev-orders` as DescribeDBClusters reports it in `status`; `extra` changes or adds fields. */
export function devOrders(status: string, extra: Partial<DBCluster> = {}): DBCluster {
  return {
    DBClusterIdentifier: "dev-orders",
    Status: status,
    DBClusterArn: ARN,
    Engine: "aurora-postgresql",
    EngineMode: "provisioned",
    ...extra,
  };
}
