/**
 * The execution role EventBridge Scheduler assumes to call RDS for a `ClusterStopSchedule`:
 * trusted by `scheduler.amazonaws.com` from this account only, allowed exactly the actions the
 * schedules use on exactly one cluster ("Set up the execution role", EventBridge Scheduler User
 * Guide; "Actions, resources and condition keys for Amazon RDS", Service Authorization Reference).
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import {
  serviceTrustPolicy,
  type IamPolicyDocument,
  type IamPolicyStatement,
} from "./iamPolicyDocument";

/** Where the cluster lives, for its ARN. */
export interface ClusterLocation {
  partition: string;
  region: string;
  accountId: string;
  clusterIdentifier: string;
}

/** `arn:<partition>:rds:<region>:<account>:cluster:<id>`, the resource of rds:Stop/StartDBCluster. */
export function clusterArn(location: ClusterLocation): string {
  const { partition, region, accountId, clusterIdentifier } = location;
  return `arn:${partition}:rds:${region}:${accountId}:cluster:${clusterIdentifier}`;
}

/**
 * Trust policy: only EventBridge Scheduler, and only on behalf of schedules in `accountId`
 * (`aws:SourceAccount` guards against the confused-deputy problem, as the Scheduler guide advises).
 */
export function schedulerTrustPolicy(accountId: string): IamPolicyDocument {
  return serviceTrustPolicy("scheduler.amazonaws.com", accountId);
}

/**
 * Permission policy. Stops through the stop workflow (`stopWorkflowArn`): `states:StartExecution`
 * on that state machine only; stops through the universal target: `rds:StopDBCluster` on the one
 * cluster. `rds:StartDBCluster` on the cluster only when there is a start schedule;
 * starts through the start workflow (`startWorkflowArn`, with notifications): `states:StartExecution`
 * on it instead of `rds:StartDBCluster`;
 * `sqs:SendMessage` on the dead-letter queue when one is set, because Scheduler delivers
 * dead-letter events with the schedule's role ("Configuring a schedule's dead-letter queue").
 * No `rds:DescribeDBClusters`: the universal target does not describe (the workflow's own role
 * does).
 */
export function schedulerPermissionPolicy(
  location: ClusterLocation,
  hasStart: boolean,
  deadLetterArn?: string,
  stopWorkflowArn?: string,
  startWorkflowArn?: string,
): IamPolicyDocument {
  const rdsActions = [
    ...(stopWorkflowArn === undefined ? ["rds:StopDBCluster"] : []),
    ...(hasStart && startWorkflowArn === undefined ? ["rds:StartDBCluster"] : []),
  ];
  const statements: IamPolicyStatement[] = [];
  if (stopWorkflowArn !== undefined) {
    statements.push({
      Sid: "StartTheStopWorkflow",
      Effect: "Allow",
      Action: "states:StartExecution",
      Resource: stopWorkflowArn,
    });
  }
  if (startWorkflowArn !== undefined) {
    statements.push({
      Sid: "StartTheStartWorkflow",
      Effect: "Allow",
      Action: "states:StartExecution",
      Resource: startWorkflowArn,
    });
  }
  if (rdsActions.length > 0) {
    const sid = stopWorkflowArn === undefined ? "StopStartOneCluster" : "StartOneCluster";
    statements.push({
      Sid: sid,
      Effect: "Allow",
      Action: rdsActions,
      Resource: clusterArn(location),
    });
  }
  if (deadLetterArn !== undefined) {
    statements.push({
      Sid: "DeadLetterQueue",
      Effect: "Allow",
      Action: "sqs:SendMessage",
      Resource: deadLetterArn,
    });
  }
  return { Version: "2012-10-17", Statement: statements };
}

/** Inputs of {@link createSchedulerRole}. */
export interface SchedulerRoleArgs {
  clusterIdentifier: pulumi.Input<string>;
  hasStart: boolean;
  deadLetterArn?: pulumi.Input<string>;
  /** The stop workflow the stop schedule starts; absent: it calls StopDBCluster directly. */
  stopWorkflowArn?: pulumi.Input<string>;
  /** The start workflow the start schedule starts; absent: it calls StartDBCluster directly. */
  startWorkflowArn?: pulumi.Input<string>;
}

/**
 * Creates the role and its inline policy as children of `parent`. Partition, region and account
 * come from the provider the parent uses (`aws.get*Output` invokes inherit it), so the ARN matches
 * the region where the schedules run — the universal target calls RDS in that same region.
 */
export function createSchedulerRole(
  name: string,
  args: SchedulerRoleArgs,
  parent: pulumi.Resource,
): { role: aws.iam.Role; policy: aws.iam.RolePolicy } {
  const invokeOpts = { parent };
  const partition = aws.getPartitionOutput({}, invokeOpts).partition;
  const region = aws.getRegionOutput({}, invokeOpts).region;
  const accountId = aws.getCallerIdentityOutput({}, invokeOpts).accountId;
  const role = new aws.iam.Role(
    `${name}-role`,
    {
      description: pulumi.interpolate`EventBridge Scheduler stops/starts Aurora cluster ${args.clusterIdentifier} (aurora-power)`,
      assumeRolePolicy: accountId.apply((id) => JSON.stringify(schedulerTrustPolicy(id))),
      tags: { "aurora-power:cluster-identifier": args.clusterIdentifier },
    },
    { parent },
  );
  const document = pulumi
    .all([
      partition,
      region,
      accountId,
      args.clusterIdentifier,
      args.deadLetterArn,
      args.stopWorkflowArn,
      args.startWorkflowArn,
    ])
    .apply(([partition, region, accountId, clusterIdentifier, deadLetter, stopArn, startArn]) =>
      JSON.stringify(
        schedulerPermissionPolicy(
          { partition, region, accountId, clusterIdentifier },
          args.hasStart,
          deadLetter,
          stopArn,
          startArn,
        ),
      ),
    );
  const policy = new aws.iam.RolePolicy(
    `${name}-policy`,
    { role: role.id, policy: document },
    { parent },
  );
  return { role, policy };
}
