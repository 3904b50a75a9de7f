/**
 * `ClusterStopSchedule`: stop (and optionally start) an Aurora cluster on a timetable with
 * EventBridge Scheduler's universal target for RDS — the mechanism AWS recommends for this
 * ("Stopping and starting an Amazon Aurora DB cluster"; "Using universal targets", EventBridge
 * Scheduler User Guide). Runs with no program of ours in AWS: nothing to patch or pay for.
 */
import * as pulumi from "@pulumi/pulumi";
import {
  describeSchedule,
  validateClusterStopScheduleArgs,
  type ClusterStopScheduleArgs,
} from "./clusterStopScheduleArgs";
import {
  createSchedule,
  executionRole,
  nextTime,
  stopWorkflowOf,
  stringOrUndefined,
  type Action,
} from "./clusterStopScheduleResources";
import { stoppedHoursPerWeek, type StartWindow } from "./schedule";
import {
  scheduleDatesOf,
  startScheduleName,
  validateHolidays,
} from "./clusterStopScheduleHolidays";
import { checkNotifications, checkScheduleNotifications } from "./notificationsArgs";
import { startWorkflowOf } from "./startWorkflow";
import { CLUSTER_STOP_SCHEDULE_TYPE } from "./aurora/typeTokens";

export {
  InvalidClusterStopScheduleError,
  type ClusterStopScheduleArgs,
  type ClusterStopScheduleRetry,
} from "./clusterStopScheduleArgs";

export { STOP_DB_CLUSTER_TARGET_ARN, START_DB_CLUSTER_TARGET_ARN } from "./aurora/schedulerTargets";
export { DEFAULT_RETRY } from "./clusterStopScheduleResources";

/**
 * Stops (and optionally starts) an Aurora DB cluster on a schedule: one EventBridge Scheduler
 * schedule per action with input `{"DbClusterIdentifier": …}`. The stop starts the stop workflow
 * (created for the schedule, or `stopWorkflowArn`), which waits out a start in progress and treats
 * an already stopped cluster as done; `stopThrough: "direct"` targets
 * `arn:aws:scheduler:::aws-sdk:rds:stopDBCluster` instead. The start targets `…:startDBCluster`,
 * or with `notifications` a start workflow that reports its runs too.
 * Unless `roleArn` is given, an execution role allowed exactly that on that one cluster.
 *
 * Flexible time window: `OFF`, so the cluster stops and starts at the stated minute (a window only
 * spreads load, which one call per cluster does not need, and would make start times unpredictable).
 * Retry defaults: 10 attempts within 1 hour, so a failed call is not retried into the next day.
 *
 * @example
 * ```ts
 * const schedule = new ClusterStopSchedule("dev-nightly", {
 *   clusterIdentifier: cluster.clusterIdentifier,
 *   stop: "cron(0 19 ? * MON-FRI *)",
 *   start: "cron(0 7 ? * MON-FRI *)",
 *   timezone: "Europe/Berlin",
 * });
 * export const nextStop = schedule.nextStopTime;
 * ```
 */
export class ClusterStopSchedule extends pulumi.ComponentResource {
  /** ARN of the stop schedule. */
  readonly stopScheduleArn: pulumi.Output<string>;
  /** ARN of the start schedule (with `holidays`, its window open now or next); undefined without `start`. */
  readonly startScheduleArn: pulumi.Output<string | undefined>;
  /** ARNs of the start schedule's windows around `holidays`, in date order; empty without `start`. */
  readonly startScheduleArns: pulumi.Output<string[]>;
  /** ARN of the execution role (created, or `roleArn` as given). */
  readonly roleArn: pulumi.Output<string>;
  /** Next stop (ISO 8601, UTC) as of this deployment; undefined when it will not run again. */
  readonly nextStopTime: pulumi.Output<string | undefined>;
  /** Next start (ISO 8601, UTC) as of this deployment, not on a holiday; undefined without `start`. */
  readonly nextStartTime: pulumi.Output<string | undefined>;
  /** The cluster the schedules target. */
  readonly clusterIdentifier: pulumi.Output<string>;
  /**
   * Hours per week the schedule keeps the cluster stopped, averaged over the next 4 weeks in its
   * time zone (DST and `holidays` included; a stop no start follows lasts until RDS's automatic
   * start after 7 days). Multiply by the cluster's instance prices to see what it saves
   * (docs/keep-stopped-and-schedules.md, "What a schedule saves").
   */
  readonly stoppedHoursPerWeek: pulumi.Output<number>;
  /** ARN of the stop workflow the stop schedule starts; undefined with `stopThrough: "direct"`. */
  readonly stopWorkflowArn: pulumi.Output<string | undefined>;

