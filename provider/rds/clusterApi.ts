import {
  DescribeDBClustersCommand,
  StartDBClusterCommand,
  StopDBClusterCommand,
  type DBCluster,
  type RDSClient,
} from "@aws-sdk/client-rds";

/** Most ids one DescribeDBClusters `db-cluster-id` filter may carry (RDS API reference, Filter). */
export const MAX_IDS_PER_DESCRIBE = 100;

/** The three RDS calls the provider makes. Errors are the SDK's, unchanged. */
export interface ClusterApi {
  /**
   * Describes up to {@link MAX_IDS_PER_DESCRIBE} clusters in one call; clusters that do not exist
   * are simply absent from the map (keys lowercase, as RDS stores identifiers).
   */
  describeClusters(clusterIdentifiers: readonly string[]): Promise<Map<string, DBCluster>>;
  /** StopDBCluster; resolves to the cluster RDS returns (status `stopping`). */
  stopCluster(clusterIdentifier: string): Promise<DBCluster | undefined>;
  /** StartDBCluster; resolves to the cluster RDS returns (status `starting`). */
  startCluster(clusterIdentifier: string): Promise<DBCluster | undefined>;
}

async function describeClusters(
  client: RDSClient,
  ids: readonly string[],
): Promise<Map<string, DBCluster>> {
  if (ids.length > MAX_IDS_PER_DESCRIBE) {
    throw new RangeError(
      `describeClusters takes at most ${MAX_IDS_PER_DESCRIBE} ids, got ${ids.length}`,
    );
  }
  const found = new Map<string, DBCluster>();
  let marker: string | undefined;
  do {
    const page = await client.send(
      new DescribeDBClustersCommand({
        Filters: [{ Name: "db-cluster-id", Values: [...ids] }],
        MaxRecords: MAX_IDS_PER_DESCRIBE,
        ...(marker ? { Marker: marker } : {}),
      }),
    );
    for (const cluster of page.DBClusters ?? []) {
      if (cluster.DBClusterIdentifier)
        found.set(cluster.DBClusterIdentifier.toLowerCase(), cluster);
    }
    marker = page.Marker;
  } while (marker);
  return found;
}

/** Binds the RDS calls to one client. */
export function createClusterApi(client: RDSClient): ClusterApi {
  return {
    describeClusters: (ids) => describeClusters(client, ids),
    stopCluster: async (id) =>
      (await client.send(new StopDBClusterCommand({ DBClusterIdentifier: id }))).DBCluster,
    startCluster: async (id) =>
      (await client.send(new StartDBClusterCommand({ DBClusterIdentifier: id }))).DBCluster,
  };
}
