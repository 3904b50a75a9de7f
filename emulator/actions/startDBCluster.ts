import type { ActionHandler } from "./actionContext";
import { clusterView, clusterXml } from "../serialize";

/** StartDBCluster: `stopped` → `starting` → [`backing-up` →] `available`. */
export const startDBCluster: ActionHandler = ({ params, store, region }) => {
  const record = store.start(params.require("DBClusterIdentifier"));
  return { DBCluster: clusterXml(clusterView(store, record, region)) };
};
