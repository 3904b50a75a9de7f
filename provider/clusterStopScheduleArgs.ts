/**
 * Arguments of `ClusterStopSchedule` and their up-front validation: every mistake is reported at
 * `pulumi preview`, with the cluster, the input in backticks and the fix, before anything reaches
 * AWS (which would only say "ValidationException" at `up`).
 */
import type * as pulumi from "@pulumi/pulumi";
import type { WorkflowNotificationsArgs } from "./notificationsArgs";
import { checkStopThrough } from "./stopThroughChecks";
import {
  isValidTimeZone,
  recursAtLeastEvery,
  stopStartCollision,
  tryParseScheduleExpression,
  WEEKLY_MAX_GAP_SECONDS,
  type ScheduleExpression,
} from "./schedule";

/** Retry policy of both schedules (EventBridge Scheduler `RetryPolicy`). */
export interface ClusterStopScheduleRetry {
  /** 0-185. Default 10: enough to ride out throttling, not to hammer a cluster in a wrong state. */
  maximumRetryAttempts?: number;
  /**
   * 60-86400. Default 3600: a stop retried hours late could stop a cluster someone started in the
   * morning; after an hour the event goes to the dead-letter queue instead.
   */
  maximumEventAgeInSeconds?: number;
}

/** Inputs of `ClusterStopSchedule`. */
export interface ClusterStopScheduleArgs {
  /** The Aurora cluster to stop (and start), e.g. `cluster.clusterIdentifier`. */
  clusterIdentifier: pulumi.Input<string>;
  /**
   * When to stop: an EventBridge Scheduler expression, e.g. `cron(0 19 ? * MON-FRI *)`. A plain
   * string (not an Output) so that it can be validated at preview.
   */
  stop: string;
  /** When to start again, e.g. `cron(0 7 ? * MON-FRI *)`. Omit to only stop. */
  start?: string;
  /** IANA time zone both expressions are evaluated in, e.g. `Europe/Berlin`. */
  timezone: string;
  /** Local dates (`YYYY-MM-DD`, in `timezone`) with no start, e.g. `["2026-12-24"]`; a plain list. */
  holidays?: readonly string[];
  /** `false` creates the schedules `DISABLED`. Default `true`. */
  enabled?: boolean;
  /** Use this execution role instead of creating one. */
  roleArn?: pulumi.Input<string>;
  /** EventBridge Scheduler schedule group. Default: the `default` group. */
  groupName?: pulumi.Input<string>;
  /** Retry policy; see {@link ClusterStopScheduleRetry} for the defaults and why. */
  retry?: ClusterStopScheduleRetry;
  /** SQS queue ARN for failed invocations (dead-letter queue). */
  deadLetterArn?: pulumi.Input<string>;
  /**
   * How the stop schedule stops the cluster. `"workflow"` (default): it starts the stop workflow
   * (Step Functions), which waits for a cluster that is starting or backing up, stops it once RDS
   * accepts, and succeeds without a call when it is already stopped or gone. `"direct"`: it calls
   * StopDBCluster through the Scheduler universal target, fire-and-forget (a stop of a stopped
   * cluster is an error there). Starts are direct, or through a start workflow with `notifications`.
   */
  stopThrough?: "workflow" | "direct";
  /**
   * Stop through this workflow (e.g. a `ClusterKeepStopped`'s `stateMachineArn`, which must serve
   * this cluster) instead of creating one for the schedule.
   */
  stopWorkflowArn?: pulumi.Input<string>;
  /**
   * Report the workflows' runs to an SNS topic (failures, or every run with `notifyOn: "all"`);
   * with `start`, starts go through a start workflow that reports too. Needs the stop workflow the
   * schedule creates: not with `stopThrough: "direct"` or `stopWorkflowArn`.
   */
  notifications?: WorkflowNotificationsArgs;
  /** Key of the keep-running tag its own workflow reads (default `KEEP_RUNNING_TAG_KEY`). */
  overrideTagKey?: string;
}

/** Thrown for invalid `ClusterStopSchedule` arguments; the message says what to change. */
export class InvalidClusterStopScheduleError extends Error {
  /** The component's name. */
  readonly resourceName: string;
  /** The cluster identifier when known at preview (a plain string), else undefined. */
  readonly clusterIdentifier: string | undefined;
  /** The offending input: `stop`, `start`, `timezone`, `retry`, `clusterIdentifier`. */
  readonly input: string;

  constructor(
    resourceName: string,
    clusterIdentifier: string | undefined,
    input: string,
    detail: string,
  ) {
    super(`${describeSchedule(resourceName, clusterIdentifier)}: ${detail}`);
    this.name = "InvalidClusterStopScheduleError";
    this.resourceName = resourceName;
    this.clusterIdentifier = clusterIdentifier;
    this.input = input;
  }
}

