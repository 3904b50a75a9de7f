import type { ActionHandler } from "./actionContext";
import { clusterView, clusterXml } from "../serialize";

/** StopDBCluster: `available` → `stopping` → `stopped` (see ClusterStore.stop for refusals). */
export const stopDBCluster: ActionHandler = ({ params, store, region }) => {
  const record = store.stop(params.require("DBClusterIdentifier"));
  return { DBCluster: clusterXml(clusterView(store, record, region)) };
};
