import type { DBCluster } from "@aws-sdk/client-rds";
import { UnsupportedClusterError, describeCluster } from "../errors";

const AURORA_ENGINES = new Set(["aurora", "aurora-mysql", "aurora-postgresql"]);

/** Why a cluster cannot be stopped and what the user can do instead. */
interface Refusal {
  why: string;
  fix: string;
}

/** The Region in an ARN (`arn:aws:rds:eu-west-1:…`), or undefined for a plain identifier. */
function regionOfArn(identifier: string): string | undefined {
  const parts = identifier.split(":");
  return identifier.startsWith("arn:") && parts.length > 3 ? parts[3] : undefined;
}

/**
 * Finds the first reason this cluster cannot be stopped. The list is the Limitations section of
 * "Stopping and starting an Amazon Aurora DB cluster" (Aurora User Guide) and the StopDBCluster API
 * reference ("This operation only applies to Aurora DB clusters").
 */
export function findStopRefusal(cluster: DBCluster, region: string): Refusal | undefined {
  const engine = cluster.Engine ?? "";
  const mode = cluster.EngineMode ?? "provisioned";
  if (!AURORA_ENGINES.has(engine) && cluster.DBClusterInstanceClass !== undefined) {
    return {
      why: `it is a Multi-AZ DB cluster of engine \`${engine}\`, not an Aurora cluster; RDS cannot stop those`,
      fix: "remove the `ClusterPowerState` for it, or stop the workload another way",
    };
  }
  if (mode === "serverless") {
    return {
      why: "it is Aurora Serverless v1 (`EngineMode: serverless`), which pauses by itself and cannot be stopped",
      fix: "migrate to Serverless v2 or provisioned, which can be stopped",
    };
  }
  if (mode === "multimaster" || mode === "parallelquery") {
    return {
      why: `its engine mode \`${mode}\` cannot be stopped`,
      fix: "migrate to a provisioned or Serverless v2 cluster",
    };
  }
  if (cluster.GlobalClusterIdentifier) {
    return {
      why: `it is a member of global database \`${cluster.GlobalClusterIdentifier}\``,
      fix: "remove it from the global database first, or leave it running",
    };
  }
  if (cluster.ReplicationSourceIdentifier) {
    return {
      why: `it replicates from \`${cluster.ReplicationSourceIdentifier}\``,
      fix: "promote the replica first, or leave it running",
    };
  }
  const crossRegion = (cluster.ReadReplicaIdentifiers ?? []).filter((id) => {
    const replicaRegion = regionOfArn(id);
    return replicaRegion !== undefined && replicaRegion !== region;
  });
  if (crossRegion.length > 0) {
    return {
      why: `it has cross-Region read replicas (${crossRegion.join(", ")})`,
      fix: "promote or delete the replicas first, or leave it running",
    };
  }
  return undefined;
}

/** Builds the error for a cluster RDS cannot stop. */
export function unsupportedClusterError(
  clusterIdentifier: string,
  region: string,
  refusal: Refusal,
  cause?: unknown,
): UnsupportedClusterError {
  return new UnsupportedClusterError(
    `${describeCluster(clusterIdentifier, region)} cannot be stopped: ${refusal.why}; ${refusal.fix}`,
    { clusterIdentifier, region, cause },
  );
}

/**
 * Throws {@link UnsupportedClusterError} when RDS cannot stop this cluster, before any call that
 * changes it.
 */
export function assertStoppable(
  cluster: DBCluster,
  clusterIdentifier: string,
  region: string,
): void {
  const refusal = findStopRefusal(cluster, region);
  if (refusal) throw unsupportedClusterError(clusterIdentifier, region, refusal);
}
