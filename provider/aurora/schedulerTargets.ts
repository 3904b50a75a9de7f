/**
 * EventBridge Scheduler's universal targets for RDS power calls ("Using universal targets",
 * EventBridge Scheduler User Guide): the ARN names the SDK call, the input is its request as JSON.
 */
import type { PowerAction } from "./clusterStatus";

/** Universal target that calls StopDBCluster. */
export const STOP_DB_CLUSTER_TARGET_ARN = "arn:aws:scheduler:::aws-sdk:rds:stopDBCluster";

/** Universal target that calls StartDBCluster. */
export const START_DB_CLUSTER_TARGET_ARN = "arn:aws:scheduler:::aws-sdk:rds:startDBCluster";

/** The universal target ARN of a power action. */
export function targetArnOf(action: PowerAction): string {
  return action === "stop" ? STOP_DB_CLUSTER_TARGET_ARN : START_DB_CLUSTER_TARGET_ARN;
}

/** The power action a universal target ARN calls, or undefined for any other target. */
export function actionOfTargetArn(arn: string): PowerAction | undefined {
  if (arn === STOP_DB_CLUSTER_TARGET_ARN) return "stop";
  if (arn === START_DB_CLUSTER_TARGET_ARN) return "start";
  return undefined;
}

/** The target input of a power call: the request of StopDBCluster / StartDBCluster as JSON. */
export function targetInputOf(clusterIdentifier: string): string {
  return JSON.stringify({ DbClusterIdentifier: clusterIdentifier });
}

/**
 * The cluster identifier of a target input (the key in any case, as the SDK call accepts), or
 * undefined when the input is not such JSON.
 */
export function clusterIdentifierOfTargetInput(input: string): string | undefined {
  try {
    const parsed: unknown = JSON.parse(input);
    if (parsed === null || typeof parsed !== "object") return undefined;
    const entry = Object.entries(parsed).find(([k]) => k.toLowerCase() === "dbclusteridentifier");
    return typeof entry?.[1] === "string" ? entry[1] : undefined;
  } catch {
    // Not JSON: the target calls something this package does not understand.
    return undefined;
  }
}
