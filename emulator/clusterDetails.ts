import type { ClusterDetails } from "./types";
import type { ClusterRecord } from "./clusterRecord";
import {
  availabilityZones,
  clusterEndpoint,
  defaultParameterGroup,
  defaultSecurityGroupId,
  hostedZoneId,
  managedKmsKeyArn,
} from "./auroraFacts";

// RDS keeps restorable times only once a cluster exists (not while `creating`); the latest is
// usually a few minutes behind now (RDS User Guide, "Restoring a DB cluster to a specified time").
const LATEST_RESTORABLE_LAG_MS = 5 * 60 * 1000;

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

function restorableTimes(record: ClusterRecord, nowMs: number): Partial<ClusterDetails> {
  if (record.status === "creating") return {};
  return {
    EarliestRestorableTime: iso(record.createdAtMs),
    LatestRestorableTime: iso(Math.max(record.createdAtMs, nowMs - LATEST_RESTORABLE_LAG_MS)),
  };
}

// Fields only some kinds of cluster carry: Serverless v1 capacity, Multi-AZ DB cluster storage,
// Aurora's Database Insights mode.
function kindSpecific(record: ClusterRecord): Partial<ClusterDetails> {
  if (record.engineMode === "serverless") {
    return {
      Capacity: 2,
      ScalingConfigurationInfo: {
        MinCapacity: 2,
        MaxCapacity: 16,
        AutoPause: true,
        SecondsUntilAutoPause: 300,
        TimeoutAction: "RollbackCapacityChange",
        SecondsBeforeTimeout: 300,
      },
    };
  }
  if (!record.engine.startsWith("aurora")) {
    return { StorageType: "io1", AllocatedStorage: 100, Iops: 1000, PubliclyAccessible: false };
  }
  return { DatabaseInsightsMode: "standard" };
}

/**
 * The `DBCluster` fields of {@link ClusterDetails} for one cluster in `region` at `nowMs`:
 * endpoints, port, storage, network and maintenance settings with the values RDS gives a cluster
 * created with defaults.
 */
export function clusterDetails(
  record: ClusterRecord,
  region: string,
  nowMs: number,
): ClusterDetails {
  const postgres = record.engine.includes("postgres");
  return {
    AllocatedStorage: 1,
    AvailabilityZones: availabilityZones(region),
    BackupRetentionPeriod: 1,
    DBClusterParameterGroup: defaultParameterGroup(record.engine, record.engineVersion),
    DBSubnetGroup: "default",
    Endpoint: clusterEndpoint(record.id, region, false),
    ReaderEndpoint: clusterEndpoint(record.id, region, true),
    CustomEndpoints: [],
    Port: record.port,
    MasterUsername: record.masterUsername,
    DBClusterOptionGroupMemberships: [],
    PreferredBackupWindow: "03:00-03:30",
    PreferredMaintenanceWindow: "sun:04:00-sun:04:30",
    VpcSecurityGroups: [{ VpcSecurityGroupId: defaultSecurityGroupId(region), Status: "active" }],
    HostedZoneId: hostedZoneId(region),
    StorageEncrypted: record.storageEncrypted,
    KmsKeyId: record.storageEncrypted ? managedKmsKeyArn(region) : undefined,
    DbClusterResourceId: record.resourceId,
    AssociatedRoles: [],
    IAMDatabaseAuthenticationEnabled: false,
    EnabledCloudwatchLogsExports: [postgres ? "postgresql" : "error"],
    StorageType: "aurora",
    AutoMinorVersionUpgrade: true,
    DeletionProtection: record.deletionProtection,
    HttpEndpointEnabled: false,
    ActivityStreamStatus: "stopped",
    CopyTagsToSnapshot: false,
    CrossAccountClone: false,
    DomainMemberships: [],
    NetworkType: "IPV4",
    EngineLifecycleSupport: "open-source-rds-extended-support",
    ...restorableTimes(record, nowMs),
    ...kindSpecific(record),
  };
}
