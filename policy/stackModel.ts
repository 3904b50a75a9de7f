import type { PolicyResource } from "@pulumi/policy";
import {
  CLUSTER_FLEET_POWER_STATE_TYPE,
  CLUSTER_STOP_SCHEDULE_TYPE,
} from "../provider/aurora/typeTokens";
import { FLEET_MEMBERS_PROPERTY, linkFleetMembers } from "./fleetMembers";
import { KeeperNode, isKeeper, linkKeeper } from "./keeperFacts";
import {
  ActionFacts,
  RDS_CLUSTER_TYPE,
  clusterFacts,
  isAuroraEngine,
  powerActionsOf,
} from "./resourceFacts";
import type { ActionNode, ClusterNode } from "./stackNodes";
import { UnknownValue, readProp } from "./unknowns";

/**
 * The stack's clusters, the resources that change their power state, and the `ClusterKeepStopped`
 * components that stop clusters again after AWS's automatic start (not actions: they stop only a
 * cluster something else keeps stopped).
 */
export interface StackModel {
  clusters: ClusterNode[];
  actions: ActionNode[];
  keepers: KeeperNode[];
}

/** The declared clusters an input was computed from, in dependency order, each once. */
function dependencyClusters(
  resource: PolicyResource,
  property: string,
  byUrn: ReadonlyMap<string, ClusterNode>,
): ClusterNode[] {
  const clusters = new Set<ClusterNode>();
  for (const dependency of resource.propertyDependencies[property] ?? []) {
    const cluster = byUrn.get(dependency.urn);
    if (cluster !== undefined) {
      clusters.add(cluster);
    }
  }
  return [...clusters];
}

function singleTargetNode(
  resource: PolicyResource,
  facts: ActionFacts,
  byIdentifier: ReadonlyMap<string, ClusterNode>,
  byUrn: ReadonlyMap<string, ClusterNode>,
): ActionNode {
  const byId =
    typeof facts.targetIdentifier === "string"
      ? byIdentifier.get(facts.targetIdentifier.toLowerCase())
      : undefined;
  const cluster = byId ?? dependencyClusters(resource, facts.targetProperty, byUrn)[0];
  const parent = resource.parent;
  const owner =
    facts.kind === "Schedule" && parent?.type === CLUSTER_STOP_SCHEDULE_TYPE
      ? { kind: "ClusterStopSchedule" as const, name: parent.name, urn: parent.urn }
      : { kind: facts.kind, name: resource.name, urn: resource.urn };
  return { resource, facts, cluster, owner };
}

/**
 * The start of a `ClusterStopSchedule` judged as itself, from its `start` input: its start
 * schedules may start the start workflow (with `notifications`), which no fact reads.
 */
function componentStart(node: ActionNode): ActionNode[] {
  if (node.facts.kind !== "ClusterStopSchedule") return [];
  const start = readProp(node.resource.props, "start");
  if (start === undefined) return [];
  const action = start instanceof UnknownValue ? start : ("start" as const);
  return [{ ...node, facts: { ...node.facts, action } }];
}

/**
 * Links the stack's resources: clusters by identifier (RDS stores identifiers lowercase, so the
 * match is case-insensitive) and, when an identifier is unknown at preview, by the property
 * dependency that produced it. A `ClusterStopSchedule` whose stop schedule calls StopDBCluster
 * is represented by its schedules (they carry its target), not judged a second time; one that
 * stops through the stop workflow is judged as the component, its stop and its `start`. A
 * `ClusterFleetPowerState` gives one action per member (see `linkFleetMembers`), a
 * `ClusterKeepStopped` one keeper linked the same way (see `linkKeeper`).
 */
