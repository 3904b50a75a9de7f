import type { SeedCluster, Tag } from "./types";
import { RdsApiError } from "./errors";
import type { StaleRead } from "./staleRead";
import { clusterResourceId, defaultMasterUsername, defaultPort } from "./auroraFacts";

/** A timed status change that completes at `atMs` (epoch ms). */
export interface PendingTransition {
  to: string;
  atMs: number;
}

/** The emulator's internal, mutable state of one DB cluster. */
export interface ClusterRecord {
  id: string;
  region?: string;
  engine: string;
  engineVersion: string;
  engineMode: string;
  tags: Tag[];
  globalClusterIdentifier?: string;
  replicationSourceIdentifier?: string;
  readReplicaIdentifiers: string[];
  dbClusterInstanceClass?: string;
  multiAZ: boolean;
  storageEncrypted: boolean;
  deletionProtection: boolean;
  masterUsername: string;
  port: number;
  /** `DbClusterResourceId`, fixed at creation. */
  resourceId: string;
  instanceIds: string[];
  createdAtMs: number;
  status: string;
  /** Timed transitions still to come, earliest first. */
  pending: PendingTransition[];
  /** When the cluster last became `stopped`; the automatic restart is measured from here. */
  stoppedAtMs?: number;
  /** Member instances report `available` only from this instant on. */
  instancesAvailableAtMs: number;
  /** What DescribeDBClusters still shows after the last accepted stop or start, if anything. */
  staleRead?: StaleRead;
}

const DEFAULT_ENGINE_VERSIONS: Record<string, string> = {
  "aurora-postgresql": "16.4",
  "aurora-mysql": "8.0.mysql_aurora.3.08.0",
  postgres: "16.4",
  mysql: "8.0.40",
};

// RDS identifiers: 1–63 letters, digits or hyphens, starting with a letter, no trailing or double
// hyphen (RDS API reference, CreateDBCluster, DBClusterIdentifier constraints).
const IDENTIFIER = /^[a-z](?:[a-z0-9]|-(?!-)){0,62}$/;

/** Lower-cases and validates a cluster identifier (RDS stores identifiers in lowercase). */
export function normalizeIdentifier(raw: string): string {
  const id = raw.trim().toLowerCase();
  if (!IDENTIFIER.test(id) || id.endsWith("-")) {
    throw RdsApiError.invalidParameter(
      `The parameter DBClusterIdentifier is not a valid identifier. Identifiers must begin with a letter; must contain only ASCII letters, digits, and hyphens; and must not end with a hyphen or contain two consecutive hyphens.`,
    );
  }
  return id;
}

/** Builds the internal record of a seeded or created cluster. */
export function createClusterRecord(seed: SeedCluster, nowMs: number): ClusterRecord {
  const id = normalizeIdentifier(seed.DBClusterIdentifier);
  const engine = seed.Engine ?? "aurora-postgresql";
  const instanceCount = seed.instanceCount ?? 1;
  if (!Number.isInteger(instanceCount) || instanceCount < 0 || instanceCount > 16) {
    throw RdsApiError.invalidParameter("`instanceCount` must be an integer from 0 to 16.");
  }
  const status = seed.Status ?? "available";
  return {
    id,
    region: seed.region,
    engine,
    engineVersion: seed.EngineVersion ?? DEFAULT_ENGINE_VERSIONS[engine] ?? "1.0",
    engineMode: seed.EngineMode ?? "provisioned",
    tags: (seed.Tags ?? []).map((t) => ({ Key: String(t.Key), Value: String(t.Value ?? "") })),
    globalClusterIdentifier: seed.GlobalClusterIdentifier,
    replicationSourceIdentifier: seed.ReplicationSourceIdentifier,
    readReplicaIdentifiers: [...(seed.ReadReplicaIdentifiers ?? [])],
    dbClusterInstanceClass: seed.DBClusterInstanceClass,
    multiAZ: seed.MultiAZ ?? instanceCount > 1,
    storageEncrypted: seed.StorageEncrypted ?? true,
    deletionProtection: seed.DeletionProtection ?? false,
    masterUsername: seed.MasterUsername ?? defaultMasterUsername(engine),
    port: seed.Port ?? defaultPort(engine),
    resourceId: clusterResourceId(id, nowMs),
    instanceIds: Array.from({ length: instanceCount }, (_, i) => `${id}-instance-${i + 1}`),
    createdAtMs: nowMs,
    status,
    pending: [],
    stoppedAtMs: status === "stopped" ? nowMs : undefined,
    instancesAvailableAtMs: nowMs,
  };
}

/** The region in a cluster's ARN: its own, else the caller's, else `us-east-1`. */
export function clusterRegion(record: ClusterRecord, requestRegion?: string): string {
  return record.region ?? requestRegion ?? "us-east-1";
}

/** `arn:aws:rds:<region>:123456789012:cluster:<id>`, the format IAM policies match on. */
export function clusterArn(record: ClusterRecord, requestRegion?: string): string {
  return `arn:aws:rds:${clusterRegion(record, requestRegion)}:123456789012:cluster:${record.id}`;
}
