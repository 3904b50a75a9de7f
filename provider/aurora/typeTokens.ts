/**
 * Pulumi type token of {@link ClusterPowerState}: what `new dynamic.Resource(…, module "aurora",
 * type "ClusterPowerState")` would register; the `pulumi-nodejs` package routes it to the dynamic
 * provider plugin. Policy packs match resources on this string.
 */
export const CLUSTER_POWER_STATE_TYPE = "pulumi-nodejs:dynamic/aurora:ClusterPowerState";

/** Pulumi type token of the `ClusterStopSchedule` component resource. */
export const CLUSTER_STOP_SCHEDULE_TYPE = "aurora-power:index:ClusterStopSchedule";

/**
 * Pulumi type token of {@link ClusterFleetPowerState}: one dynamic resource holding many clusters
 * of a Region in one power state.
 */
export const CLUSTER_FLEET_POWER_STATE_TYPE = "pulumi-nodejs:dynamic/aurora:ClusterFleetPowerState";

/**
 * Pulumi type token of the `ClusterKeepStopped` component resource: an EventBridge rule on RDS's
 * automatic start (RDS-EVENT-0153) of its `clusterIdentifiers`, starting the stop workflow.
 */
export const CLUSTER_KEEP_STOPPED_TYPE = "aurora-power:index:ClusterKeepStopped";
