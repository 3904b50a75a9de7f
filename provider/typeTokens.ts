/**
 * Pulumi type token of {@link ClusterPowerState}: `new dynamic.Resource(…, module "aurora", type
 * "ClusterPowerState")` registers as `pulumi-nodejs:dynamic/aurora:ClusterPowerState`. Policy packs
 * match resources on this string.
 */
export const CLUSTER_POWER_STATE_TYPE = "pulumi-nodejs:dynamic/aurora:ClusterPowerState";

/** Pulumi type token of the `ClusterStopSchedule` component resource. */
export const CLUSTER_STOP_SCHEDULE_TYPE = "aurora-power:index:ClusterStopSchedule";