  /**
   * @throws {@link InvalidClusterStopScheduleError} for invalid arguments (at preview), and
   * {@link InvalidNotificationsError} for `notifications` that cannot work.
   */
  constructor(name: string, args: ClusterStopScheduleArgs, opts?: pulumi.ComponentResourceOptions) {
    const now = new Date();
    const validated = validateClusterStopScheduleArgs(name, args, now);
    const holidays = validateHolidays(name, args, validated.start, now);
    const described = describeSchedule(name, stringOrUndefined(args.clusterIdentifier));
    checkScheduleNotifications(described, args);
    if (args.notifications !== undefined) checkNotifications(described, args.notifications);
    // The component's own inputs carry the cluster, so the policy pack can link it to the cluster.
    super(
      CLUSTER_STOP_SCHEDULE_TYPE,
      name,
      {
        clusterIdentifier: args.clusterIdentifier,
        stop: args.stop,
        start: args.start,
        timezone: args.timezone,
        enabled: args.enabled ?? true,
      },
      opts,
    );
    [...validated.warnings, ...holidays.warnings].forEach((w) => void pulumi.log.warn(w, this));

    const stopWorkflowArn = stopWorkflowOf(name, args, this);
    const startWorkflowArn = startWorkflowOf(name, args, described, this);
    const workflows = { stopWorkflowArn, startWorkflowArn };
    const { created, roleArn } = executionRole(name, args, workflows, this);
    const scheduleOpts: pulumi.CustomResourceOptions = {
      parent: this,
      // The first invocation must find the permissions in place.
      dependsOn: created === undefined ? [] : [created.policy],
    };
    const schedule = (action: Action, expression: string, window?: StartWindow) =>
      createSchedule(
        window === undefined ? `${name}-${action}` : startScheduleName(name, window),
        action,
        expression,
        args,
        { roleArn, ...workflows },
        scheduleOpts,
        window === undefined ? {} : scheduleDatesOf(window),
      );
    const stopSchedule = schedule("stop", args.stop);
    const { start } = args; // one start schedule per window around the holidays
    const startSchedules =
      start === undefined ? [] : holidays.windows.map((w) => schedule("start", start, w));
    this.stopScheduleArn = stopSchedule.arn;
    this.startScheduleArn = startSchedules[0]?.arn ?? pulumi.output(undefined);
    this.startScheduleArns = pulumi.all(startSchedules.map((schedule) => schedule.arn));
    this.roleArn = roleArn;
    this.nextStopTime = pulumi.output(nextTime(validated.stop, args.timezone, now, new Set()));
    const nextStart =
      validated.start && nextTime(validated.start, args.timezone, now, holidays.dates);
    this.nextStartTime = pulumi.output(nextStart);
    this.clusterIdentifier = pulumi.output(args.clusterIdentifier);
    this.stopWorkflowArn = stopWorkflowArn ?? pulumi.output(undefined);
    this.stoppedHoursPerWeek = pulumi.output(
      stoppedHoursPerWeek(validated.stop, validated.start, args.timezone, now, 4, holidays.dates),
    );
    this.registerOutputs(this.outputs());
  }

  private outputs(): pulumi.Inputs {
    const { stopScheduleArn, startScheduleArn, startScheduleArns, roleArn } = this;
    const { nextStopTime, nextStartTime } = this;
    const { clusterIdentifier, stopWorkflowArn, stoppedHoursPerWeek: hours } = this;
    return {
      stopScheduleArn,
      startScheduleArn,
      startScheduleArns,
      roleArn,
      nextStopTime,
      nextStartTime,
      clusterIdentifier,
      stopWorkflowArn,
      stoppedHoursPerWeek: hours,
    };
  }
}
