import type { ReportViolation, StackValidationArgs, StackValidationPolicy } from "@pulumi/policy";
import {
  stopRefusals,
  type StopRefusal,
  type StopRefusalKind,
} from "../../provider/aurora/stoppability";
import { DEFAULT_CLASSIFICATION, resolveConfig, ruleConfigSchema } from "../config";
import { exemptionOf } from "../classifyEnvironment";
import { crossRegionReplicasOf, declaredStopFacts } from "../declaredStopFacts";
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
 * Judges every action that stops a declared cluster with the shared decision
 * (`stopRefusals`), from the cluster's declaration and the replicas the stack declares for it.
 */
function validateStack(args: StackValidationArgs, reportViolation: ReportViolation): void {
  const config = resolveConfig(DEFAULT_CLASSIFICATION, args.getConfig());
  const model = buildStackModel(args.resources);
  const replicas = crossRegionReplicasOf(model.clusters);
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
    const declared = declaredStopFacts(cluster, replicas);
    const refusals = stopRefusals(declared.facts);
    const unknown =
      refusals.length === 0 ? declared.unknown : stops instanceof UnknownValue ? stops : undefined;
    if (unknown !== undefined) {
      undecided.push(`${describeAction(action.owner)}: \`${unknown.path}\` is unknown`);
      continue;
    }
    const name = describeClusterReference(targetIdentifierOf(action), cluster.resource.name);
    for (const refusal of refusals) {
      reportViolation(violationMessage(action, name, refusal), action.owner.urn);
    }
  }
  if (undecided.length > 0) {
    throwUndecided(undecided);
  }
}

/**
 * `aurora-stoppable-cluster`: no `ClusterPowerState`, `ClusterFleetPowerState` or stop schedule
 * stops a cluster the stack declares as one AWS cannot stop (Serverless v1, global database member,
 * read replica, source of a cross-Region read replica, non-Aurora Multi-AZ DB cluster), as the
 * provider decides it (`stopRefusals`). A Blue/Green deployment is not declared in a stack (the
 * provider learns of it from RDS), so this rule cannot see one.
 */
export const auroraStoppableCluster: StackValidationPolicy = {
  name: "aurora-stoppable-cluster",
  description:
    "Stops only target clusters AWS can stop: not Serverless v1, global database members, read replicas, sources of cross-Region replicas or Multi-AZ DB clusters.",
  enforcementLevel: "mandatory",
  configSchema: ruleConfigSchema(),
  validateStack,
};
