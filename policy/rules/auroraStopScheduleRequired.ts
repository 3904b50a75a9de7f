import type {
  ReportViolation,
  ResourceValidationPolicy,
  StackValidationArgs,
  StackValidationPolicy,
} from "@pulumi/policy";
import { resolveConfig, ruleConfigSchema } from "../config";
import { classifyEnvironment, exemptionOf } from "../classifyEnvironment";
import { holdsPowerState } from "../resourceFacts";
import {
  ActionIndex,
  buildStackModel,
  clusterKey,
  describeClusterReference,
  indexActions,
  stopsCluster,
} from "../stackModel";
import type { ActionNode, ClusterNode } from "../stackNodes";
import { Maybe, UnknownValue, throwUndecided } from "../unknowns";
import { remediateScheduleTag } from "./remediateScheduleTag";
import {
  STOP_SCHEDULE_REQUIRED_DEFAULTS,
  type StopScheduleRequiredConfig,
} from "./stopScheduleRequiredConfig";

export {
  STOP_SCHEDULE_REQUIRED_DEFAULTS,
  type StopScheduleRequiredConfig,
} from "./stopScheduleRequiredConfig";

/**
 * A cluster the rule judges: declared in the stack, or only named by a `ClusterPowerState` or in a
 * `ClusterFleetPowerState`'s `clusterIdentifiers`.
 */
interface Subject {
  key: string;
  identifier: Maybe<string>;
  cluster?: ClusterNode;
  urn: string;
  resourceName: string;
}

function subjectsOf(clusters: readonly ClusterNode[], index: ActionIndex): Subject[] {
  const subjects: Subject[] = [];
  for (const cluster of clusters) {
    if (cluster.aurora !== false) {
      const { urn, name } = cluster.resource;
      subjects.push({
        key: clusterKey(cluster),
        identifier: cluster.facts.identifier,
        cluster,
        urn,
        resourceName: name,
      });
    }
  }
  for (const [key, actions] of index.byTarget) {
    const first = actions.find((a) => holdsPowerState(a.facts) && a.cluster === undefined);
    if (first !== undefined && typeof first.facts.targetIdentifier === "string") {
      const { urn, name } = first.resource;
      subjects.push({ key, identifier: first.facts.targetIdentifier, urn, resourceName: name });
    }
  }
  return subjects;
}

/**
 * Whether a stop schedule covers the subject: true, false, or unknown at preview.
 * @param maybeOurs A stop whose target is unknown at preview, which may be this cluster's.
 */
function coverage(
  subject: Subject,
  index: ActionIndex,
  config: StopScheduleRequiredConfig,
  maybeOurs: ActionNode | undefined,
): boolean | UnknownValue {
  const tags = subject.cluster?.facts.tags;
  if (tags !== undefined && !(tags instanceof UnknownValue)) {
    const wanted = new Set(config.scheduleTagKeys.map((k) => k.toLowerCase()));
    for (const [key, value] of tags) {
      if (wanted.has(key.toLowerCase()) && value !== "" && value !== undefined) {
        return true;
      }
    }
  }
  let unknown: UnknownValue | undefined;
  for (const action of index.byTarget.get(subject.key) ?? []) {
    const stops = stopsCluster(action.facts);
    if (stops === true) {
      return true;
    }
    unknown ??= stops instanceof UnknownValue ? stops : undefined;
  }
  if (tags instanceof UnknownValue) {
    return tags;
  }
  return (
    unknown ??
    (maybeOurs === undefined
      ? false
      : new UnknownValue(`${maybeOurs.resource.name}.${maybeOurs.facts.targetProperty}`))
  );
}

function violationMessage(
  subject: Subject,
  reason: string,
  config: StopScheduleRequiredConfig,
): string {
  const tags = config.scheduleTagKeys.map((k) => `\`${k}\``).join(", ");
  return (
    `Aurora cluster ${describeClusterReference(subject.identifier, subject.resourceName)} is non-production (${reason}) ` +
    `and has no stop schedule, so it runs around the clock. Add a \`ClusterStopSchedule\` for it, ` +
    `hold it stopped with a \`ClusterPowerState\` or a \`ClusterFleetPowerState\` (\`state: "stopped"\`), ` +
    `or tag it with one of ${tags}; ` +
    `to exempt it, tag it \`${config.exemptionTagKey}\` with the reason.`
  );
}

