/**
 * Public types of the local RDS endpoint: its configuration, seed data, admin views, counters and
 * status-change events.
 */

/** Every RDS Query action the emulator serves. */
export const RDS_ACTIONS = [
  "DescribeDBClusters",
  "StopDBCluster",
  "StartDBCluster",
  "CreateDBCluster",
  "DeleteDBCluster",
  "DescribeDBInstances",
  "ListTagsForResource",
  "AddTagsToResource",
  "DescribeGlobalClusters",
  "DescribeBlueGreenDeployments",
] as const;

/** Name of one served RDS action, e.g. `StopDBCluster`. */
export type RdsAction = (typeof RDS_ACTIONS)[number];

/** Run-time knobs of the emulator; durations are seconds (fractions allowed), rates are 0–1. */
export interface EmulatorConfig {
  /** How long a cluster made by CreateDBCluster stays `creating` before it is `available`. Default 1. */
  createSeconds: number;
  /** How long a cluster stays `stopping` before it is `stopped`. Default 5. */
  stopSeconds: number;
  /** How long a cluster stays `starting` before it is `available` (or `backing-up`). Default 5. */
  startSeconds: number;
  /** How long a start passes through `backing-up`; 0 skips that status. Default 0. */
  backingUpSeconds: number;
  /** How long member instances stay unavailable after the cluster became `available`. Default 0. */
  instanceSettleSeconds: number;
  /** How long a cluster stays `stopped` before it restarts by itself. Default 604800 (7 days). */
  autoRestartSeconds: number;
  /** Probability that a request is answered with `Throttling` (400). Default 0. */
  throttleRate: number;
  /** Probability that a request is answered with `InternalFailure` (500). Default 0. */
  errorRate: number;
  /** Delay added before every RDS answer, in milliseconds. Default 0. */
  latencyMs: number;
  /**
   * How long after an accepted StopDBCluster/StartDBCluster DescribeDBClusters keeps answering the
   * status the cluster had before the call (eventual consistency). Default 0 (always current).
   */
  staleReadSeconds: number;
  /**
   * Quota mode: when true, one token bucket for the whole endpoint (one account and Region)
   * refuses a request that finds it empty with `Throttling` (400, "Rate exceeded"), as RDS does
   * (RDS User Guide, "Request throttling for the Amazon RDS API"). Default false.
   */
  quotaMode: boolean;
  /** Capacity of the quota bucket: requests served in a burst. Default 300, RDS's documented burst. */
  quotaBurst: number;
  /** Refill rate of the quota bucket, requests per second. Default 12, RDS's documented rate. */
  quotaRatePerSecond: number;
}

/** A tag as RDS returns it. */
export interface Tag {
  Key: string;
  Value: string;
}

/** A cluster to create in the emulator before (or while) it serves requests. */
export interface SeedCluster {
  DBClusterIdentifier: string;
  /** Default `aurora-postgresql`. */
  Engine?: string;
  EngineVersion?: string;
  /** Default `provisioned`; `serverless` is Aurora Serverless v1 (cannot be stopped). */
  EngineMode?: string;
  /** Default `available`. */
  Status?: string;
  Tags?: Tag[];
  /** The global database it belongs to; its members are every seeded cluster naming it. */
  GlobalClusterIdentifier?: string;
  /**
   * A Blue/Green deployment the cluster takes part in, as its `source` (blue, the default) or
   * `target` (green); clusters naming the same identifier form one deployment.
   */
  BlueGreenDeployment?: { identifier: string; role?: "source" | "target" };
  ReplicationSourceIdentifier?: string;
  ReadReplicaIdentifiers?: string[];
  /** Set for a non-Aurora Multi-AZ DB cluster (engine `mysql`/`postgres`). */
  DBClusterInstanceClass?: string;
  MultiAZ?: boolean;
  /** Number of member DB instances; default 1. */
  instanceCount?: number;
  /** Region used in the cluster's ARN; default the region of the request that reads it. */
  region?: string;
  /** Default true. */
  StorageEncrypted?: boolean;
  /** Default false; a protected cluster cannot be deleted. */
  DeletionProtection?: boolean;
  /** Default `postgres` (PostgreSQL engines) or `admin` (MySQL engines). */
  MasterUsername?: string;
  /** Default 5432 (PostgreSQL engines) or 3306 (MySQL engines). */
  Port?: number;
}

/** Source of the current time in epoch milliseconds; injectable so tests control time. */
export interface Clock {
  /** The current time, in epoch milliseconds. */
  now(): number;
}