/** "ClusterStopSchedule `nightly` for cluster `dev-orders`" (the cluster when it is known). */
export function describeSchedule(
  resourceName: string,
  clusterIdentifier: string | undefined,
): string {
  const cluster =
    clusterIdentifier === undefined || clusterIdentifier === ""
      ? ""
      : ` for cluster \`${clusterIdentifier}\``;
  return `ClusterStopSchedule \`${resourceName}\`${cluster}`;
}

/** The validated, parsed schedule inputs. */
export interface ValidatedSchedule {
  stop: ScheduleExpression;
  start: ScheduleExpression | undefined;
  /** Warnings for `pulumi.log.warn` (not errors: the schedule still works, just not as hoped). */
  warnings: string[];
}

function parseInput(
  resourceName: string,
  clusterIdentifier: string | undefined,
  input: "stop" | "start",
  expression: unknown,
): ScheduleExpression {
  const parsed = tryParseScheduleExpression(
    typeof expression === "string" ? expression : String(expression),
  );
  if (!parsed.ok) {
    throw new InvalidClusterStopScheduleError(
      resourceName,
      clusterIdentifier,
      input,
      `\`${input}\` ${parsed.error.message}`,
    );
  }
  return parsed.value;
}

/** The refusal of `stop` and `start` colliding, or undefined when they do not. */
function collisionDetail(
  stop: ScheduleExpression,
  start: ScheduleExpression | undefined,
  timezone: string,
  now: Date,
): string | undefined {
  const collision =
    start === undefined ? undefined : stopStartCollision(stop, start, timezone, now);
  if (collision === undefined) return undefined;
  const when =
    collision.kind === "same-schedule"
      ? `are the same schedule (\`${collision.expression}\`)`
      : `both fire at ${collision.at.toISOString()}`;
  return (
    `\`stop\` and \`start\` ${when}, so the cluster would be stopped and started at the same ` +
    "moment; give `start` a different time or leave it out"
  );
}

function checkRange(
  resourceName: string,
  clusterIdentifier: string | undefined,
  field: keyof ClusterStopScheduleRetry,
  value: number | undefined,
  [min, max]: [number, number],
): void {
  if (value === undefined || (Number.isInteger(value) && value >= min && value <= max)) return;
  throw new InvalidClusterStopScheduleError(
    resourceName,
    clusterIdentifier,
    "retry",
    `\`retry.${field}\` is ${value}; EventBridge Scheduler accepts a whole number from ${min} to ${max}`,
  );
}

/**
 * Validates `args` and returns the parsed expressions plus warnings. `now` anchors the weekly
 * recurrence check.
 *
 * @throws {@link InvalidClusterStopScheduleError} for a bad expression, time zone, `stop` and
 * `start` colliding (see `stopStartCollision`), an empty cluster identifier or a retry value out of range.
 */
export function validateClusterStopScheduleArgs(
  resourceName: string,
  args: ClusterStopScheduleArgs,
  now: Date,
): ValidatedSchedule {
  const cluster = typeof args.clusterIdentifier === "string" ? args.clusterIdentifier : undefined;
  const fail = (input: string, detail: string): never => {
    throw new InvalidClusterStopScheduleError(resourceName, cluster, input, detail);
  };
  if (cluster !== undefined && cluster.trim() === "") {
    fail(
      "clusterIdentifier",
      "`clusterIdentifier` is empty; pass the cluster's identifier, e.g. `cluster.clusterIdentifier`",
    );
  }
  if (!isValidTimeZone(args.timezone)) {
    fail(
      "timezone",
      `\`timezone\` \`${String(args.timezone)}\` is not an IANA time zone name; use a name such as ` +
        "`Europe/Berlin`, `America/New_York` or `UTC`",
    );
  }
  checkStopThrough(args, fail);
  const stop = parseInput(resourceName, cluster, "stop", args.stop);
  const start =
    args.start === undefined ? undefined : parseInput(resourceName, cluster, "start", args.start);
  const collision = collisionDetail(stop, start, args.timezone, now);
  if (collision !== undefined) fail("start", collision);
  checkRange(
    resourceName,
    cluster,
    "maximumRetryAttempts",
    args.retry?.maximumRetryAttempts,
    [0, 185],
  );
  checkRange(
    resourceName,
    cluster,
    "maximumEventAgeInSeconds",
    args.retry?.maximumEventAgeInSeconds,
    [60, 86400],
  );
  const warnings: string[] = [];
  if (
    start === undefined &&
    !recursAtLeastEvery(stop, args.timezone, WEEKLY_MAX_GAP_SECONDS, now)
  ) {
    warnings.push(
      `${describeSchedule(resourceName, cluster)}: \`stop\` \`${stop.expression}\` does not run at least ` +
        "once a week and there is no `start`; RDS starts a stopped cluster by itself after 7 days, so " +
        "it runs (and bills) until the next stop. Stop at least weekly, e.g. `cron(0 19 ? * FRI *)`, " +
        "or keep it stopped with `ClusterPowerState`.",
    );
  }
  return { stop, start, warnings };
}
