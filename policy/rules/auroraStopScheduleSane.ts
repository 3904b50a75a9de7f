import type {
  ReportViolation,
  ResourceValidationArgs,
  ResourceValidationPolicy,
  StackValidationArgs,
  StackValidationPolicy,
} from "@pulumi/policy";
import {
  isValidTimeZone,
  recursAtLeastEvery,
  stopStartCollision,
  tryParseScheduleExpression,
} from "../../provider/schedule";
import { CLUSTER_STOP_SCHEDULE_TYPE } from "../../provider/aurora/typeTokens";
import {
  ClassificationConfig,
  DEFAULT_CLASSIFICATION,
  resolveConfig,
  ruleConfigSchema,
} from "../config";
import { exemptionOf } from "../classifyEnvironment";
import {
  SCHEDULER_SCHEDULE_TYPE,
  actionFacts,
  holdsPowerState,
  isScheduleOfComponent,
  typeOfUrn,
} from "../resourceFacts";
import {
  buildStackModel,
  describeAction,
  describeClusterReference,
  indexActions,
  stopsCluster,
  targetIdentifierOf,
  targetKeyOf,
} from "../stackModel";
import { indexKeepers } from "../keeperCoverage";
import type { ActionNode } from "../stackNodes";
import { UnknownValue, readString, throwUndecided } from "../unknowns";
import { heldStoppedMessage, needsHeldStoppedReminder } from "./heldStoppedReminder";
import { policyMetadata } from "../policyMetadata";

/** Configuration of {@link auroraStopScheduleSane}. */
export interface StopScheduleSaneConfig extends ClassificationConfig {
  /** Longest time a cluster stays stopped before AWS starts it again (Aurora: 7 days, fixed). */
  maxStoppedDays: number;
}

/** Defaults of {@link StopScheduleSaneConfig}. */
export const STOP_SCHEDULE_SANE_DEFAULTS: Readonly<StopScheduleSaneConfig> = Object.freeze({
  ...DEFAULT_CLASSIFICATION,
  maxStoppedDays: 7,
});

/** Slack for the hour a DST change adds to a weekly gap. */
const DST_SLACK_SECONDS = 3600;

/** Problems of one expression in one time zone: parse errors first, then the zone. */
function expressionProblems(input: string, expression: string, timezone: string): string[] {
  const parsed = tryParseScheduleExpression(expression);
  const problems = parsed.ok ? [] : [`\`${input}\`: ${parsed.error.message}`];
  if (!isValidTimeZone(timezone)) {
    problems.push(
      `time zone \`${timezone}\` is not an IANA time zone; use a name such as \`Europe/Berlin\` or \`UTC\``,
    );
  }
  return problems;
}

/** "`stop` and `start` both fire at …; move one of them", or undefined when they do not collide. */
function collisionProblem(
  stop: string,
  start: string | undefined,
  timezone: string,
  from: Date,
): string | undefined {
  const collision =
    start === undefined ? undefined : stopStartCollision(stop, start, timezone, from);
  if (collision === undefined) return undefined;
  const when =
    collision.kind === "same-schedule"
      ? `are the same schedule (\`${collision.expression}\`)`
      : `both fire at ${collision.at.toISOString()}`;
  return `\`stop\` and \`start\` ${when}; move one of them`;
}

function restartWarning(maxStoppedDays: number): string {
  return (
    `AWS starts a stopped Aurora cluster automatically after ${maxStoppedDays} days, so a stop-only schedule ` +
    `must run at least every ${maxStoppedDays} days; add \`start\` or stop more often (e.g. \`cron(0 19 ? * MON-FRI *)\`)`
  );
}

/** Checks one schedule's inputs: expressions parse, the zone exists, stop ≠ start, recurrence. */
function scheduleProblems(props: unknown, type: string, config: StopScheduleSaneConfig): string[] {
  const isComponent = type === CLUSTER_STOP_SCHEDULE_TYPE;
  const stop = readString(props, isComponent ? "stop" : "scheduleExpression");
  const start = isComponent ? readString(props, "start") : undefined;
  const zoneInput = readString(props, isComponent ? "timezone" : "scheduleExpressionTimezone");
  const timezone = zoneInput ?? "UTC";
  if (
    typeof stop !== "string" ||
    typeof timezone !== "string" ||
    (start !== undefined && typeof start !== "string")
  ) {
    return []; // Unknown at preview; the check runs again at `pulumi up`.
  }
  const problems = expressionProblems(isComponent ? "stop" : "scheduleExpression", stop, timezone);
  if (typeof start === "string") {
    problems.push(
      ...expressionProblems("start", start, timezone).filter((p) => !p.startsWith("time zone")),
    );
  }
  if (problems.length > 0 || !isComponent) {
    return problems;
  }
  const from = new Date();
  const collision = collisionProblem(stop, start, timezone, from);
  if (collision !== undefined) {
    problems.push(collision);
  }
  const maxGapSeconds = config.maxStoppedDays * 86400 + DST_SLACK_SECONDS;
  if (start === undefined && !recursAtLeastEvery(stop, timezone, maxGapSeconds, from)) {
    problems.push(restartWarning(config.maxStoppedDays));
  }
  return problems;
}

