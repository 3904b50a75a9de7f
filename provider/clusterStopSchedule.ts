/**
 * `ClusterStopSchedule`: stop (and optionally start) an Aurora cluster on a timetable with
 * EventBridge Scheduler's universal target for RDS — the mechanism AWS recommends for this
 * ("Stopping and starting an Amazon Aurora DB cluster"; "Using universal targets", EventBridge
 * Scheduler User Guide). Runs with no program of ours in AWS: nothing to patch or pay for.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import {
  validateClusterStopScheduleArgs,
  type ClusterStopScheduleArgs,
  type ClusterStopScheduleRetry,
} from "./clusterStopScheduleArgs";
import { nextRuns, stoppedHoursPerWeek, type ScheduleExpression } from "./schedule";
import { createSchedulerRole } from "./schedulerRole";
import { createStopWorkflow } from "./stopWorkflow";
import { targetArnOf, targetInputOf } from "./aurora/schedulerTargets";
import { CLUSTER_STOP_SCHEDULE_TYPE } from "./aurora/typeTokens";

export {
  InvalidClusterStopScheduleError,
  type ClusterStopScheduleArgs,
  type ClusterStopScheduleRetry,
} from "./clusterStopScheduleArgs";

export { STOP_DB_CLUSTER_TARGET_ARN, START_DB_CLUSTER_TARGET_ARN } from "./aurora/schedulerTargets";

/** Retry defaults; see {@link ClusterStopScheduleRetry} for why. */
export const DEFAULT_RETRY: Required<ClusterStopScheduleRetry> = {
  maximumRetryAttempts: 10,
  maximumEventAgeInSeconds: 3600,
};

type Action = "stop" | "start";

/** The ISO time of the next run after `now`, or undefined when the schedule will not run again. */
function nextTime(schedule: ScheduleExpression, timeZone: string, now: Date): string | undefined {
  return nextRuns(schedule, timeZone, now, 1)[0]?.toISOString();
}

/** One EventBridge Scheduler schedule calling the RDS universal target for `action`. */
function createSchedule(
  resourceName: string,
  action: Action,
  expression: string,
  args: ClusterStopScheduleArgs,
  targets: { roleArn: pulumi.Output<string>; stopWorkflowArn?: pulumi.Output<string> },
  opts: pulumi.CustomResourceOptions,
): aws.scheduler.Schedule {
  const { roleArn, stopWorkflowArn } = targets;
  const verb = action === "stop" ? "Stop" : "Start";
  return new aws.scheduler.Schedule(
    resourceName,
    {
      description: pulumi.interpolate`${verb} Aurora cluster ${args.clusterIdentifier} (aurora-power)`,
      groupName: args.groupName,
      scheduleExpression: expression,
      scheduleExpressionTimezone: args.timezone,
      state: args.enabled === false ? "DISABLED" : "ENABLED",
      flexibleTimeWindow: { mode: "OFF" },
      target: {
        // A stop through the workflow starts an execution of its state machine (a templated
        // target; the input is the execution's input, the same `{"DbClusterIdentifier": …}`).
        arn: action === "stop" && stopWorkflowArn ? stopWorkflowArn : targetArnOf(action),
        roleArn,
        // The cluster identifier in the input is what links a schedule to its cluster.
        input: pulumi.output(args.clusterIdentifier).apply(targetInputOf),
        retryPolicy: { ...DEFAULT_RETRY, ...args.retry },
        deadLetterConfig:
          args.deadLetterArn === undefined ? undefined : { arn: args.deadLetterArn },
      },
    },
    opts,
  );
}

/** The stop workflow the stop schedule starts: given, created for this schedule, or none (direct). */
function stopWorkflowOf(name: string, args: ClusterStopScheduleArgs, parent: pulumi.Resource) {
  if (args.stopThrough === "direct") return undefined;
  if (args.stopWorkflowArn !== undefined) return pulumi.output(args.stopWorkflowArn);
  const clusterIdentifiers = [args.clusterIdentifier];
  const overrideTagKey = args.overrideTagKey;
  return createStopWorkflow(name, { clusterIdentifiers, overrideTagKey }, parent).stateMachine.arn;
}

