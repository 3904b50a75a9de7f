import type { ClusterView } from "./types";
import type { ClusterStore } from "./clusterStore";
import { clusterArn, clusterRegion, type ClusterRecord } from "./clusterRecord";
import type { XmlObject, XmlValue } from "./xml";
import { clusterDetails } from "./clusterDetails";

function iso(ms: number | undefined): string | undefined {
  return ms === undefined ? undefined : new Date(ms).toISOString();
}

/** Every DBCluster field the emulator knows, as plain JSON (used by XML and the admin API). */
export function clusterView(
  store: ClusterStore,
  record: ClusterRecord,
  requestRegion?: string,
): ClusterView {
  return {
    ...clusterDetails(record, clusterRegion(record, requestRegion), store.now()),
    DBClusterIdentifier: record.id,
    DBClusterArn: clusterArn(record, requestRegion),
    Status: record.status,
    Engine: record.engine,
    EngineVersion: record.engineVersion,
    EngineMode: record.engineMode,
    MultiAZ: record.multiAZ,
    DBClusterMembers: record.instanceIds.map((id, i) => ({
      DBInstanceIdentifier: id,
      IsClusterWriter: i === 0,
      Status: store.instanceStatus(record, id),
    })),
    ReadReplicaIdentifiers: record.readReplicaIdentifiers,
    ReplicationSourceIdentifier: record.replicationSourceIdentifier,
    GlobalClusterIdentifier: record.globalClusterIdentifier,
    DBClusterInstanceClass: record.dbClusterInstanceClass,
    AutomaticRestartTime: iso(store.automaticRestartMs(record)),
    ClusterCreateTime: new Date(record.createdAtMs).toISOString(),
    TagList: record.tags,
  };
}

// The `DBCluster` members in the order of the RDS model (botocore's service-2.json), each list
// with the element name its members take in the Query protocol's XML (`locationName`, or
// `member` when the model names none).
const CLUSTER_FIELDS: readonly (readonly [keyof ClusterView, string?])[] = [
  ["AllocatedStorage"],
  ["AvailabilityZones", "AvailabilityZone"],
  ["BackupRetentionPeriod"],
  ["DBClusterIdentifier"],
  ["DBClusterParameterGroup"],
  ["DBSubnetGroup"],
  ["Status"],
  ["EarliestRestorableTime"],
  ["Endpoint"],
  ["ReaderEndpoint"],
  ["CustomEndpoints", "member"],
  ["MultiAZ"],
  ["Engine"],
  ["EngineVersion"],
  ["LatestRestorableTime"],
  ["Port"],
  ["MasterUsername"],
  ["DBClusterOptionGroupMemberships", "DBClusterOptionGroup"],
  ["PreferredBackupWindow"],
  ["PreferredMaintenanceWindow"],
  ["ReplicationSourceIdentifier"],
  ["ReadReplicaIdentifiers", "ReadReplicaIdentifier"],
  ["DBClusterMembers", "DBClusterMember"],
  ["VpcSecurityGroups", "VpcSecurityGroupMembership"],
  ["HostedZoneId"],
  ["StorageEncrypted"],
  ["KmsKeyId"],
  ["DbClusterResourceId"],
  ["DBClusterArn"],
  ["AssociatedRoles", "DBClusterRole"],
  ["IAMDatabaseAuthenticationEnabled"],
  ["ClusterCreateTime"],
  ["EnabledCloudwatchLogsExports", "member"],
  ["Capacity"],
  ["EngineMode"],
  ["ScalingConfigurationInfo"],
  ["DBClusterInstanceClass"],
  ["StorageType"],
  ["Iops"],
  ["PubliclyAccessible"],
  ["AutoMinorVersionUpgrade"],
  ["DeletionProtection"],
  ["HttpEndpointEnabled"],
  ["ActivityStreamStatus"],
  ["CopyTagsToSnapshot"],
  ["CrossAccountClone"],
  ["DomainMemberships", "DomainMembership"],
  ["TagList", "Tag"],
  ["GlobalClusterIdentifier"],
  ["NetworkType"],
  ["AutomaticRestartTime"],
  ["DatabaseInsightsMode"],
  ["EngineLifecycleSupport"],
];

// DBClusterMember has no `Status` (the admin view's extra); RDS adds these two.
function memberXml(m: ClusterView["DBClusterMembers"][number]): XmlObject {
  return {
    DBInstanceIdentifier: m.DBInstanceIdentifier,
    IsClusterWriter: m.IsClusterWriter,
    DBClusterParameterGroupStatus: "in-sync",
    PromotionTier: 1,
  };
}

/** A `<DBCluster>` element body in model order, with the Query protocol's list member names. */
export function clusterXml(view: ClusterView): XmlObject {
  const xml: XmlObject = {};
  for (const [field, memberName] of CLUSTER_FIELDS) {
    const value = field === "DBClusterMembers" ? view.DBClusterMembers.map(memberXml) : view[field];
    // An undefined value stays as a key (the XML builder leaves it out).
    const wrap = memberName !== undefined && value !== undefined;
    xml[field] = wrap ? { [memberName]: value as XmlValue } : (value as XmlValue);
  }
  return xml;
}

/** A `<DBInstance>` element body for one member instance of a cluster. */
export function instanceXml(
  store: ClusterStore,
  record: ClusterRecord,
  instanceId: string,
  requestRegion?: string,
): XmlObject {
  const region = clusterRegion(record, requestRegion);
  return {
    DBInstanceIdentifier: instanceId,
    DBInstanceArn: `arn:aws:rds:${region}:123456789012:db:${instanceId}`,
    DBInstanceClass: record.dbClusterInstanceClass ?? "db.r6g.large",
    Engine: record.engine,
    EngineVersion: record.engineVersion,
    DBInstanceStatus: store.instanceStatus(record, instanceId),
    DBClusterIdentifier: record.id,
    InstanceCreateTime: new Date(record.createdAtMs).toISOString(),
    TagList: { Tag: [] },
  };
}
