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
import { deletionStopOf } from "../holderFacts";
import { ActionFacts, isScheduleOfComponent, powerActionsOf, typeOfUrn } from "../resourceFacts";
import {
  buildStackModel,
  describeAction,
  describeClusterReference,
  stopsCluster,
  targetIdentifierOf,
} from "../stackModel";
import type { ActionNode } from "../stackNodes";
import { Maybe, UnknownValue, throwUndecided } from "../unknowns";
import { ProductionStop, productionStopMessage } from "./productionStopMessage";
import { policyMetadata } from "../policyMetadata";

/**
 * Every way an action stops its cluster: its `state` (or an enabled stop schedule), and, for a
 * holder, its `onDelete` when it lets go. An {@link UnknownValue} stands for one preview cannot tell.
 */
function stopsOf(facts: ActionFacts): (ProductionStop | UnknownValue)[] {
  const stops: (ProductionStop | UnknownValue)[] = [];
  const byState = stopsCluster(facts);
  if (byState !== false) {
    stops.push(byState === true ? "state" : byState);
  }
  const byDeletion = facts.holder === undefined ? undefined : deletionStopOf(facts.holder);
  if (byDeletion !== undefined) {
    stops.push(byDeletion);
  }
  return stops;
}

/**
 * True for the stops the resource check sees and reports: `initialState` is an output, so a
 * restore to `stopped` only shows in the stack check.
 */
function seenByResourceCheck(stop: ProductionStop): boolean {
  return stop !== "restore-to-stopped";
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
 * own, its `state` and its `onDelete`. Unknown inputs are left to the stack check, which can follow
 * property dependencies. Not applicable when every cluster the resource stops is exempt.
 */
function validateResource(args: ResourceValidationArgs, reportViolation: ReportViolation): void {
  const config = resolveConfig(DEFAULT_CLASSIFICATION, args.getConfig());
  const parentType = args.opts.parent === undefined ? undefined : typeOfUrn(args.opts.parent);
  if (isScheduleOfComponent(args.type, parentType)) {
    return;
  }
  const found = powerActionsOf(args.type, args.props).flatMap((facts) =>
    stopsOf(facts)
      .filter((stop): stop is ProductionStop => typeof stop === "string")
      .filter(seenByResourceCheck)
      .map((stop) => ({ facts, stop })),
  );
  const exempt = new Set<string>();
  let exemptCount = 0;
  for (const { facts, stop } of found) {
    const identifier = facts.targetIdentifier;
    const exemption = exemptionOf(identifier, undefined, config);
    if (exemption !== undefined) {
      exempt.add(`cluster ${describeClusterReference(identifier)} is exempt (${exemption})`);
      exemptCount += 1;
      continue;
    }
    const classification = resourceVerdict(identifier, args.stackTags, config);
    if (classification !== undefined) {
      const actor = describeAction({ kind: facts.kind, name: args.name });
      const finding = {
        actor,
        kind: facts.kind,
        holder: facts.holder,
        stop,
        identifier,
        classification,
      };
      reportViolation(productionStopMessage(finding, config));
    }
  }
  if (found.length > 0 && exemptCount === found.length) {
    args.notApplicable([...exempt].join("; "));
  }
}

/** Judges one stop of one action; returns what preview could not decide. */
function judgeStackStop(
  action: ActionNode,
  stop: ProductionStop | UnknownValue,
  args: StackValidationArgs,
  config: ClassificationConfig,
  reportViolation: ReportViolation,
): string | undefined {
  if (typeof stop === "string" && seenByResourceCheck(stop)) {
    if (resourceVerdict(action.facts.targetIdentifier, args.stackTags, config) !== undefined) {
      return undefined; // The resource check has reported it already.
    }
  }
  const identifier = targetIdentifierOf(action);
  const tags = action.cluster?.facts.tags;
  const classification = classifyEnvironment(
    { identifier, tags, stackTags: args.stackTags },
    config,
  );
  if (classification instanceof UnknownValue) {
    return `${describeAction(action.owner)}: \`${classification.path}\` is unknown`;
  }
  if (classification.environment !== "production") {
    return undefined;
  }
  if (stop instanceof UnknownValue) {
    return `${describeAction(action.owner)}: \`${stop.path}\` is unknown`;
  }
  const finding = {
    actor: describeAction(action.owner),
    kind: action.owner.kind,
    holder: action.facts.holder,
    stop,
    identifier,
    classification,
    clusterResourceName: action.cluster?.resource.name,
  };
  reportViolation(productionStopMessage(finding, config), action.owner.urn);
  return undefined;
}

/**
 * Stack check: adds what only the whole stack shows, i.e. a target classified production by the
 * tags of its `aws.rds.Cluster` declaration, a restore to the `stopped` state recorded at adoption
 * (an output), and reports what preview could not decide.
 */
function validateStack(args: StackValidationArgs, reportViolation: ReportViolation): void {
  const config = resolveConfig(DEFAULT_CLASSIFICATION, args.getConfig());
  const undecided: string[] = [];
  for (const action of buildStackModel(args.resources).actions) {
    const identifier = targetIdentifierOf(action);
    if (exemptionOf(identifier, action.cluster?.facts.tags, config) !== undefined) {
      continue;
    }
    for (const stop of stopsOf(action.facts)) {
      const unknown = judgeStackStop(action, stop, args, config, reportViolation);
      if (unknown !== undefined) {
        undecided.push(unknown);
      }
    }
  }
  if (undecided.length > 0) {
    throwUndecided(undecided);
  }
}

/**
 * `aurora-production-never-stopped`: no `ClusterPowerState` with `state: "stopped"`, no
 * `ClusterFleetPowerState` with `state: "stopped"` listing it in `clusterIdentifiers`, and no stop
 * schedule targets a production cluster; nor does a holder stop one when it lets go of it
 * (`onDelete: "stopped"`, or `restore` to a recorded `initialState` of `stopped`).
 */
export const auroraProductionNeverStopped: ResourceValidationPolicy & StackValidationPolicy = {
  name: "aurora-production-never-stopped",
  ...policyMetadata("aurora-production-never-stopped"),
  description:
    "No ClusterPowerState or ClusterFleetPowerState holds a production Aurora cluster stopped and no schedule stops one.",
  enforcementLevel: "mandatory",
  configSchema: ruleConfigSchema(),
  validateResource,
  validateStack,
};
