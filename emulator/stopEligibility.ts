import type { ClusterRecord } from "./clusterRecord";
import { RdsApiError } from "./errors";

const AURORA_ENGINES = new Set(["aurora-mysql", "aurora-postgresql", "aurora"]);

function notEligible(message: string): RdsApiError {
  return new RdsApiError("InvalidParameterCombination", message, 400);
}

/**
 * Refuses clusters that Aurora cannot stop or start, as listed in the Aurora User Guide
 * ("Stopping and starting an Amazon Aurora DB cluster", Limitations): Aurora Serverless v1,
 * members of a global database, clusters with a cross-Region read replica (a same-Region replica
 * does not prevent a stop) or that replicate from another cluster, and non-Aurora Multi-AZ DB clusters ("This operation only applies to Aurora DB
 * clusters", StopDBCluster API reference). AWS does not publish the exact wire text of these
 * refusals; the code is `InvalidParameterCombination`, the one RDS uses for "not eligible for
 * stopping and starting".
 *
 * @param requestRegion The caller's Region, the cluster's own when the seed gave it none.
 */
export function checkStopStartEligibility(
  record: ClusterRecord,
  requestRegion?: string,
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
  if (record.globalClusterIdentifier) {
    return notEligible(
      `DB cluster ${id} is part of global database ${record.globalClusterIdentifier}; you can only stop and start a cluster that's part of an Aurora global database if it's the only cluster in the global database.`,
    );
  }
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
