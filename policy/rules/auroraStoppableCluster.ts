import type { ReportViolation, StackValidationArgs, StackValidationPolicy } from "@pulumi/policy";
import {
  stopRefusals,
  type StopRefusal,
  type StopRefusalKind,
} from "../../provider/aurora/stoppability";
import { DEFAULT_CLASSIFICATION, resolveConfig, ruleConfigSchema } from "../config";
import { exemptionOf } from "../classifyEnvironment";
import { crossRegionReplicasOf, declaredStopFacts } from "../declaredStopFacts";
import { globalDatabasesOf, withGlobalMembership } from "../globalDatabases";
import type { ActionFacts } from "../resourceFacts";
import {
  buildStackModel,
  describeAction,
  describeClusterReference,
  stopsCluster,
  targetIdentifierOf,
} from "../stackModel";
import type { ActionNode } from "../stackNodes";
import { UnknownValue, throwUndecided } from "../unknowns";
import { policyMetadata } from "../policyMetadata";

/** How to remove the stop: a fleet keeps holding its other members. */
function removeStopOf(kind: ActionFacts["kind"]): string {
  return kind === "ClusterFleetPowerState"
    ? "remove the cluster from `clusterIdentifiers`"
    : "remove the stop";
}

/**
 * The Pulumi inputs a refusal comes from, named after the shared reason where the reason names
 * none (Serverless v1's reason already names `EngineMode`).
 */
const INPUTS_OF: Readonly<Record<StopRefusalKind, string>> = {
  "multi-az-cluster": " (`dbClusterInstanceClass` set)",
  "serverless-v1": "",
  "retired-engine-mode": " (`engineMode`)",
  "global-database-member": " (`globalClusterIdentifier`)",
  "read-replica": " (`replicationSourceIdentifier`)",
  "cross-region-replica-source": "",
  "blue-green-deployment": "",
};

/** "… stops cluster `x`, which cannot be stopped: <why>. AWS rejects …; <fix>, or <remove>." */
function violationMessage(action: ActionNode, name: string, refusal: StopRefusal): string {
  return (
    `${describeAction(action.owner)} stops cluster ${name}, which cannot be stopped: ` +
    `${refusal.why}${INPUTS_OF[refusal.kind]}. AWS rejects StopDBCluster for it ` +
    `(InvalidDBClusterStateFault); ${refusal.fix}, or ${removeStopOf(action.owner.kind)}.`
  );
}

/**
 * A member of a global database this stack does not declare: the provider would count its
 * members (DescribeGlobalClusters) before stopping it, but a stop schedule fires without asking,
 * and the pack cannot see members declared elsewhere, so it refuses on the safe side and says so.
 */
function unseenGlobalMessage(action: ActionNode, name: string, globalIdentifier: string): string {
  return (
    `${describeAction(action.owner)} stops cluster ${name}, a member of global database ` +
    `\`${globalIdentifier}\` (\`globalClusterIdentifier\`), which this stack does not declare, so the ` +
    "policy pack cannot count its clusters; AWS rejects StopDBCluster for a member of a global " +
    "database of more than one cluster. Declare the `aws.rds.GlobalCluster` in this stack so the " +
    `pack can count its members, ${removeStopOf(action.owner.kind)}, or, if it is the only ` +
    "member, exempt the cluster with the reason."
  );
}

/**
 * Judges every action that stops a declared cluster with the shared decision
 * (`stopRefusals`), from the cluster's declaration and the replicas the stack declares for it.
 */
function validateStack(args: StackValidationArgs, reportViolation: ReportViolation): void {
  const config = resolveConfig(DEFAULT_CLASSIFICATION, args.getConfig());
  const model = buildStackModel(args.resources);
  const replicas = crossRegionReplicasOf(model.clusters);
  const globals = globalDatabasesOf(args.resources, model.clusters);
  const undecided: string[] = [];
  for (const action of model.actions) {
    const cluster = action.cluster;
    const stops = stopsCluster(action.facts);
    if (
      cluster === undefined ||
      stops === false ||
      exemptionOf(cluster.facts.identifier, cluster.facts.tags, config)
    ) {
      continue;
    }
    const membership = globals.get(cluster);
    const declared = withGlobalMembership(declaredStopFacts(cluster, replicas), membership);
    const refusals = stopRefusals(declared.facts);
    const unknown =
      refusals.length === 0 ? declared.unknown : stops instanceof UnknownValue ? stops : undefined;
    if (unknown !== undefined) {
      undecided.push(`${describeAction(action.owner)}: \`${unknown.path}\` is unknown`);
      continue;
    }
    const name = describeClusterReference(targetIdentifierOf(action), cluster.resource.name);
    for (const refusal of refusals) {
      const unseen =
        refusal.kind === "global-database-member" && membership?.memberCount === undefined;
      const message = unseen
        ? unseenGlobalMessage(action, name, membership?.globalIdentifier ?? "?")
        : violationMessage(action, name, refusal);
      reportViolation(message, action.owner.urn);
    }
  }
  if (undecided.length > 0) {
    throwUndecided(undecided);
  }
}

/**
 * `aurora-stoppable-cluster`: no `ClusterPowerState`, `ClusterFleetPowerState` or stop schedule
 * stops a cluster the stack declares as one AWS cannot stop (Serverless v1, member of a global
 * database of several clusters, read replica, source of a cross-Region read replica, non-Aurora
 * Multi-AZ DB cluster), as the provider decides it (`stopRefusals`). The sole member of an
 * `aws.rds.GlobalCluster` the stack declares may be stopped; a member of a global database the
 * stack does not declare is refused, since the pack cannot count its members. A Blue/Green deployment is not declared in a stack (the
 * provider learns of it from RDS), so this rule cannot see one.
 */
export const auroraStoppableCluster: StackValidationPolicy = {
  name: "aurora-stoppable-cluster",
  ...policyMetadata("aurora-stoppable-cluster"),
  description:
    "Stops only target clusters AWS can stop: not Serverless v1, members of a global database of several clusters, read replicas, sources of cross-Region replicas or Multi-AZ DB clusters.",
  enforcementLevel: "mandatory",
  configSchema: ruleConfigSchema(),
  validateStack,
};