function validateResource(args: ResourceValidationArgs, reportViolation: ReportViolation): void {
  const config = resolveConfig(STOP_SCHEDULE_SANE_DEFAULTS, args.getConfig());
  const facts = actionFacts(args.type, args.props);
  const parentType = args.opts.parent === undefined ? undefined : typeOfUrn(args.opts.parent);
  if (
    facts === undefined ||
    holdsPowerState(facts) ||
    isScheduleOfComponent(args.type, parentType)
  ) {
    return;
  }
  const exemption = exemptionOf(facts.targetIdentifier, undefined, config);
  if (exemption !== undefined) {
    args.notApplicable(
      `cluster ${describeClusterReference(facts.targetIdentifier)} is exempt (${exemption})`,
    );
  }
  const cluster =
    typeof facts.targetIdentifier === "string" ? ` for cluster \`${facts.targetIdentifier}\`` : "";
  for (const problem of scheduleProblems(args.props, args.type, config)) {
    reportViolation(
      `${describeAction({ kind: facts.kind, name: args.name })}${cluster}: ${problem}.`,
    );
  }
}

/**
 * Stop-only recurrence of standalone stop schedules, and the 7-day reminder for clusters held
 * stopped by a `ClusterPowerState` or a `ClusterFleetPowerState` (one per member) that no stop
 * schedule and no enabled `ClusterKeepStopped` stops again; a reminder preview cannot decide is
 * reported as unknown after the definite ones.
 */
function validateStack(args: StackValidationArgs, reportViolation: ReportViolation): void {
  const config = resolveConfig(STOP_SCHEDULE_SANE_DEFAULTS, args.getConfig());
  const model = buildStackModel(args.resources);
  const index = indexActions(model.actions);
  const keepers = indexKeepers(model.keepers);
  const undecided: string[] = [];
  const from = new Date();
  const maxGapSeconds = config.maxStoppedDays * 86400 + DST_SLACK_SECONDS;
  for (const action of model.actions) {
    const key = targetKeyOf(action);
    const identifier = targetIdentifierOf(action);
    if (typeof key !== "string" || stopsCluster(action.facts) !== true) {
      continue;
    }
    if (exemptionOf(identifier, action.cluster?.facts.tags, config) !== undefined) {
      continue;
    }
    const others = index.byTarget.get(key) ?? [];
    const name = describeClusterReference(identifier, action.cluster?.resource.name);
    const reminder = needsHeldStoppedReminder(action, others, keepers);
    if (reminder instanceof UnknownValue) {
      undecided.push(`cluster ${name}: \`${reminder.path}\` is unknown`);
    } else if (reminder) {
      reportViolation(heldStoppedMessage(action, name, config.maxStoppedDays), action.owner.urn);
    }
    if (isStandaloneStopSchedule(action) && !others.some((o) => o.facts.action === "start")) {
      const expression = readString(action.resource.props, "scheduleExpression");
      const zone = readString(action.resource.props, "scheduleExpressionTimezone") ?? "UTC";
      if (
        typeof expression === "string" &&
        typeof zone === "string" &&
        stopOnlyTooRare(expression, zone, maxGapSeconds, from)
      ) {
        reportViolation(
          `${describeAction(action.owner)} for cluster ${name}: ${restartWarning(config.maxStoppedDays)}.`,
          action.owner.urn,
        );
      }
    }
  }
  if (undecided.length > 0) {
    throwUndecided(undecided);
  }
}

function isStandaloneStopSchedule(action: ActionNode): boolean {
  return (
    action.resource.type === SCHEDULER_SCHEDULE_TYPE &&
    action.resource.parent?.type !== CLUSTER_STOP_SCHEDULE_TYPE
  );
}

function stopOnlyTooRare(
  expression: string,
  zone: string,
  maxGapSeconds: number,
  from: Date,
): boolean {
  if (!tryParseScheduleExpression(expression).ok || !isValidTimeZone(zone)) {
    return false; // Reported by the resource check.
  }
  return !recursAtLeastEvery(expression, zone, maxGapSeconds, from);
}

/**
 * `aurora-stop-schedule-sane` (advisory): schedule expressions parse, time zones are IANA names,
 * stop and start never coincide, a stop-only schedule recurs within the 7 days after which AWS
 * restarts a stopped cluster, and a cluster held stopped (by a `ClusterPowerState` or as a
 * `ClusterFleetPowerState` member) with no stop schedule and no enabled `ClusterKeepStopped`
 * covering it is reminded of that restart.
 */
export const auroraStopScheduleSane: ResourceValidationPolicy & StackValidationPolicy = {
  name: "aurora-stop-schedule-sane",
  ...policyMetadata("aurora-stop-schedule-sane"),
  description:
    "Stop schedules parse, use a real time zone, never start and stop at once, and outrun the 7-day automatic restart.",
  enforcementLevel: "advisory",
  configSchema: ruleConfigSchema({
    maxStoppedDays: {
      type: "integer",
      minimum: 1,
      maximum: 7,
      default: STOP_SCHEDULE_SANE_DEFAULTS.maxStoppedDays,
      description: "Days after which AWS starts a stopped cluster again (7 for Aurora).",
    },
  }),
  validateResource,
  validateStack,
};