export function buildStackModel(resources: readonly PolicyResource[]): StackModel {
  const clusters: ClusterNode[] = [];
  const byUrn = new Map<string, ClusterNode>();
  const byIdentifier = new Map<string, ClusterNode>();
  const componentsWithSchedules = new Set<string>();
  const candidates: [PolicyResource, ActionFacts[]][] = [];
  const keeperResources: PolicyResource[] = [];
  for (const resource of resources) {
    if (isKeeper(resource)) {
      keeperResources.push(resource);
      continue;
    }
    if (resource.type === RDS_CLUSTER_TYPE) {
      const facts = clusterFacts(resource.props);
      const node = { resource, facts, aurora: isAuroraEngine(facts.engine) };
      clusters.push(node);
      byUrn.set(resource.urn, node);
      if (typeof facts.identifier === "string") {
        byIdentifier.set(facts.identifier.toLowerCase(), node);
      }
      continue;
    }
    const facts = powerActionsOf(resource.type, resource.props);
    if (facts.length > 0) {
      candidates.push([resource, facts]);
      // Only a stop schedule calling StopDBCluster carries the component's stop: through the
      // stop workflow (the default) it targets a state machine, which no fact reads, and the
      // component's start schedule alone must not hide that stop.
      if (
        facts.some((f) => f.kind === "Schedule" && f.action === "stop") &&
        resource.parent?.type === CLUSTER_STOP_SCHEDULE_TYPE
      ) {
        componentsWithSchedules.add(resource.parent.urn);
      }
    }
  }
  const actions: ActionNode[] = [];
  for (const [resource, facts] of candidates) {
    if (resource.type === CLUSTER_FLEET_POWER_STATE_TYPE) {
      const dependencies = dependencyClusters(resource, FLEET_MEMBERS_PROPERTY, byUrn);
      actions.push(...linkFleetMembers(resource, facts, byIdentifier, dependencies));
      continue;
    }
    for (const single of facts) {
      if (single.kind !== "ClusterStopSchedule" || !componentsWithSchedules.has(resource.urn)) {
        const node = singleTargetNode(resource, single, byIdentifier, byUrn);
        actions.push(node, ...componentStart(node));
      }
    }
  }
  const keepers = keeperResources.map((keeper) =>
    linkKeeper(keeper, byIdentifier, dependencyClusters(keeper, FLEET_MEMBERS_PROPERTY, byUrn)),
  );
  return { clusters, actions, keepers };
}

/** True when an action certainly stops its cluster; an {@link UnknownValue} when preview cannot tell. */
export function stopsCluster(facts: ActionFacts): boolean | UnknownValue {
  if (facts.enabled instanceof UnknownValue) {
    return facts.enabled;
  }
  if (facts.action instanceof UnknownValue) {
    return facts.action;
  }
  return facts.enabled && facts.action === "stop";
}

/** The identifier an action targets: the linked cluster's, else its own input. */
export function targetIdentifierOf(node: ActionNode): string | UnknownValue | undefined {
  const own = node.facts.targetIdentifier;
  if (typeof own === "string") {
    return own;
  }
  const linked = node.cluster?.facts.identifier;
  return linked ?? own;
}

/** "ClusterPowerState `pause-dev`": how messages name an action resource. */
export function describeAction(owner: { kind: ActionFacts["kind"]; name: string }): string {
  return `${owner.kind} \`${owner.name}\``;
}

/** "`dev-orders`", or the declaring resource when the identifier is not known yet. */
export function describeClusterReference(
  identifier: string | UnknownValue | undefined,
  resourceName?: string,
): string {
  if (typeof identifier === "string") {
    return `\`${identifier}\``;
  }
  return resourceName === undefined ? "(identifier unknown)" : `of resource \`${resourceName}\``;
}

/**
 * Key of the cluster an action targets: its declared cluster, else its identifier; an
 * {@link UnknownValue} when preview cannot tell which cluster, `undefined` when it names none.
 */
export function targetKeyOf(node: ActionNode): string | UnknownValue | undefined {
  if (node.cluster !== undefined) {
    return clusterKey(node.cluster);
  }
  const id = node.facts.targetIdentifier;
  return typeof id === "string" ? identifierKey(id) : id;
}

/** Key of a declared cluster. */
export function clusterKey(cluster: ClusterNode): string {
  return `urn:${cluster.resource.urn}`;
}

/** Key of a cluster the stack only names by identifier. */
export function identifierKey(identifier: string): string {
  return `id:${identifier.toLowerCase()}`;
}

/** Actions grouped by {@link targetKeyOf}; those whose target is unknown at preview under `unknown`. */
export interface ActionIndex {
  byTarget: Map<string, ActionNode[]>;
  unknownTarget: ActionNode[];
}

/** Groups actions by target so each cluster's look-up is constant time on large stacks. */
export function indexActions(actions: readonly ActionNode[]): ActionIndex {
  const byTarget = new Map<string, ActionNode[]>();
  const unknownTarget: ActionNode[] = [];
  for (const action of actions) {
    const key = targetKeyOf(action);
    if (key instanceof UnknownValue) {
      unknownTarget.push(action);
    } else if (key !== undefined) {
      const list = byTarget.get(key);
      if (list === undefined) {
        byTarget.set(key, [action]);
      } else {
        list.push(action);
      }
    }
  }
  return { byTarget, unknownTarget };
}
