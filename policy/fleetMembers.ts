import type { PolicyResource } from "@pulumi/policy";
import type { ActionFacts } from "./resourceFacts";
import type { ActionNode, ClusterNode } from "./stackNodes";
import { UnknownValue } from "./unknowns";

/** The input of `ClusterFleetPowerState` that lists its members. */
export const FLEET_MEMBERS_PROPERTY = "clusterIdentifiers";

function isWholeListUnknown(facts: ActionFacts): boolean {
  return (
    facts.targetIdentifier instanceof UnknownValue &&
    facts.targetIdentifier.path === FLEET_MEMBERS_PROPERTY
  );
}

/**
 * Links the members of one `ClusterFleetPowerState` to the stack's declared clusters, one
 * {@link ActionNode} per member, so every rule judges each member as it judges a
 * `ClusterPowerState`.
 *
 * A member known by identifier links to the cluster declaring it. Members unknown at preview link
 * through property dependencies. The engine records those per top-level input
 * (`propertyDependencies.clusterIdentifiers` lists every resource the whole array was built from),
 * not per element, so an unknown element cannot be traced to one cluster. The dependency clusters
 * that no known identifier claims are handed out to the unknown elements in order, as a
 * `ClusterPowerState` takes its first dependency cluster. Elements left over stay unknown targets.
 * A list unknown as a whole (`pulumi.all(…).apply(…)`) holds every such cluster.
 *
 * @param dependencies Declared clusters `clusterIdentifiers` depends on, in dependency order.
 */
export function linkFleetMembers(
  resource: PolicyResource,
  members: readonly ActionFacts[],
  byIdentifier: ReadonlyMap<string, ClusterNode>,
  dependencies: readonly ClusterNode[],
): ActionNode[] {
  const owner = { kind: "ClusterFleetPowerState" as const, name: resource.name, urn: resource.urn };
  const nodes: ActionNode[] = [];
  const named = new Set<ClusterNode>();
  const unnamed: ActionFacts[] = [];
  for (const facts of members) {
    if (typeof facts.targetIdentifier !== "string") {
      unnamed.push(facts);
      continue;
    }
    const cluster = byIdentifier.get(facts.targetIdentifier.toLowerCase());
    if (cluster !== undefined) {
      named.add(cluster);
    }
    nodes.push({ resource, facts, cluster, owner });
  }
  const spare = unnamed.length === 0 ? [] : dependencies.filter((cluster) => !named.has(cluster));
  const wholeList = unnamed.find(isWholeListUnknown);
  if (wholeList !== undefined && spare.length > 0) {
    for (const cluster of spare) {
      nodes.push({ resource, facts: wholeList, cluster, owner });
    }
    return nodes;
  }
  unnamed.forEach((facts, i) => nodes.push({ resource, facts, cluster: spare[i], owner }));
  return nodes;
}
