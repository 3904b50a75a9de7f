import {
  DescribeBlueGreenDeploymentsCommand,
  DescribeDBClustersCommand,
  DescribeGlobalClustersCommand,
  StartDBClusterCommand,
  StopDBClusterCommand,
  type DBCluster,
  type RDSClient,
} from "@aws-sdk/client-rds";

/** Most ids one DescribeDBClusters `db-cluster-id` filter may carry (RDS API reference, Filter). */
export const MAX_IDS_PER_DESCRIBE = 100;

/**
 * A 200 answer to DescribeDBClusters that is not an RDS answer (an HTML login page, an empty body):
 * it must never read as "no such cluster", or a refresh drops resources and a delete succeeds
 * without touching the cluster.
 */
export class UnexpectedRdsResponseError extends Error {
  constructor() {
    super(
      "the RDS endpoint answered without a DBClusters list (is `AWS_ENDPOINT_URL_RDS` an RDS endpoint?)",
    );
    this.name = "UnexpectedRdsResponseError";
  }
}

/**
 * The RDS calls the provider makes. Errors are the SDK's, unchanged; `signal` aborts the
 * call (retries included) with the SDK's `AbortError`.
 */
export interface ClusterApi {
  /**
   * Describes up to {@link MAX_IDS_PER_DESCRIBE} clusters in one call; clusters that do not exist
   * are simply absent from the map (keys lowercase, as RDS stores identifiers).
   */
  describeClusters(
    clusterIdentifiers: readonly string[],
    signal?: AbortSignal,
  ): Promise<Map<string, DBCluster>>;
  /** StopDBCluster; resolves to the cluster RDS returns (status `stopping`). */
  stopCluster(clusterIdentifier: string, signal?: AbortSignal): Promise<DBCluster | undefined>;
  /** StartDBCluster; resolves to the cluster RDS returns (status `starting`). */
  startCluster(clusterIdentifier: string, signal?: AbortSignal): Promise<DBCluster | undefined>;
  /**
   * DescribeGlobalClusters of one global database: the ARNs of its member clusters (primary and
   * secondaries), or `[]` when RDS knows no such global database (`GlobalClusterNotFoundFault`).
   */
  globalClusterMembers(globalClusterIdentifier: string, signal?: AbortSignal): Promise<string[]>;
  /**
   * DescribeBlueGreenDeployments with the filter `source`, then `target`, set to the cluster ARN:
   * the identifiers of every Blue/Green deployment the cluster takes part in.
   */
  blueGreenDeploymentsOf(clusterArn: string, signal?: AbortSignal): Promise<string[]>;
}

async function describeClusters(
  client: RDSClient,
  ids: readonly string[],
  signal?: AbortSignal,
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
      { abortSignal: signal },
    );
    // RDS always sends a <DBClusters> element, empty when nothing matches (the SDK reads that as
    // []); its absence means whatever answered is not RDS.
    if (page.DBClusters === undefined) throw new UnexpectedRdsResponseError();
    for (const cluster of page.DBClusters) {
      if (cluster.DBClusterIdentifier)
        found.set(cluster.DBClusterIdentifier.toLowerCase(), cluster);
    }
    marker = page.Marker;
  } while (marker);
  return found;
}

async function globalClusterMembers(
  client: RDSClient,
  globalClusterIdentifier: string,
  signal?: AbortSignal,
): Promise<string[]> {
  try {
    const answer = await client.send(
      new DescribeGlobalClustersCommand({ GlobalClusterIdentifier: globalClusterIdentifier }),
      { abortSignal: signal },
    );
    const members = answer.GlobalClusters?.[0]?.GlobalClusterMembers ?? [];
    return members.flatMap((member) => (member.DBClusterArn ? [member.DBClusterArn] : []));
  } catch (error) {
    // The cluster still names a global database that is gone (it was just detached or deleted).
    if (error instanceof Error && error.name === "GlobalClusterNotFoundFault") return [];
    throw error;
  }
}

async function blueGreenDeploymentsOf(
  client: RDSClient,
  clusterArn: string,
  signal?: AbortSignal,
): Promise<string[]> {
  const found = new Set<string>();
  // Two calls: RDS combines different filter names with AND, and a cluster is a deployment's
  // source or its target ("DescribeBlueGreenDeployments", RDS API reference, Filters).
  for (const name of ["source", "target"]) {
    let marker: string | undefined;
    do {
      const page = await client.send(
        new DescribeBlueGreenDeploymentsCommand({
          Filters: [{ Name: name, Values: [clusterArn] }],
          ...(marker ? { Marker: marker } : {}),
        }),
        { abortSignal: signal },
      );
      for (const deployment of page.BlueGreenDeployments ?? []) {
        if (deployment.BlueGreenDeploymentIdentifier)
          found.add(deployment.BlueGreenDeploymentIdentifier);
      }
      marker = page.Marker;
    } while (marker);
  }
  return [...found];
}

/** Binds the RDS calls to one client. */
export function createClusterApi(client: RDSClient): ClusterApi {
  return {
    describeClusters: (ids, signal) => describeClusters(client, ids, signal),
    stopCluster: async (id, signal) =>
      (
        await client.send(new StopDBClusterCommand({ DBClusterIdentifier: id }), {
          abortSignal: signal,
        })
      ).DBCluster,
    startCluster: async (id, signal) =>
      (
        await client.send(new StartDBClusterCommand({ DBClusterIdentifier: id }), {
          abortSignal: signal,
        })
      ).DBCluster,
    globalClusterMembers: (id, signal) => globalClusterMembers(client, id, signal),
    blueGreenDeploymentsOf: (arn, signal) => blueGreenDeploymentsOf(client, arn, signal),
  };
}
