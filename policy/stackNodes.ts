/**
 * The nodes of the stack model: declared clusters and the resources that change their power
 * state. Types only, in their own module so that `stackModel` and `fleetMembers` (which builds
 * fleet members' nodes for it) both import them without importing each other.
 */
import type { PolicyResource } from "@pulumi/policy";
import type { ActionFacts, ClusterFacts } from "./resourceFacts";
import type { UnknownValue } from "./unknowns";

/** An `aws:rds/cluster:Cluster` declared by the stack. */
export interface ClusterNode {
  resource: PolicyResource;
  facts: ClusterFacts;
  aurora: boolean | UnknownValue;
}

/**
 * A resource that stops or starts a cluster, linked to its target where the stack allows; one per
 * member of a `ClusterFleetPowerState`.
 */
export interface ActionNode {
  resource: PolicyResource;
  facts: ActionFacts;
  /** The declared cluster it targets, found by identifier or by property dependency. */
  cluster: ClusterNode | undefined;
  /**
   * What messages name: the `ClusterStopSchedule` that owns a schedule, else the resource itself
   * (for a fleet member, the fleet).
   */
  owner: { kind: ActionFacts["kind"]; name: string; urn: string };
}
