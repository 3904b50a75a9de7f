import type { DBCluster } from "@aws-sdk/client-rds";

/**
 * Which DB clusters RDS can stop and start, decided once for the provider (from a described
 * `DBCluster`) and the policy pack (from a cluster declared in the stack). Sources: the
 * Limitations of "Stopping and starting an Amazon Aurora DB cluster" (Aurora User Guide), the
 * StopDBCluster API reference ("This operation only applies to Aurora DB clusters") and
 * "Limitations of Multi-AZ DB clusters" (RDS User Guide).
 */

/** Engines of Aurora clusters; every other engine with a cluster instance class is Multi-AZ. */
const AURORA_ENGINES: ReadonlySet<string> = new Set([
  "aurora",
  "aurora-mysql",
  "aurora-postgresql",
]);

/** True for the engines of Aurora clusters (case-insensitive). */
export function isAuroraEngine(engine: string): boolean {
  return AURORA_ENGINES.has(engine.toLowerCase());
}

/** Engine modes that cannot be stopped: Serverless v1 and two retired modes. */
const UNSTOPPABLE_MODES: ReadonlySet<string> = new Set([
  "serverless",
  "multimaster",
  "parallelquery",
]);

/** What the decision reads about a cluster; absent facts count as "not the case". */
export interface StopFacts {
  engine?: string;
  /** `provisioned` (the default), `serverless` (v1), … */
  engineMode?: string;
  /** Set on Multi-AZ DB clusters (and on no Aurora cluster that RDS can stop differently). */
  dbClusterInstanceClass?: string;
  /** The global database the cluster belongs to. */
  globalClusterIdentifier?: string;
  /**
   * How many clusters that global database has (DescribeGlobalClusters `GlobalClusterMembers`);
   * undefined when not known, which counts as more than one (the safe side).
   */
  globalClusterMemberCount?: number;
  /** The cluster this one replicates from (it is a read replica). */
  replicationSourceIdentifier?: string;
  /** Identifiers or ARNs of the cluster's read replicas in other Regions. */
  crossRegionReplicas?: readonly string[];
  /**
   * The Blue/Green deployments naming the cluster as source or target (DescribeBlueGreenDeployments,
   * filters `source` / `target` with the cluster ARN), by identifier.
   */
  blueGreenDeployments?: readonly string[];
  /**
   * RDS's refusal text of a power call that named a Blue/Green deployment: the last resort, for a
   * deployment created after DescribeBlueGreenDeployments answered.
   */
  blueGreenRefusal?: string;
}

/** The case a refusal falls under; tests and the policy pack key on it. */
export type StopRefusalKind =
  | "multi-az-cluster"
  | "serverless-v1"
  | "retired-engine-mode"
  | "global-database-member"
  | "read-replica"
  | "cross-region-replica-source"
  | "blue-green-deployment";

/** Why RDS cannot stop a cluster, and what the user can do about it (without "or …"). */
export interface StopRefusal {
  kind: StopRefusalKind;
  /** A clause: "it is Aurora Serverless v1 (`EngineMode: serverless`), which …". */
  why: string;
  /** The way out in RDS, e.g. "promote the replica first". */
  fix: string;
}

/**
 * Every reason RDS refuses StopDBCluster / StartDBCluster for a cluster with these facts, in the
 * order a message lists them; empty when the cluster can be stopped.
 */
export function stopRefusals(facts: StopFacts): StopRefusal[] {
  const refusals: StopRefusal[] = [];
  const engine = facts.engine?.toLowerCase() ?? "";
  const mode = facts.engineMode?.toLowerCase() ?? "provisioned";
  if (facts.dbClusterInstanceClass && !isAuroraEngine(engine)) {
    refusals.push({
      kind: "multi-az-cluster",
      why: `it is a Multi-AZ DB cluster of engine \`${engine || "?"}\`, not an Aurora cluster; RDS cannot stop those`,
      fix: "stop the workload another way",
    });
  }
  if (mode === "serverless") {
    refusals.push({
      kind: "serverless-v1",
      why: "it is Aurora Serverless v1 (`EngineMode: serverless`), which pauses by itself and cannot be stopped",
      fix: "migrate to Serverless v2 or provisioned, which can be stopped",
    });
  } else if (UNSTOPPABLE_MODES.has(mode)) {
    refusals.push({
      kind: "retired-engine-mode",
      why: `its engine mode \`${mode}\` cannot be stopped`,
      fix: "migrate to a provisioned or Serverless v2 cluster",
    });
  }
  refusals.push(...replicationRefusals(facts));
  const blueGreen = blueGreenRefusal(facts);
  if (blueGreen) refusals.push(blueGreen);
  return refusals;
}

