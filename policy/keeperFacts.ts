/**
 * What the policy pack reads from a `ClusterKeepStopped` component (an EventBridge rule on RDS's
 * automatic start of its clusters, RDS-EVENT-0153, starting the stop workflow) and which clusters
 * of the stack it covers. Rules judge the component's inputs, never its children (the rule, the
 * state machine, the roles).
 */
import type { PolicyResource } from "@pulumi/policy";
import { CLUSTER_KEEP_STOPPED_TYPE } from "../provider/aurora/typeTokens";
import type { ClusterNode } from "./stackNodes";
import { Maybe, UnknownValue, readProp, readString } from "./unknowns";

/** The inputs of a `ClusterKeepStopped` that decide what it covers. */
export interface KeeperFacts {
  /**
   * One entry per element of `clusterIdentifiers` (repeats in another case once); an element
   * unknown at preview is an {@link UnknownValue}, a list unknown as a whole is one.
   */
  identifiers: (string | UnknownValue)[];
  /** The `region` input; absent means the provider's default. */
  region: Maybe<string>;
  /** `enabled` (default `true`); a disabled keeper covers nothing. */
  enabled: boolean | UnknownValue;
}

/** One cluster a keeper covers: a declared cluster, or one it only names. */
export interface KeeperTarget {
  /** The element's identifier, or an {@link UnknownValue} when preview cannot tell it. */
  identifier: string | UnknownValue;
  /** The declared cluster it names, or the one its property dependency leads to. */
  cluster: ClusterNode | undefined;
}

/** A `ClusterKeepStopped` of the stack, linked to the clusters it covers. */
export interface KeeperNode {
  resource: PolicyResource;
  facts: KeeperFacts;
  targets: KeeperTarget[];
}

/** True for a `ClusterKeepStopped` component. */
export function isKeeper(resource: PolicyResource): boolean {
  return resource.type === CLUSTER_KEEP_STOPPED_TYPE;
}

/** Reads a `ClusterKeepStopped`'s {@link KeeperFacts}. */
export function keeperFacts(props: unknown): KeeperFacts {
  const enabled = readProp(props, "enabled");
  const facts = {
    region: readString(props, "region"),
    enabled: enabled instanceof UnknownValue ? enabled : enabled !== false,
  };
  const list = readProp(props, "clusterIdentifiers");
  if (list instanceof UnknownValue) {
    return { ...facts, identifiers: [list] };
  }
  const identifiers: (string | UnknownValue)[] = [];
  const seen = new Set<string>();
  for (let i = 0; Array.isArray(list) && i < list.length; i++) {
    const identifier = readString(list, String(i), `clusterIdentifiers[${i}]`);
    if (typeof identifier === "string") {
      if (seen.has(identifier.toLowerCase())) continue;
      seen.add(identifier.toLowerCase());
    }
    if (identifier !== undefined) identifiers.push(identifier);
  }
  return { ...facts, identifiers };
}

/**
 * Links a keeper's elements to declared clusters, as `linkFleetMembers` links a fleet's members:
 * a known identifier to the cluster declaring it (case-insensitively); elements unknown at preview
 * to the clusters `clusterIdentifiers` depends on that no known element names, in order (a list
 * unknown as a whole, to all of them). Elements left over stay unknown.
 *
 * @param dependencies Declared clusters `clusterIdentifiers` depends on, in dependency order.
 */
export function linkKeeper(
  resource: PolicyResource,
  byIdentifier: ReadonlyMap<string, ClusterNode>,
  dependencies: readonly ClusterNode[],
): KeeperNode {
  const facts = keeperFacts(resource.props);
  const targets: KeeperTarget[] = [];
  const unnamed: UnknownValue[] = [];
  for (const identifier of facts.identifiers) {
    if (identifier instanceof UnknownValue) {
      unnamed.push(identifier);
    } else {
      targets.push({ identifier, cluster: byIdentifier.get(identifier.toLowerCase()) });
    }
  }
  const named = new Set(targets.map((t) => t.cluster));
  const spare = unnamed.length === 0 ? [] : dependencies.filter((c) => !named.has(c));
  const wholeList = unnamed.find((u) => u.path === "clusterIdentifiers");
  if (wholeList !== undefined && spare.length > 0) {
    targets.push(...spare.map((cluster) => ({ identifier: wholeList, cluster })));
  } else {
    unnamed.forEach((identifier, i) => targets.push({ identifier, cluster: spare[i] }));
  }
  return { resource, facts, targets };
}
