import type {
  ReportViolation,
  ResourceValidationArgs,
  ResourceValidationPolicy,
  StackValidationArgs,
  StackValidationPolicy,
} from "@pulumi/policy";
import {
  ClassificationConfig,
  DEFAULT_CLASSIFICATION,
  resolveConfig,
  ruleConfigSchema,
} from "../config";
import {
  Classification,
  classifyByEvidence,
  classifyEnvironment,
  exemptionOf,
} from "../classifyEnvironment";
import { ActionFacts, isScheduleOfComponent, powerActionsOf, typeOfUrn } from "../resourceFacts";
import {
  buildStackModel,
  describeAction,
  describeClusterReference,
  stopsCluster,
  targetIdentifierOf,
} from "../stackModel";
import { Maybe, UnknownValue, throwUndecided } from "../unknowns";

const FIXES: Record<ActionFacts["kind"], string> = {
  ClusterPowerState: 'set `state: "running"` or remove the resource',
  ClusterFleetPowerState: 'remove the cluster from `clusterIdentifiers` or set `state: "running"`',
  ClusterStopSchedule: "remove the schedule or set `enabled: false`",
  Schedule: 'remove the schedule or set `state: "DISABLED"`',
};

function violationMessage(
  actor: string,
  kind: ActionFacts["kind"],
  identifier: Maybe<string>,
  classification: Classification,
  config: ClassificationConfig,
  clusterResourceName?: string,
): string {
  const tagKey = config.environmentTagKeys[0] ?? "Environment";
  return (
    `${actor} stops production cluster ${describeClusterReference(identifier, clusterResourceName)} (${classification.reason}). ` +
    `Production clusters must keep running: ${FIXES[kind]}. If the cluster is not production, tag it ` +
    `\`${tagKey}\` with its environment or list it in \`exemptClusterIdentifiers\`.`
  );
}

/** What the resource check alone concludes: production only on stack-tag or identifier evidence. */
function resourceVerdict(
  identifier: Maybe<string>,
  stackTags: ReadonlyMap<string, string>,
  config: ClassificationConfig,
): Classification | undefined {
  const verdict = classifyByEvidence({ identifier, tags: undefined, stackTags }, config);
  return verdict instanceof UnknownValue || verdict?.environment !== "production"
    ? undefined
    : verdict;
}

/**
 * Resource check, before anything changes (also under `pulumi up --skip-preview`, where stack
 * checks only run after the update): judges the resource's own inputs, each fleet member on its
 * own. Unknown inputs are left to the stack check, which can follow property dependencies. Not
 * applicable when every cluster the resource stops is exempt.
 */
function validateResource(args: ResourceValidationArgs, reportViolation: ReportViolation): void {
  const parentType = args.opts.parent === undefined ? undefined : typeOfUrn(args.opts.parent);
  if (isScheduleOfComponent(args.type, parentType)) {
    return;
  }
  const stops = powerActionsOf(args.type, args.props).filter(
    (facts) => stopsCluster(facts) === true,
  );
  if (stops.length === 0) {
    return;
  }
  const config = resolveConfig(DEFAULT_CLASSIFICATION, args.getConfig());
  const exempt: string[] = [];
  for (const facts of stops) {
    const exemption = exemptionOf(facts.targetIdentifier, undefined, config);
    if (exemption !== undefined) {
      exempt.push(
        `cluster ${describeClusterReference(facts.targetIdentifier)} is exempt (${exemption})`,
      );
      continue;
    }
    const verdict = resourceVerdict(facts.targetIdentifier, args.stackTags, config);
    if (verdict !== undefined) {
      const actor = describeAction({ kind: facts.kind, name: args.name });
      reportViolation(violationMessage(actor, facts.kind, facts.targetIdentifier, verdict, config));
    }
  }
  if (exempt.length === stops.length) {
    args.notApplicable(exempt.join("; "));
  }
}

/**
 * Stack check: adds what only the whole stack shows, i.e. a target classified production by the
 * tags of its `aws.rds.Cluster` declaration, and reports what preview could not decide.
 */
function validateStack(args: StackValidationArgs, reportViolation: ReportViolation): void {
  const config = resolveConfig(DEFAULT_CLASSIFICATION, args.getConfig());
  const undecided: string[] = [];
  for (const action of buildStackModel(args.resources).actions) {
    const stops = stopsCluster(action.facts);
    const identifier = targetIdentifierOf(action);
    const tags = action.cluster?.facts.tags;
    if (stops === false || exemptionOf(identifier, tags, config) !== undefined) {
      continue;
    }
    if (resourceVerdict(action.facts.targetIdentifier, args.stackTags, config) !== undefined) {
      continue; // The resource check has reported it already.
    }
    const classification = classifyEnvironment(
      { identifier, tags, stackTags: args.stackTags },
      config,
    );
    if (classification instanceof UnknownValue) {
      undecided.push(`${describeAction(action.owner)}: \`${classification.path}\` is unknown`);
      continue;
    }
    if (classification.environment === "production" && stops instanceof UnknownValue) {
      undecided.push(`${describeAction(action.owner)}: \`${stops.path}\` is unknown`);
      continue;
    }
    if (classification.environment !== "production") {
      continue;
    }
    const message = violationMessage(
      describeAction(action.owner),
      action.owner.kind,
      identifier,
      classification,
      config,
      action.cluster?.resource.name,
    );
    reportViolation(message, action.owner.urn);
  }
  if (undecided.length > 0) {
    throwUndecided(undecided);
  }
}

/**
 * `aurora-production-never-stopped`: no `ClusterPowerState` with `state: "stopped"`, no
 * `ClusterFleetPowerState` with `state: "stopped"` listing it in `clusterIdentifiers`, and no stop
 * schedule targets a production cluster.
 */
export const auroraProductionNeverStopped: ResourceValidationPolicy & StackValidationPolicy = {
  name: "aurora-production-never-stopped",
  description:
    "No ClusterPowerState or ClusterFleetPowerState holds a production Aurora cluster stopped and no schedule stops one.",
  enforcementLevel: "mandatory",
  configSchema: ruleConfigSchema(),
  validateResource,
  validateStack,
};
