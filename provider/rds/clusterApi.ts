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
   * DescribeBlueGreenDeployments of the account and Region, all pages: each deployment's
   * identifier and the ARNs of its source and target. One listing serves every cluster of a run
   * (deployments are few; two filtered calls per cluster would spend the account's RDS request
   * quota at fleet scale).
   */
  blueGreenDeployments(signal?: AbortSignal): Promise<BlueGreenLink[]>;
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

/** One Blue/Green deployment as the provider needs it. */
export interface BlueGreenLink {
  identifier: string;
  /** ARNs of the blue (source) and green (target) clusters or instances. */
  source?: string;
  target?: string;
}

async function blueGreenDeployments(
  client: RDSClient,
  signal?: AbortSignal,
): Promise<BlueGreenLink[]> {
  const links: BlueGreenLink[] = [];
  let marker: string | undefined;
  do {
    const page = await client.send(
      new DescribeBlueGreenDeploymentsCommand({ ...(marker ? { Marker: marker } : {}) }),
      { abortSignal: signal },
    );
    for (const d of page.BlueGreenDeployments ?? []) {
      if (d.BlueGreenDeploymentIdentifier)
        links.push({
          identifier: d.BlueGreenDeploymentIdentifier,
          source: d.Source,
          target: d.Target,
        });
    }
    marker = page.Marker;
  } while (marker);
  return links;
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
    blueGreenDeployments: (signal) => blueGreenDeployments(client, signal),
  };
}
