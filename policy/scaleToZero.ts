/**
 * Whether a declared Aurora Serverless v2 cluster scales to zero, and what in the stack keeps it
 * from pausing. Source: "Scaling to Zero ACUs with automatic pause and resume for Aurora
 * Serverless v2" (Aurora User Guide): with a minimum capacity of 0 ACUs an idle Serverless v2
 * instance pauses after `SecondsUntilAutoPause` (300–86,400 s, default 300), bills no capacity while
 * paused and resumes on the next connection. It never pauses while the cluster has a provisioned
 * instance, is targeted by an RDS Proxy, or is part of an Aurora global database (also not with
 * logical replication or a zero-ETL integration, which a stack does not show on the cluster).
 */
import type { PolicyResource } from "@pulumi/policy";
import type { GlobalDatabases } from "./globalDatabases";
import type { ClusterNode } from "./stackNodes";
import { Maybe, UnknownValue, readProp, readString } from "./unknowns";

/** Type token of `aws.rds.ClusterInstance`. */
export const RDS_CLUSTER_INSTANCE_TYPE = "aws:rds/clusterInstance:ClusterInstance";
/** Type token of `aws.rds.ProxyTarget` (an RDS Proxy's target group member). */
export const RDS_PROXY_TARGET_TYPE = "aws:rds/proxyTarget:ProxyTarget";
/** Instance class of Aurora Serverless v2 instances; any other class is provisioned. */
const SERVERLESS_V2_CLASS = "db.serverless";

/** A cluster that scales to zero: it pauses, or the stack shows what keeps it from pausing. */
export type ScaleToZero =
  | { pauses: true; secondsUntilAutoPause: number | undefined }
  | { pauses: false; blockers: string[] };

/** The resources of a stack that can keep a Serverless v2 cluster from pausing. */
export interface PauseBlockers {
  instances: readonly PolicyResource[];
  proxyTargets: readonly PolicyResource[];
  globals: GlobalDatabases;
}

/** Collects the stack's cluster instances and RDS Proxy targets, with its global databases. */
export function pauseBlockersOf(
  resources: readonly PolicyResource[],
  globals: GlobalDatabases,
): PauseBlockers {
  return {
    instances: resources.filter((r) => r.type === RDS_CLUSTER_INSTANCE_TYPE),
    proxyTargets: resources.filter((r) => r.type === RDS_PROXY_TARGET_TYPE),
    globals,
  };
}

/** True when `property` names the cluster: by identifier (case-insensitive) or by dependency. */
function names(resource: PolicyResource, property: string, cluster: ClusterNode): boolean {
  const named = readString(resource.props, property);
  const own = cluster.facts.identifier;
  if (typeof named === "string" && typeof own === "string") {
    return named.toLowerCase() === own.toLowerCase();
  }
  const dependencies = resource.propertyDependencies[property] ?? [];
  return dependencies.some((d) => d.urn === cluster.resource.urn);
}

/** `minCapacity` of `serverlessv2ScalingConfiguration`: a number, unknown, or absent. */
function minCapacityOf(cluster: ClusterNode): Maybe<number> {
  const path = "serverlessv2ScalingConfiguration";
  const scaling = readProp(cluster.resource.props, path);
  if (scaling instanceof UnknownValue) {
    return scaling;
  }
  const min = readProp(scaling, "minCapacity", `${path}.minCapacity`);
  return min instanceof UnknownValue || typeof min === "number" ? min : undefined;
}

/** What the stack shows that keeps the cluster from pausing, in the order messages list it. */
function blockersOf(cluster: ClusterNode, stack: PauseBlockers): string[] | UnknownValue {
  const blockers: string[] = [];
  for (const instance of stack.instances.filter((i) => names(i, "clusterIdentifier", cluster))) {
    const instanceClass = readString(instance.props, "instanceClass");
    if (instanceClass instanceof UnknownValue) {
      return new UnknownValue(`${instance.name}.instanceClass`);
    }
    if (instanceClass !== undefined && instanceClass !== SERVERLESS_V2_CLASS) {
      blockers.push(`instance \`${instance.name}\` is provisioned (\`${instanceClass}\`)`);
    }
  }
  for (const target of stack.proxyTargets.filter((t) => names(t, "dbClusterIdentifier", cluster))) {
    const proxy = readString(target.props, "dbProxyName");
    const proxyName = typeof proxy === "string" ? proxy : target.name;
    blockers.push(
      `RDS Proxy \`${proxyName}\` targets it (\`aws.rds.ProxyTarget\` \`${target.name}\`)`,
    );
  }
  const global = stack.globals.get(cluster)?.globalIdentifier;
  if (global !== undefined) {
    blockers.push(`it is part of global database \`${global}\``);
  }
  return blockers;
}

/**
 * How a declared cluster scales to zero: `undefined` when it does not (no
 * `serverlessv2ScalingConfiguration.minCapacity: 0`, or Serverless v1), whether it pauses
 * otherwise, or an {@link UnknownValue} when preview cannot tell.
 */
export function scaleToZeroOf(
  cluster: ClusterNode,
  stack: PauseBlockers,
): ScaleToZero | UnknownValue | undefined {
  const mode = cluster.facts.engineMode;
  if (typeof mode === "string" && mode.toLowerCase() !== "provisioned") {
    return undefined; // Serverless v1 pauses by its own `scalingConfiguration`, not by this one.
  }
  const min = minCapacityOf(cluster);
  if (min !== 0) {
    return min instanceof UnknownValue ? min : undefined;
  }
  const blockers = blockersOf(cluster, stack);
  if (blockers instanceof UnknownValue) {
    return blockers;
  }
  if (blockers.length > 0) {
    return { pauses: false, blockers };
  }
  const path = "serverlessv2ScalingConfiguration";
  const scaling = readProp(cluster.resource.props, path);
  const seconds = readProp(scaling, "secondsUntilAutoPause");
  return { pauses: true, secondsUntilAutoPause: typeof seconds === "number" ? seconds : undefined };
}