/** Options of {@link startEmulator}: any config field, plus where to listen and what to seed. */
export type EmulatorOptions = Partial<EmulatorConfig> & {
  /** Interface to bind; default `127.0.0.1` (loopback only). */
  host?: string;
  /** TCP port; default 0 (an ephemeral port). */
  port?: number;
  seed?: SeedCluster[];
  /** Time source; default the system clock. */
  clock?: Clock;
  /**
   * Seed of the fault-injection PRNG (an integer 0 to 2^32-1): the same seed gives the same
   * sequence of draws. Default `AURORA_POWER_FAULT_SEED`, else a random seed, reported as
   * `RunningEmulator.faultSeed` and by `GET /_emulator/fault-seed`.
   */
  faultSeed?: number;
  /** Randomness for fault injection (0 ≤ x < 1), replacing the seeded PRNG (`faultSeed` is then null). */
  random?: () => number;
};

/** One status change of one cluster; `at` is the instant it completed (ISO 8601 with ms). */
export interface StatusEvent {
  clusterIdentifier: string;
  from: string;
  to: string;
  at: string;
}

/** Request counters kept by the emulator since start or the last reset. */
export interface EmulatorCounters {
  calls: Record<RdsAction, number>;
  errorsInjected: { Throttling: number; InternalFailure: number };
  /** For each DescribeDBClusters call, how many cluster ids it asked for (0 = all clusters). */
  describeClusterIdsPerCall: number[];
  /** StopDBCluster / StartDBCluster calls (faulted ones included) per cluster identifier named. */
  powerCallsByCluster: Record<string, { StopDBCluster: number; StartDBCluster: number }>;
  /** Every RDS request answered (admin requests excluded), whatever the answer. */
  requests: number;
  /** Requests refused `Throttling` by the quota bucket (quota mode); injected ones not included. */
  quotaThrottled: number;
}

/**
 * The `DBCluster` fields a real Aurora cluster carries beyond identity and power state (RDS API
 * reference, `DBCluster`), with plausible values; times as ISO strings, lists as arrays.
 */
export interface ClusterDetails {
  AllocatedStorage: number;
  AvailabilityZones: string[];
  BackupRetentionPeriod: number;
  DBClusterParameterGroup: string;
  DBSubnetGroup: string;
  EarliestRestorableTime?: string;
  Endpoint: string;
  ReaderEndpoint: string;
  CustomEndpoints: string[];
  LatestRestorableTime?: string;
  Port: number;
  MasterUsername: string;
  DBClusterOptionGroupMemberships: { DBClusterOptionGroupName: string; Status: string }[];
  PreferredBackupWindow: string;
  PreferredMaintenanceWindow: string;
  VpcSecurityGroups: { VpcSecurityGroupId: string; Status: string }[];
  HostedZoneId: string;
  StorageEncrypted: boolean;
  KmsKeyId?: string;
  DbClusterResourceId: string;
  AssociatedRoles: { RoleArn: string; Status: string }[];
  IAMDatabaseAuthenticationEnabled: boolean;
  EnabledCloudwatchLogsExports: string[];
  /** Aurora Serverless v1 only. */
  Capacity?: number;
  /** Aurora Serverless v1 only. */
  ScalingConfigurationInfo?: Record<string, string | number | boolean>;
  StorageType: string;
  /** Multi-AZ DB clusters (non-Aurora) only. */
  Iops?: number;
  /** Multi-AZ DB clusters (non-Aurora) only. */
  PubliclyAccessible?: boolean;
  AutoMinorVersionUpgrade: boolean;
  DeletionProtection: boolean;
  HttpEndpointEnabled: boolean;
  ActivityStreamStatus: string;
  CopyTagsToSnapshot: boolean;
  CrossAccountClone: boolean;
  DomainMemberships: { Domain: string; Status: string }[];
  NetworkType: string;
  EngineLifecycleSupport: string;
  /** Aurora only. */
  DatabaseInsightsMode?: string;
}

/** A cluster as the admin API shows it (RDS field names, times as ISO strings). */
export interface ClusterView extends ClusterDetails {
  DBClusterIdentifier: string;
  DBClusterArn: string;
  Status: string;
  Engine: string;
  EngineVersion: string;
  EngineMode: string;
  MultiAZ: boolean;
  DBClusterMembers: { DBInstanceIdentifier: string; IsClusterWriter: boolean; Status: string }[];
  ReadReplicaIdentifiers: string[];
  ReplicationSourceIdentifier?: string;
  GlobalClusterIdentifier?: string;
  DBClusterInstanceClass?: string;
  AutomaticRestartTime?: string;
  ClusterCreateTime: string;
  TagList: Tag[];
}