/** The execution role: created least-privilege, or the `roleArn` given. */
function executionRole(
  name: string,
  args: ClusterStopScheduleArgs,
  stopWorkflowArn: pulumi.Output<string> | undefined,
  parent: pulumi.Resource,
) {
  if (args.roleArn !== undefined)
    return { created: undefined, roleArn: pulumi.output(args.roleArn) };
  const created = createSchedulerRole(
    name,
    {
      clusterIdentifier: args.clusterIdentifier,
      hasStart: args.start !== undefined,
      deadLetterArn: args.deadLetterArn,
      stopWorkflowArn,
    },
    parent,
  );
  return { created, roleArn: created.role.arn };
}

/**
 * Stops (and optionally starts) an Aurora DB cluster on a schedule: one EventBridge Scheduler
 * schedule per action with input `{"DbClusterIdentifier": …}`. The stop starts the stop workflow
 * (created for the schedule, or `stopWorkflowArn`), which waits out a start in progress and treats
 * an already stopped cluster as done; `stopThrough: "direct"` targets
 * `arn:aws:scheduler:::aws-sdk:rds:stopDBCluster` instead. The start targets `…:startDBCluster`.
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
  /** ARN of the start schedule, undefined without `start`. */
  readonly startScheduleArn: pulumi.Output<string | undefined>;
  /** ARN of the execution role (created, or `roleArn` as given). */
  readonly roleArn: pulumi.Output<string>;
  /** Next stop (ISO 8601, UTC) as of this deployment; undefined when it will not run again. */
  readonly nextStopTime: pulumi.Output<string | undefined>;
  /** Next start (ISO 8601, UTC) as of this deployment; undefined without `start`. */
  readonly nextStartTime: pulumi.Output<string | undefined>;
  /** The cluster the schedules target. */
  readonly clusterIdentifier: pulumi.Output<string>;
  /**
   * Hours per week the schedule keeps the cluster stopped, averaged over the next 4 weeks in its
   * time zone (DST included; a stop no start follows lasts until RDS's automatic start after 7
   * days). Multiply by the cluster's instance prices to see what it saves (README).
   */
  readonly stoppedHoursPerWeek: pulumi.Output<number>;
  /** ARN of the stop workflow the stop schedule starts; undefined with `stopThrough: "direct"`. */
  readonly stopWorkflowArn: pulumi.Output<string | undefined>;

  /**
   * @throws {@link InvalidClusterStopScheduleError} for invalid arguments (at preview).
   */
  constructor(name: string, args: ClusterStopScheduleArgs, opts?: pulumi.ComponentResourceOptions) {
    const now = new Date();
    const validated = validateClusterStopScheduleArgs(name, args, now);
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
    validated.warnings.forEach((warning) => void pulumi.log.warn(warning, this));

    const stopWorkflowArn = stopWorkflowOf(name, args, this);
    const { created, roleArn } = executionRole(name, args, stopWorkflowArn, this);
    const scheduleOpts: pulumi.CustomResourceOptions = {
      parent: this,
      // The first invocation must find the permissions in place.
      dependsOn: created === undefined ? [] : [created.policy],
    };
    const schedule = (action: Action, expression: string): aws.scheduler.Schedule =>
      createSchedule(
        `${name}-${action}`,
        action,
        expression,
        args,
        { roleArn, stopWorkflowArn },
        scheduleOpts,
      );

    const stopSchedule = schedule("stop", args.stop);
    const startSchedule = args.start === undefined ? undefined : schedule("start", args.start);
    this.stopScheduleArn = stopSchedule.arn;
    this.startScheduleArn =
      startSchedule === undefined ? pulumi.output(undefined) : startSchedule.arn;
    this.roleArn = roleArn;
    this.nextStopTime = pulumi.output(nextTime(validated.stop, args.timezone, now));
    this.nextStartTime = pulumi.output(
      validated.start === undefined ? undefined : nextTime(validated.start, args.timezone, now),
    );
    this.clusterIdentifier = pulumi.output(args.clusterIdentifier);
    this.stopWorkflowArn = stopWorkflowArn ?? pulumi.output(undefined);
    this.stoppedHoursPerWeek = pulumi.output(
      stoppedHoursPerWeek(validated.stop, validated.start, args.timezone, now),
    );
    this.registerOutputs(this.outputs());
  }

  private outputs(): pulumi.Inputs {
    const { stopScheduleArn, startScheduleArn, roleArn, nextStopTime, nextStartTime } = this;
    const { clusterIdentifier, stopWorkflowArn, stoppedHoursPerWeek: hours } = this;
    return {
      stopScheduleArn,
      startScheduleArn,
      roleArn,
      nextStopTime,
      nextStartTime,
      clusterIdentifier,
      stopWorkflowArn,
      stoppedHoursPerWeek: hours,
    };
  }
}
