/**
 * Whether a `ClusterKeepStopped` of the stack covers the cluster a holder keeps stopped: it lists
 * the cluster (case-insensitively, or through a property dependency), is enabled, and names the
 * same Region when both say one.
 */
import type { KeeperNode } from "./keeperFacts";
import { clusterKey, identifierKey, targetKeyOf } from "./stackModel";
import type { ActionNode } from "./stackNodes";
import { UnknownValue } from "./unknowns";

/** Keepers' targets by cluster key; targets unknown at preview apart. */
export interface KeeperIndex {
  byTarget: Map<string, KeeperNode[]>;
  /** A target preview cannot tell, per keeper that has one: it may be any cluster. */
  unknownTarget: UnknownValue[];
}

/** Indexes keepers by the clusters they cover, so each look-up is constant time on large stacks. */
export function indexKeepers(keepers: readonly KeeperNode[]): KeeperIndex {
  const byTarget = new Map<string, KeeperNode[]>();
  const unknownTarget: UnknownValue[] = [];
  for (const keeper of keepers) {
    if (keeper.facts.enabled === false) continue; // A disabled keeper covers nothing.
    for (const target of keeper.targets) {
      if (target.cluster === undefined && target.identifier instanceof UnknownValue) {
        unknownTarget.push(new UnknownValue(`${keeper.resource.name}.${target.identifier.path}`));
        continue;
      }
      const keys = [
        target.cluster === undefined ? undefined : clusterKey(target.cluster),
        typeof target.identifier === "string" ? identifierKey(target.identifier) : undefined,
      ];
      for (const key of new Set(keys)) {
        if (key !== undefined) byTarget.set(key, [...(byTarget.get(key) ?? []), keeper]);
      }
    }
  }
  return { byTarget, unknownTarget };
}

/** True when both name a Region and they differ; unknown when either is unknown at preview. */
function regionsDiffer(keeper: KeeperNode, holder: ActionNode): boolean | UnknownValue {
  const own = keeper.facts.region;
  const theirs = holder.facts.holder?.region;
  if (own === undefined || theirs === undefined) {
    return false; // One of them uses the provider's default Region: nothing says they differ.
  }
  if (own instanceof UnknownValue) return new UnknownValue(`${keeper.resource.name}.region`);
  if (theirs instanceof UnknownValue) return new UnknownValue(`${holder.owner.name}.region`);
  return own.toLowerCase() !== theirs.toLowerCase();
}

/**
 * Whether an enabled keeper covers the cluster `holder` keeps stopped: `true`, `false`, or an
 * {@link UnknownValue} naming the input preview cannot know yet (a keeper's `enabled`, `region`
 * or `clusterIdentifiers` element, or the holder's `region`).
 */
export function keptStopped(holder: ActionNode, index: KeeperIndex): boolean | UnknownValue {
  const key = targetKeyOf(holder);
  if (key === undefined || key instanceof UnknownValue) {
    return false;
  }
  const id = holder.facts.targetIdentifier;
  const candidates = new Set([
    ...(index.byTarget.get(key) ?? []),
    ...(typeof id === "string" ? (index.byTarget.get(identifierKey(id)) ?? []) : []),
  ]);
  let unknown: UnknownValue | undefined;
  for (const keeper of candidates) {
    const differ = regionsDiffer(keeper, holder);
    const enabled = keeper.facts.enabled;
    if (differ === false && enabled === true) {
      return true;
    }
    unknown ??= differ instanceof UnknownValue ? differ : undefined;
    unknown ??=
      differ === false && enabled instanceof UnknownValue
        ? new UnknownValue(`${keeper.resource.name}.enabled`)
        : undefined;
  }
  return unknown ?? index.unknownTarget[0] ?? false;
}
