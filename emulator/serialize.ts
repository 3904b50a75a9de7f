import type { ClusterView } from "./types";
import type { ClusterStore } from "./clusterStore";
import { clusterArn, clusterRegion, type ClusterRecord } from "./clusterRecord";
import type { XmlObject } from "./xml";

function iso(ms: number | undefined): string | undefined {
  return ms === undefined ? undefined : new Date(ms).toISOString();
}

/** The DBCluster fields that matter to callers, as plain JSON (used by XML and the admin API). */
export function clusterView(
  store: ClusterStore,
  record: ClusterRecord,
  requestRegion?: string,
): ClusterView {
  return {
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

/** A `<DBCluster>` element body, with the Query protocol's list member names. */
export function clusterXml(view: ClusterView): XmlObject {
  return {
    DBClusterIdentifier: view.DBClusterIdentifier,
    DBClusterArn: view.DBClusterArn,
    Status: view.Status,
    Engine: view.Engine,
    EngineVersion: view.EngineVersion,
    EngineMode: view.EngineMode,
    MultiAZ: view.MultiAZ,
    DBClusterMembers: {
      DBClusterMember: view.DBClusterMembers.map((m) => ({
        DBInstanceIdentifier: m.DBInstanceIdentifier,
        IsClusterWriter: m.IsClusterWriter,
        DBClusterParameterGroupStatus: "in-sync",
        PromotionTier: 1,
      })),
    },
    ReadReplicaIdentifiers: { ReadReplicaIdentifier: view.ReadReplicaIdentifiers },
    ReplicationSourceIdentifier: view.ReplicationSourceIdentifier,
    GlobalClusterIdentifier: view.GlobalClusterIdentifier,
    DBClusterInstanceClass: view.DBClusterInstanceClass,
    AutomaticRestartTime: view.AutomaticRestartTime,
    ClusterCreateTime: view.ClusterCreateTime,
    TagList: { Tag: view.TagList.map((t) => ({ Key: t.Key, Value: t.Value })) },
  };
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
