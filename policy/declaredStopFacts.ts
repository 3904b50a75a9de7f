/**
 * Maps an `aws:rds/cluster:Cluster` declared in the stack, and what the stack says about it, to the
 * {@link StopFacts} the shared decision (`stopRefusals`, provider/aurora/stoppability) reads. The
 * policy decides nothing about stoppability itself: it only translates declarations.
 */
import { regionOfArn, type StopFacts } from "../provider/aurora/stoppability";
import { readString, UnknownValue, type Maybe } from "./unknowns";
import type { ClusterNode } from "./stackNodes";

/** A read replica declared in the stack, as seen from the cluster it replicates from. */
interface DeclaredReplica {
  /** How messages name it: its identifier, else its resource name. */
  label: string;
  /** Region of the source, from the ARN in `replicationSourceIdentifier`. */
  sourceRegion: string;
}

/** Declared cross-Region read replicas, keyed by the lowercase identifier of their source. */
export type CrossRegionReplicas = ReadonlyMap<string, readonly DeclaredReplica[]>;

const known = (value: Maybe<string>): string | undefined =>
  typeof value === "string" && value !== "" ? value : undefined;

/**
 * The Region of a declared cluster: its `region` input (pulumi-aws ≥ 7), else the Region in its
 * `arn` output, else its provider's `region`; undefined when none is known.
 */
export function regionOfDeclaration(cluster: ClusterNode): string | undefined {
  const arn = known(cluster.facts.arn);
  return (
    known(cluster.facts.region) ??
    (arn === undefined ? undefined : regionOfArn(arn)) ??
    known(readString(cluster.resource.provider?.props, "region"))
  );
}

/** `arn:aws:rds:eu-west-1:123:cluster:orders` or `orders` → `orders`. */
export function identifierOfSource(source: string): string {
  const marker = ":cluster:";
  const at = source.lastIndexOf(marker);
  return (at < 0 ? source : source.slice(at + marker.length)).toLowerCase();
}

/**
 * The stack's cross-Region read replicas, by source. A replica is a cluster declaring
 * `replicationSourceIdentifier`. It is cross-Region when that reference is an ARN whose Region
 * differs from the replica's own: AWS creates a cross-Region Aurora replica in the target Region
 * with the source's ARN ("Replicating Amazon Aurora MySQL DB clusters across AWS Regions", Aurora
 * User Guide; CreateDBCluster `ReplicationSourceIdentifier`, RDS API reference), while a plain
 * identifier can only name a cluster in the caller's own Region. When the replica's Region is not
 * known (no `region`, `arn` or provider Region), an ARN reference counts as cross-Region: the
 * Aurora User Guide ("Stopping and starting an Amazon Aurora DB cluster", Limitations) says a
 * cluster with a cross-Region read replica cannot be stopped, and letting such a stop through
 * would fail at `pulumi up`. A reference unknown at preview is skipped.
 */
export function crossRegionReplicasOf(clusters: readonly ClusterNode[]): CrossRegionReplicas {
  const bySource = new Map<string, DeclaredReplica[]>();
  for (const replica of clusters) {
    const reference = known(replica.facts.replicationSourceIdentifier);
    const sourceRegion = reference === undefined ? undefined : regionOfArn(reference);
    if (reference === undefined || sourceRegion === undefined) {
      continue;
    }
    const replicaRegion = regionOfDeclaration(replica);
    if (replicaRegion !== undefined && replicaRegion === sourceRegion) {
      continue;
    }
    const label = known(replica.facts.identifier) ?? replica.resource.name;
    const key = identifierOfSource(reference);
    bySource.set(key, [...(bySource.get(key) ?? []), { label, sourceRegion }]);
  }
  return bySource;
}

/** The replicas that name this cluster (by identifier, and by Region when both are known). */
function replicasOfCluster(cluster: ClusterNode, replicas: CrossRegionReplicas): string[] {
  const identifier = known(cluster.facts.identifier);
  const region = regionOfDeclaration(cluster);
  const named = identifier === undefined ? [] : (replicas.get(identifier.toLowerCase()) ?? []);
  return named
    .filter((replica) => region === undefined || replica.sourceRegion === region)
    .map((replica) => replica.label);
}

/** {@link StopFacts} of a declaration, and the first fact the decision reads that is unknown. */
export interface DeclaredStopFacts {
  facts: StopFacts;
  unknown: UnknownValue | undefined;
}

/**
 * The {@link StopFacts} of a declared cluster. Facts unknown at preview are left out (counted as
 * "not the case") and the first of them is returned, so a caller that finds no refusal knows the
 * answer may still change.
 */
export function declaredStopFacts(
  cluster: ClusterNode,
  replicas: CrossRegionReplicas,
): DeclaredStopFacts {
  const f = cluster.facts;
  const read = [
    f.engineMode,
    f.globalClusterIdentifier,
    f.replicationSourceIdentifier,
    f.dbClusterInstanceClass,
    // The engine matters only for a cluster with a DB cluster instance class (Multi-AZ).
    f.dbClusterInstanceClass === undefined ? undefined : f.engine,
  ];
  return {
    facts: {
      engine: known(f.engine),
      engineMode: known(f.engineMode),
      dbClusterInstanceClass: known(f.dbClusterInstanceClass),
      globalClusterIdentifier: known(f.globalClusterIdentifier),
      replicationSourceIdentifier: known(f.replicationSourceIdentifier),
      crossRegionReplicas: replicasOfCluster(cluster, replicas),
    },
    unknown: read.find((value): value is UnknownValue => value instanceof UnknownValue),
  };
}
