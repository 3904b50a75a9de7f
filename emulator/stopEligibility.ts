import type { ClusterRecord } from "./clusterRecord";
import { blueGreenOf } from "./blueGreenDeployments";
import { RdsApiError } from "./errors";

const AURORA_ENGINES = new Set(["aurora-mysql", "aurora-postgresql", "aurora"]);

function notEligible(message: string): RdsApiError {
  return new RdsApiError("InvalidParameterCombination", message, 400);
}

/**
 * Refuses clusters that Aurora cannot stop or start, as listed in the Aurora User Guide
 * ("Stopping and starting an Amazon Aurora DB cluster", Limitations): Aurora Serverless v1,
 * members of a global database that has other clusters, clusters in a Blue/Green deployment,
 * clusters with a cross-Region read replica (a same-Region replica
 * does not prevent a stop) or that replicate from another cluster, and non-Aurora Multi-AZ DB clusters ("This operation only applies to Aurora DB
 * clusters", StopDBCluster API reference). AWS does not publish the exact wire text of these
 * refusals; the code is `InvalidParameterCombination`, the one RDS uses for "not eligible for
 * stopping and starting".
 *
 * @param requestRegion The caller's Region, the cluster's own when the seed gave it none.
 * @param peers Every cluster of the emulator (a global database's members are the clusters naming
 *   it); default the cluster alone.
 */
export function checkStopStartEligibility(
  record: ClusterRecord,
  requestRegion?: string,
  peers: Iterable<ClusterRecord> = [record],
): RdsApiError | undefined {
  const id = record.id;
  if (!AURORA_ENGINES.has(record.engine)) {
    return notEligible(
      `This operation only applies to Aurora DB clusters; DB cluster ${id} uses engine ${record.engine}.`,
    );
  }
  if (record.engineMode === "serverless") {
    return notEligible(
      `Aurora Serverless v1 DB cluster ${id} is not eligible for stopping and starting.`,
    );
  }
  if (record.engineMode === "multimaster") {
    return notEligible(`Multi-master DB cluster ${id} is not eligible for stopping and starting.`);
  }
  const refusal = membershipRefusal(record, peers);
  if (refusal) return refusal;
  if (record.replicationSourceIdentifier) {
    return notEligible(
      `DB cluster ${id} is a read replica of ${record.replicationSourceIdentifier} and is not eligible for stopping and starting.`,
    );
  }
  const crossRegion = record.readReplicaIdentifiers.filter((r) =>
    isCrossRegion(r, record.region ?? requestRegion),
  );
  if (crossRegion.length > 0) {
    return notEligible(
      `DB cluster ${id} has cross-Region read replicas (${crossRegion.join(", ")}) and is not eligible for stopping and starting.`,
    );
  }
  return undefined;
}

/**
 * Whether a read replica listed in `ReadReplicaIdentifiers` lives in another Region. Only a
 * cross-Region read replica keeps its source from stopping (Aurora User Guide, "Stopping and
 * starting an Amazon Aurora DB cluster", Limitations); a same-Region one does not. RDS lists a
 * same-Region replica by identifier and a cross-Region one by ARN; an ARN whose Region cannot be
 * compared (neither the seed nor the request gave a Region, or the ARN is malformed) counts as
 * cross-Region.
 */
function isCrossRegion(replica: string, ownRegion: string | undefined): boolean {
  if (!replica.startsWith("arn:")) return false;
  const replicaRegion = replica.split(":")[3];
  return ownRegion === undefined || replicaRegion === undefined || replicaRegion !== ownRegion;
}

/**
 * "You can stop and start a cluster that's part of an Aurora global database only if it's the
 * only cluster in the global database" and "You can't stop and start a cluster that is part of a
 * blue/green deployment" (Aurora User Guide, "Stopping and starting an Amazon Aurora DB cluster"
 * and "Limitations and considerations for Amazon Aurora blue/green deployments"). AWS documents
 * neither refusal's code nor text. `InvalidDBClusterStateFault` (400) is the most plausible: both
 * are refusals of the cluster's current configuration, not of a parameter, and it is the code
 * other RDS emulators chose for the global case (ministackorg/ministack#1438).
 */
function membershipRefusal(
  record: ClusterRecord,
  peers: Iterable<ClusterRecord>,
): RdsApiError | undefined {
  const globalId = record.globalClusterIdentifier;
  const members = globalId
    ? [...peers].filter((peer) => peer.globalClusterIdentifier === globalId).length
    : 0;
  if (globalId && members > 1) {
    return new RdsApiError(
      "InvalidDBClusterStateFault",
      `DB cluster ${record.id} is part of global database ${globalId}, which has ${members} clusters. You can only stop and start a cluster that's part of an Aurora global database if it's the only cluster in the global database.`,
      400,
    );
  }
  const deployment = blueGreenOf(record);
  if (!deployment) return undefined;
  return new RdsApiError(
    "InvalidDBClusterStateFault",
    `DB cluster ${record.id} is part of blue/green deployment ${deployment.identifier}. You can't stop and start a cluster that is part of a blue/green deployment.`,
    400,
  );
}
