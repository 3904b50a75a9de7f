/**
 * The start workflow deployed in AWS for a `ClusterStopSchedule` whose runs are reported: a Step
 * Functions standard state machine running {@link startWorkflowDefinition} with notifications, and
 * its role, allowed to describe and start the one cluster and to publish to the one topic. Without
 * notifications the start schedule calls StartDBCluster directly and none of this is created.
 */
import * as pulumi from "@pulumi/pulumi";
import type { ClusterStopScheduleArgs } from "./clusterStopScheduleArgs";
import type { IamPolicyDocument } from "./iamPolicyDocument";
import { notificationStatements, notifyingDefinition } from "./notificationsArgs";
import { clusterArn, type ClusterLocation } from "./schedulerRole";
import { awsLocation, type NotificationTarget } from "./stopWorkflow";
import { START_OUTCOMES } from "./workflow/startOutcomes";
import { startWorkflowDefinition } from "./workflow/startWorkflowDefinition";
import { createWorkflowResources } from "./workflowResources";

/** The start workflow's permissions: describe and start this cluster, publish to the topic. */
export function startWorkflowPolicy(
  location: ClusterLocation,
  notify: NotificationTarget,
): IamPolicyDocument {
  return {
    Version: "2012-10-17",
    Statement: [
      {
        Sid: "DescribeAndStartThisCluster",
        Effect: "Allow",
        Action: ["rds:DescribeDBClusters", "rds:StartDBCluster"],
        Resource: [
          clusterArn({ ...location, clusterIdentifier: location.clusterIdentifier.toLowerCase() }),
        ],
      },
      ...notificationStatements(notify.topicArn, notify.kmsKeyArn),
    ],
  };
}

/**
 * The ARN of the start workflow the start schedule starts: one is created (with its role) when the
 * schedule has a `start` and `notifications`; otherwise undefined (the start stays direct).
 */
export function startWorkflowOf(
  name: string,
  args: ClusterStopScheduleArgs,
  component: string,
  parent: pulumi.Resource,
): pulumi.Output<string> | undefined {
  const { notifications } = args;
  if (args.start === undefined || notifications === undefined) return undefined;
  const location = awsLocation(parent);
  const document = pulumi
    .all([
      location.partition,
      location.region,
      location.accountId,
      args.clusterIdentifier,
      notifications.topicArn,
      notifications.kmsKeyArn,
    ])
    .apply(([partition, region, accountId, clusterIdentifier, topicArn, kmsKeyArn]) =>
      JSON.stringify(
        startWorkflowPolicy(
          { partition, region, accountId, clusterIdentifier },
          { topicArn, kmsKeyArn },
        ),
      ),
    );
  const definition = notifyingDefinition(startWorkflowDefinition(), {
    component,
    action: "start",
    outcomes: START_OUTCOMES,
    notifications,
    location,
  });
  return createWorkflowResources(
    `${name}-start-workflow`,
    {
      description: "Step Functions starts an Aurora cluster on schedule (aurora-power)",
      accountId: location.accountId,
      policy: document,
      definition,
    },
    parent,
  ).stateMachine.arn;
}
