import type { ActionHandler } from "./actionContext";
import { clusterView, clusterXml } from "../serialize";

/**
 * CreateDBCluster, enough to seed clusters through the SDK: identifier, engine, version, mode,
 * tags, global cluster, replication source, (for a Multi-AZ DB cluster) instance class, storage
 * encryption, deletion protection, master user name and port. The answer says `creating`; the
 * cluster is `available` `createSeconds` later, with one writer instance (three for a Multi-AZ DB
 * cluster).
 */
export const createDBCluster: ActionHandler = ({ params, store, region }) => {
  const instanceClass = params.get("DBClusterInstanceClass");
  const record = store.create({
    DBClusterIdentifier: params.require("DBClusterIdentifier"),
    Engine: params.require("Engine"),
    EngineVersion: params.get("EngineVersion"),
    EngineMode: params.get("EngineMode"),
    Tags: params.tags(),
    GlobalClusterIdentifier: params.get("GlobalClusterIdentifier"),
    ReplicationSourceIdentifier: params.get("ReplicationSourceIdentifier"),
    DBClusterInstanceClass: instanceClass,
    MultiAZ: instanceClass !== undefined,
    instanceCount: instanceClass !== undefined ? 3 : 1,
    StorageEncrypted: params.boolean("StorageEncrypted"),
    DeletionProtection: params.boolean("DeletionProtection"),
    MasterUsername: params.get("MasterUsername"),
    Port: params.integer("Port"),
    region,
  });
  return { DBCluster: clusterXml(clusterView(store, record, region)) };
};
