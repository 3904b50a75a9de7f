/**
 * The resources a `ClusterStopSchedule` creates, one function each: a Scheduler schedule, the stop
 * workflow it starts, and its execution role. Kept apart from the component so each stays small.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import {
  describeSchedule,
  type ClusterStopScheduleArgs,
  type ClusterStopScheduleRetry,
} from "./clusterStopScheduleArgs";
import { nextRunsOutside, type ScheduleExpression } from "./schedule";
import { createSchedulerRole } from "./schedulerRole";
import { createStopWorkflow } from "./stopWorkflow";
import { targetArnOf, targetInputOf } from "./aurora/schedulerTargets";

/** Retry defaults; see {@link ClusterStopScheduleRetry} for why. */
export const DEFAULT_RETRY: Required<ClusterStopScheduleRetry> = {
  maximumRetryAttempts: 10,
  maximumEventAgeInSeconds: 3600,
};

/** What a schedule does to the cluster. */
export type Action = "stop" | "start";

/** The ISO time of the next run after `now` not on a holiday, or undefined when there is none. */
export function nextTime(
  schedule: ScheduleExpression,
  zone: string,
  now: Date,
  holidays: ReadonlySet<string>,
) {
  return nextRunsOutside(schedule, zone, now, 1, holidays)[0]?.toISOString();
}

/** One EventBridge Scheduler schedule calling the RDS universal target for `action`. */
export function createSchedule(
  resourceName: string,
  action: Action,
  expression: string,
  args: ClusterStopScheduleArgs,
  targets: {
    roleArn: pulumi.Output<string>;
    stopWorkflowArn?: pulumi.Output<string>;
    startWorkflowArn?: pulumi.Output<string>;
  },
  opts: pulumi.CustomResourceOptions,
  dates: { startDate?: string; endDate?: string } = {},
): aws.scheduler.Schedule {
  const { roleArn, stopWorkflowArn, startWorkflowArn } = targets;
  const workflowArn = action === "stop" ? stopWorkflowArn : startWorkflowArn;
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
      ...dates,
      target: {
        // Through a workflow: an execution of its state machine (a templated target; the input
        // is the execution's input, the same `{"DbClusterIdentifier": …}`).
        arn: workflowArn ?? targetArnOf(action),
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

/** `value` when it is a string (known at preview), else undefined. */
export const stringOrUndefined = (value: unknown) =>
  typeof value === "string" ? value : undefined;

/** The stop workflow the stop schedule starts: given, created for this schedule, or none (direct). */
export function stopWorkflowOf(
  name: string,
  args: ClusterStopScheduleArgs,
  parent: pulumi.Resource,
) {
  if (args.stopThrough === "direct") return undefined;
  if (args.stopWorkflowArn !== undefined) return pulumi.output(args.stopWorkflowArn);
  const clusterIdentifiers = [args.clusterIdentifier];
  const { notifications, overrideTagKey } = args;
  const component = describeSchedule(name, stringOrUndefined(args.clusterIdentifier));
  const workflowArgs = { clusterIdentifiers, notifications, component, overrideTagKey };
  return createStopWorkflow(name, workflowArgs, parent).stateMachine.arn;
}

/** The execution role: created least-privilege, or the `roleArn` given. */
export function executionRole(
  name: string,
  args: ClusterStopScheduleArgs,
  workflows: { stopWorkflowArn?: pulumi.Output<string>; startWorkflowArn?: pulumi.Output<string> },
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
      ...workflows,
    },
    parent,
  );
  return { created, roleArn: created.role.arn };
}
