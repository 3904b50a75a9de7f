/**
 * The decision of `aurora-stop-schedule-required`, cluster by cluster: which non-production Aurora
 * clusters lack a stop schedule (violations), which take scale to zero instead (reported by the
 * advisory rule `aurora-scale-to-zero-instead-of-schedule`), and what preview cannot decide. One
 * decision, read by both rules, so they never disagree on a cluster.
 */
import type { StackValidationArgs } from "@pulumi/policy";
import { resolveConfig } from "./config";
import { classifyEnvironment, exemptionOf } from "./classifyEnvironment";
import { globalDatabasesOf } from "./globalDatabases";
import { holdsPowerState } from "./resourceFacts";
import { pauseBlockersOf, scaleToZeroOf, type PauseBlockers } from "./scaleToZero";
import { blockedScaleToZeroClause, scaleToZeroAdvisory } from "./scaleToZeroMessages";
import {
  ActionIndex,
  buildStackModel,
  clusterKey,
  describeClusterReference,
  indexActions,
  stopsCluster,
} from "./stackModel";
import type { ActionNode, ClusterNode } from "./stackNodes";
import { Maybe, UnknownValue } from "./unknowns";
import {
  STOP_SCHEDULE_REQUIRED_DEFAULTS,
  type StopScheduleRequiredConfig,
} from "./rules/stopScheduleRequiredConfig";

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
  blockers: readonly string[] = [],
): string {
  const tags = config.scheduleTagKeys.map((k) => `\`${k}\``).join(", ");
  return (
    `Aurora cluster ${describeClusterReference(subject.identifier, subject.resourceName)} is non-production (${reason}) ` +
    `and has no stop schedule, so it runs around the clock${blockedScaleToZeroClause(blockers)}. Add a \`ClusterStopSchedule\` for it, ` +
    `hold it stopped with a \`ClusterPowerState\` or a \`ClusterFleetPowerState\` (\`state: "stopped"\`), ` +
    `or tag it with one of ${tags}; ` +
    `to exempt it, tag it \`${config.exemptionTagKey}\` with the reason.`
  );
}

/** What the rule concludes about one cluster. */
type Verdict =
  | { kind: "fine" }
  | { kind: "exempt" | "undecided"; reason: string }
  | { kind: "violation" | "scale-to-zero"; message: string; urn: string };

/** The stack-wide context of {@link judgeSubject}. */
interface Context {
  index: ActionIndex;
  config: StopScheduleRequiredConfig;
  stackTags: ReadonlyMap<string, string>;
  pauseBlockers: PauseBlockers;
  /** A stop whose target is unknown at preview, which may be any cluster's. */
  maybeOurs: ActionNode | undefined;
}

/**
 * Judges one non-production cluster with no stop schedule: scale to zero counts instead when
 * `acceptScaleToZero` is on, the cluster is declared and nothing in the stack keeps it from pausing.
 */
function judgeUnscheduled(subject: Subject, reason: string, context: Context): Verdict {
  const { config } = context;
  const name = describeClusterReference(subject.identifier, subject.resourceName);
  const zero =
    config.acceptScaleToZero && subject.cluster !== undefined
      ? scaleToZeroOf(subject.cluster, context.pauseBlockers)
      : undefined;
  if (zero instanceof UnknownValue) {
    return { kind: "undecided", reason: `cluster ${name}: \`${zero.path}\` is unknown` };
  }
  if (zero?.pauses === true) {
    const message = scaleToZeroAdvisory(name, reason, zero.secondsUntilAutoPause);
    return { kind: "scale-to-zero", message, urn: subject.urn };
  }
  const message = violationMessage(subject, reason, config, zero?.blockers);
  return { kind: "violation", message, urn: subject.urn };
}

function judgeSubject(subject: Subject, context: Context): Verdict {
  const { config, stackTags } = context;
  const name = describeClusterReference(subject.identifier, subject.resourceName);
  const tags = subject.cluster?.facts.tags;
  const exemption = exemptionOf(subject.identifier, tags, config);
  if (exemption !== undefined) {
    return { kind: "exempt", reason: `cluster ${name} is exempt (${exemption})` };
  }
  const covered = coverage(subject, context.index, config, context.maybeOurs);
  if (covered === true) {
    return { kind: "fine" };
  }
  const identifier = subject.identifier;
  const classification = classifyEnvironment({ identifier, tags, stackTags }, config);
  if (classification instanceof UnknownValue) {
    return { kind: "undecided", reason: `cluster ${name}: \`${classification.path}\` is unknown` };
  }
  if (classification.environment === "production") {
    return { kind: "fine" };
  }
  const unknown = [subject.cluster?.aurora ?? true, covered].find((v) => v instanceof UnknownValue);
  if (unknown !== undefined) {
    return { kind: "undecided", reason: `cluster ${name}: \`${unknown.path}\` is unknown` };
  }
  return judgeUnscheduled(subject, classification.reason, context);
}

/** The conclusions of `aurora-stop-schedule-required` over a whole stack. */
export interface StopScheduleJudgement {
  /** Clusters with no stop schedule: the rule's violations. */
  violations: { message: string; urn: string }[];
  /** Clusters that scale to zero instead of a stop schedule: the advisory rule's reports. */
  scaleToZero: { message: string; urn: string }[];
  /** What preview cannot decide yet, one reason per cluster. */
  undecided: string[];
  /** Exempt clusters, with the reason. */
  exempt: string[];
  /** How many clusters were judged. */
  subjects: number;
}

/**
 * Judges every non-production Aurora cluster the stack manages (declared, or only named by a
 * `ClusterPowerState` or a `ClusterFleetPowerState`) for a stop schedule, with the configuration
 * of `aurora-stop-schedule-required` (keys the caller's rule was given, over its defaults).
 */
export function judgeStopSchedules(args: StackValidationArgs): StopScheduleJudgement {
  const config = resolveConfig(STOP_SCHEDULE_REQUIRED_DEFAULTS, args.getConfig());
  const model = buildStackModel(args.resources);
  const index = indexActions(model.actions);
  const subjects = subjectsOf(model.clusters, index);
  const globals = globalDatabasesOf(args.resources, model.clusters);
  const context: Context = {
    index,
    config,
    stackTags: args.stackTags,
    pauseBlockers: pauseBlockersOf(args.resources, globals),
    // Found once, not per subject: a stack may hold many unknown targets (fleet elements).
    maybeOurs: index.unknownTarget.find((a) => stopsCluster(a.facts) !== false),
  };
  const judgement: StopScheduleJudgement = {
    violations: [],
    scaleToZero: [],
    undecided: [],
    exempt: [],
    subjects: subjects.length,
  };
  for (const subject of subjects) {
    const verdict = judgeSubject(subject, context);
    if (verdict.kind === "exempt" || verdict.kind === "undecided") {
      judgement[verdict.kind].push(verdict.reason);
    } else if (verdict.kind === "violation") {
      judgement.violations.push({ message: verdict.message, urn: verdict.urn });
    } else if (verdict.kind === "scale-to-zero") {
      judgement.scaleToZero.push({ message: verdict.message, urn: verdict.urn });
    }
  }
  return judgement;
}
