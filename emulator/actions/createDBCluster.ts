import type { ActionHandler } from "./actionContext";
import { clusterView, clusterXml } from "../serialize";

/**
 * CreateDBCluster, enough to seed clusters through the SDK: identifier, engine, version, mode,
 * tags, global cluster, replication source and (for a Multi-AZ DB cluster) instance class. The
 * cluster is `available` at once, with one writer instance (three for a Multi-AZ DB cluster).
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
    region,
  });
  return { DBCluster: clusterXml(clusterView(store, record, region)) };
};