function validateStack(args: StackValidationArgs, reportViolation: ReportViolation): void {
  const config = resolveConfig(STOP_SCHEDULE_REQUIRED_DEFAULTS, args.getConfig());
  const model = buildStackModel(args.resources);
  const index = indexActions(model.actions);
  const subjects = subjectsOf(model.clusters, index);
  const undecided: string[] = [];
  const exempt: string[] = [];
  // Found once, not per subject: a stack may hold many unknown targets (fleet elements).
  const maybeOurs = index.unknownTarget.find((a) => stopsCluster(a.facts) !== false);
  for (const subject of subjects) {
    const name = describeClusterReference(subject.identifier, subject.resourceName);
    const exemption = exemptionOf(subject.identifier, subject.cluster?.facts.tags, config);
    if (exemption !== undefined) {
      exempt.push(`cluster ${name} is exempt (${exemption})`);
      continue;
    }
    const covered = coverage(subject, index, config, maybeOurs);
    if (covered === true) {
      continue;
    }
    const aurora = subject.cluster?.aurora ?? true;
    const classification = classifyEnvironment(
      {
        identifier: subject.identifier,
        tags: subject.cluster?.facts.tags,
        stackTags: args.stackTags,
      },
      config,
    );
    if (classification instanceof UnknownValue) {
      undecided.push(`cluster ${name}: \`${classification.path}\` is unknown`);
      continue;
    }
    if (classification.environment === "production") {
      continue;
    }
    const unknown = [aurora, covered].find((v) => v instanceof UnknownValue);
    if (unknown !== undefined) {
      undecided.push(`cluster ${name}: \`${unknown.path}\` is unknown`);
      continue;
    }
    reportViolation(violationMessage(subject, classification.reason, config), subject.urn);
  }
  if (undecided.length > 0) {
    throwUndecided(undecided);
  }
  if (subjects.length === 0) {
    args.notApplicable(
      "the stack declares no Aurora cluster, no `ClusterPowerState` and no `ClusterFleetPowerState`",
    );
  }
  if (exempt.length === subjects.length) {
    args.notApplicable(exempt.join("; "));
  }
}

/**
 * `aurora-stop-schedule-required`: every non-production Aurora cluster the stack manages (each
 * `aws.rds.Cluster` with an `aurora*` engine, each `ClusterPowerState` target and each
 * `ClusterFleetPowerState` member) has a stop schedule; a fleet holding it stopped counts as one.
 * A `ClusterKeepStopped` alone is none (it stops a cluster again only after AWS started one that
 * something else stopped), so it is no action of the stack model. With enforcement level
 * `remediate` it also tags non-production `aws.rds.Cluster`s that carry no schedule tag with
 * `remediationTagKey=remediationTagValue`.
 */
export const auroraStopScheduleRequired: StackValidationPolicy & ResourceValidationPolicy = {
  name: "aurora-stop-schedule-required",
  description:
    "Every non-production Aurora cluster has a stop schedule (ClusterStopSchedule, a stopDBCluster schedule, a ClusterPowerState or ClusterFleetPowerState holding it stopped, or a scheduler tag).",
  enforcementLevel: "mandatory",
  configSchema: ruleConfigSchema({
    scheduleTagKeys: {
      type: "array",
      items: { type: "string" },
      default: [...STOP_SCHEDULE_REQUIRED_DEFAULTS.scheduleTagKeys],
      description: "Cluster tags that count as a stop schedule run by another tool.",
    },
    remediationTagKey: {
      type: "string",
      default: STOP_SCHEDULE_REQUIRED_DEFAULTS.remediationTagKey,
      description: "Tag added by the `remediate` enforcement level.",
    },
    remediationTagValue: {
      type: "string",
      default: STOP_SCHEDULE_REQUIRED_DEFAULTS.remediationTagValue,
      description: "Value of the tag added by the `remediate` enforcement level.",
    },
  }),
  validateStack,
  remediateResource: (args) =>
    remediateScheduleTag(args, resolveConfig(STOP_SCHEDULE_REQUIRED_DEFAULTS, args.getConfig())),
};
