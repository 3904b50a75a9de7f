/**
 * The Aurora global databases a stack declares (`aws.rds.GlobalCluster`) and their member
 * clusters, so the pack can tell a sole member (which AWS lets stop) from a member of a global
 * database of several clusters (which it does not). Source: "Stopping and starting an Amazon
 * Aurora DB cluster" (Aurora User Guide), Limitations: a cluster that is part of an Aurora global
 * database can be stopped only if it is the only cluster in the global database.
 */
import type { PolicyResource } from "@pulumi/policy";
import { regionOfArn, type StopFacts } from "../provider/aurora/stoppability";
import {
  identifierOfSource,
  regionOfDeclaration,
  type DeclaredStopFacts,
} from "./declaredStopFacts";
import type { ClusterNode } from "./stackNodes";
import { Maybe, UnknownValue, readProp, readString } from "./unknowns";

/** Type token of `aws.rds.GlobalCluster`. */
export const RDS_GLOBAL_CLUSTER_TYPE = "aws:rds/globalCluster:GlobalCluster";

/** A member cluster: its identifier (lowercase) and Region when known. */
interface Member {
  identifier: string;
  region: string | undefined;
}

/** What the stack says about a cluster's global database. */
export interface GlobalMembership {
  /** The global database, as the stack names it. */
  globalIdentifier: string;
  /**
   * Member clusters the stack shows (declared members, the cluster it was created from, and the
   * `globalClusterMembers` output); `undefined` when the global database is not declared in this
   * stack, so its other members cannot be seen.
   */
  memberCount: number | undefined;
  /** Set when a count under two may still grow: `globalClusterMembers` is unknown at preview. */
  unknown?: UnknownValue;
}

/** A declared global database and the members the stack shows for it. */
interface GlobalDatabase {
  resource: PolicyResource;
  identifier: Maybe<string>;
  members: Member[];
  /** The `globalClusterMembers` output, unknown at preview for a new global database. */
  outputMembers: UnknownValue | undefined;
}

const known = (value: Maybe<string>): string | undefined =>
  typeof value === "string" && value !== "" ? value : undefined;

/** Adds a member unless it is there already (same identifier, same or unknown Region). */
function addMember(members: Member[], member: Member): void {
  const same = members.some(
    (m) =>
      m.identifier === member.identifier &&
      (m.region === undefined || member.region === undefined || m.region === member.region),
  );
  if (!same) {
    members.push(member);
  }
}

function memberOfReference(reference: string): Member {
  return { identifier: identifierOfSource(reference), region: regionOfArn(reference) };
}

/** True when the cluster names the global database, by identifier or by property dependency. */
function declaresMembership(cluster: ClusterNode, global: GlobalDatabase): boolean {
  const named = known(cluster.facts.globalClusterIdentifier);
  const own = known(global.identifier);
  if (named !== undefined && own !== undefined) {
    // RDS stores global cluster identifiers lowercase, like cluster identifiers.
    return named.toLowerCase() === own.toLowerCase();
  }
  const dependencies = cluster.resource.propertyDependencies.globalClusterIdentifier ?? [];
  return dependencies.some((d) => d.urn === global.resource.urn);
}

/** The members the global database's own properties show: its source and its output list. */
function globalDatabaseOf(resource: PolicyResource): GlobalDatabase {
  const members: Member[] = [];
  const source = known(readString(resource.props, "sourceDbClusterIdentifier"));
  if (source !== undefined) {
    addMember(members, memberOfReference(source));
  }
  const listed = readProp(resource.props, "globalClusterMembers");
  if (Array.isArray(listed)) {
    listed.forEach((_entry, i) => {
      const arn = known(readString(listed, String(i), `globalClusterMembers[${i}]`));
      const entry = arn === undefined ? readProp(listed, String(i)) : undefined;
      const nested = known(readString(entry, "dbClusterArn", `globalClusterMembers[${i}]`));
      const reference = arn ?? nested;
      if (reference !== undefined) {
        addMember(members, memberOfReference(reference));
      }
    });
  }
  return {
    resource,
    identifier: readString(resource.props, "globalClusterIdentifier"),
    members,
    outputMembers: listed instanceof UnknownValue ? listed : undefined,
  };
}

/** The global databases of a stack, with each declared cluster's membership. */
export type GlobalDatabases = ReadonlyMap<ClusterNode, GlobalMembership>;

/**
 * Links every declared `aws.rds.GlobalCluster` to its member clusters and returns, for each
 * declared cluster that is a member of one, what the stack shows of it. A cluster naming a
 * global database the stack does not declare gets `memberCount: undefined`.
 */
export function globalDatabasesOf(
  resources: readonly PolicyResource[],
  clusters: readonly ClusterNode[],
): GlobalDatabases {
  const globals = resources.filter((r) => r.type === RDS_GLOBAL_CLUSTER_TYPE).map(globalDatabaseOf);
  const memberships = new Map<ClusterNode, GlobalMembership>();
  const linked = new Map<ClusterNode, GlobalDatabase>();
  for (const global of globals) {
    for (const cluster of clusters) {
      const identifier = known(cluster.facts.identifier)?.toLowerCase();
      const isSource =
        identifier !== undefined && global.members.some((m) => m.identifier === identifier);
      if (declaresMembership(cluster, global) || isSource) {
        linked.set(cluster, global);
        if (identifier !== undefined) {
          addMember(global.members, { identifier, region: regionOfDeclaration(cluster) });
        } else {
          global.members.push({ identifier: `urn:${cluster.resource.urn}`, region: undefined });
        }
      }
    }
  }
  for (const [cluster, global] of linked) {
    const count = global.members.length;
    memberships.set(cluster, {
      globalIdentifier: known(global.identifier) ?? global.resource.name,
      memberCount: count,
      unknown: count < 2 ? global.outputMembers : undefined,
    });
  }
  for (const cluster of clusters) {
    const named = known(cluster.facts.globalClusterIdentifier);
    if (named !== undefined && !memberships.has(cluster)) {
      memberships.set(cluster, { globalIdentifier: named, memberCount: undefined });
    }
  }
  return memberships;
}

/**
 * The declared {@link StopFacts} completed with what the stack shows of the cluster's global
 * database: its identifier (also when the cluster names it through an output unknown at preview)
 * and its member count, which the shared decision reads. A `globalClusterMembers` unknown at preview is
 * the fact preview cannot know; a global database this stack does not declare gives no count, which
 * the shared decision refuses (the safe side).
 */
export function withGlobalMembership(
  declared: DeclaredStopFacts,
  membership: GlobalMembership | undefined,
): DeclaredStopFacts {
  if (membership === undefined) {
    return declared;
  }
  const facts: StopFacts = {
    ...declared.facts,
    globalClusterIdentifier: membership.globalIdentifier,
    globalClusterMemberCount: membership.memberCount,
  };
  const previous =
    declared.unknown?.path === "globalClusterIdentifier" ? undefined : declared.unknown;
  return { facts, unknown: previous ?? membership.unknown };
}