// "You can't stop and start a cluster that is part of a blue/green deployment" (Aurora User Guide,
// "Limitations and considerations for Amazon Aurora blue/green deployments"). The page does not say
// whether a switched-over deployment that still exists counts: every listed deployment does here.
function blueGreenRefusal(facts: StopFacts): StopRefusal | undefined {
  const deployments = facts.blueGreenDeployments ?? [];
  const fix =
    "delete the Blue/Green deployment first (switch it over before, to keep the green cluster)";
  if (deployments.length > 0) {
    const named = deployments.map((id) => `\`${id}\``).join(", ");
    const why = `it is part of Blue/Green deployment ${named}, and RDS cannot stop or start a cluster in a Blue/Green deployment`;
    return { kind: "blue-green-deployment", why, fix };
  }
  if (facts.blueGreenRefusal === undefined) return undefined;
  const why = `it is part of a Blue/Green deployment (RDS: ${facts.blueGreenRefusal})`;
  return { kind: "blue-green-deployment", why, fix };
}

// "You can stop and start a cluster that's part of an Aurora global database only if it's the
// only cluster in the global database" (Aurora User Guide, "Stopping and starting an Amazon Aurora
// DB cluster", Limitations; older versions of the page, and the SSM runbook
// AWS-StartStopAuroraCluster, still refuse every member).
function globalDatabaseRefusal(facts: StopFacts): StopRefusal | undefined {
  const globalId = facts.globalClusterIdentifier;
  const count = facts.globalClusterMemberCount;
  if (!globalId || (count !== undefined && count <= 1)) return undefined;
  const fix = "detach the other clusters from the global database first (RemoveFromGlobalCluster)";
  const why =
    count === undefined
      ? `it is a member of global database \`${globalId}\`, and whether it is its only cluster is not known (RDS stops a global database member only when it is the only cluster)`
      : `it is a member of global database \`${globalId}\`, which has ${count} clusters; RDS stops a global database member only when it is the only cluster`;
  return { kind: "global-database-member", why, fix };
}

function replicationRefusals(facts: StopFacts): StopRefusal[] {
  const refusals: StopRefusal[] = [];
  const global = globalDatabaseRefusal(facts);
  if (global) refusals.push(global);
  if (facts.replicationSourceIdentifier) {
    refusals.push({
      kind: "read-replica",
      why: `it replicates from \`${facts.replicationSourceIdentifier}\``,
      fix: "promote the replica first",
    });
  }
  const replicas = facts.crossRegionReplicas ?? [];
  if (replicas.length > 0) {
    refusals.push({
      kind: "cross-region-replica-source",
      why: `it has cross-Region read replicas (${replicas.join(", ")})`,
      fix: "promote or delete the replicas first",
    });
  }
  return refusals;
}

/** The Region in an ARN (`arn:aws:rds:eu-west-1:…`), or undefined for a plain identifier. */
export function regionOfArn(identifierOrArn: string): string | undefined {
  const parts = identifierOrArn.split(":");
  return identifierOrArn.startsWith("arn:") && parts.length > 3 ? parts[3] : undefined;
}

/**
 * The read replicas (RDS `ReadReplicaIdentifiers`) of a cluster in `region` that live in another
 * Region: RDS names those by ARN, same-Region ones by identifier.
 */
export function crossRegionReplicasOf(
  readReplicaIdentifiers: readonly string[],
  region: string,
): string[] {
  return readReplicaIdentifiers.filter((id) => {
    const replicaRegion = regionOfArn(id);
    return replicaRegion !== undefined && replicaRegion !== region;
  });
}

/**
 * True when an RDS refusal names a Blue/Green deployment. RDS flags no Blue/Green participation on
 * `DBCluster` and does not document the refusal's code or text ("Working with Amazon RDS
 * Blue/Green Deployments", Limitations), so its words are all there is.
 */
export function mentionsBlueGreen(refusalText: string): boolean {
  return /blue\s*\/?\s*green/i.test(refusalText);
}

/** The {@link StopFacts} of a cluster described by RDS in `region`. */
export function stopFactsOf(cluster: DBCluster, region: string): StopFacts {
  return {
    engine: cluster.Engine,
    engineMode: cluster.EngineMode,
    dbClusterInstanceClass: cluster.DBClusterInstanceClass,
    globalClusterIdentifier: cluster.GlobalClusterIdentifier,
    replicationSourceIdentifier: cluster.ReplicationSourceIdentifier,
    crossRegionReplicas: crossRegionReplicasOf(cluster.ReadReplicaIdentifiers ?? [], region),
  };
}
