import type { ActionHandler } from "./actionContext";
import { clusterView, clusterXml } from "../serialize";
import { RdsApiError } from "../errors";

/**
 * DeleteDBCluster: never a cluster with `DeletionProtection`; only from `available` (a stopped cluster cannot be deleted, see
 * hashicorp/terraform-provider-aws#28262). Returns the cluster as `deleting` and removes it.
 */
export const deleteDBCluster: ActionHandler = ({ params, store, region }) => {
  const record = store.get(params.require("DBClusterIdentifier"));
  if (record.deletionProtection) {
    // The text RDS answers for a protected cluster (InvalidParameterCombination, 400).
    throw new RdsApiError(
      "InvalidParameterCombination",
      "Cannot delete protected Cluster, please disable deletion protection and try again.",
      400,
    );
  }
  if (record.status !== "available") {
    throw RdsApiError.invalidClusterState(record.id, record.status, ["available"]);
  }
  store.remove(record.id);
  return { DBCluster: clusterXml(clusterView(store, record, region)) };
};
