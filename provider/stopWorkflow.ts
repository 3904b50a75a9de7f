/**
 * The stop workflow deployed in AWS: a Step Functions standard state machine running
 * {@link stopWorkflowDefinition} (describe → stop when `available`, wait while busy, succeed when
 * stopped or gone, fail with the reason otherwise) and the role it runs as, allowed exactly the
 * RDS calls it makes: DescribeDBClusters and StopDBCluster on exactly the clusters it serves, and
 * DescribeGlobalClusters on the account's global databases ("Actions, resources, and condition keys
 * for Amazon RDS": the first two authorize against the cluster ARN, the third against the
 * `global-cluster` ARN, which has no Region: `arn:aws:rds::<account>:global-cluster:<id>`). Which
 * global database a cluster joins is not known when the role is written, hence `global-cluster:*`;
 * the call only reads.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { IamPolicyDocument } from "./iamPolicyDocument";
import {
  notificationStatements,
  notifyingDefinition,
  type WorkflowNotificationsArgs,
} from "./notificationsArgs";
import { clusterArn, type ClusterLocation } from "./schedulerRole";
import { STOP_OUTCOMES, STOP_REASON_PATHS } from "./workflow/stopOutcomes";
import { stopWorkflowDefinition } from "./workflow/stopWorkflowDefinition";
import { createWorkflowResources, type WorkflowResources } from "./workflowResources";

/** Where the clusters live, for their ARNs. */
export type ClustersLocation = Omit<ClusterLocation, "clusterIdentifier"> & {
  clusterIdentifiers: readonly string[];
};

/** The topic (and its KMS key) the workflow publishes to, when it notifies. */
export interface NotificationTarget {
  topicArn: string;
  kmsKeyArn?: string;
}

/**
 * The workflow's permissions: describe and stop these clusters, count the members of a global
 * database, and publish to the notification topic when there is one; nothing else.
 */
export function stopWorkflowPolicy(
  location: ClustersLocation,
  notify?: NotificationTarget,
): IamPolicyDocument {
  const arns = [...new Set(location.clusterIdentifiers.map((id) => id.toLowerCase()))]
    .sort()
    .map((clusterIdentifier) => clusterArn({ ...location, clusterIdentifier }));
  return {
    Version: "2012-10-17",
    Statement: [
      {
        Sid: "DescribeAndStopTheseClusters",
        Effect: "Allow",
        Action: ["rds:DescribeDBClusters", "rds:StopDBCluster"],
        Resource: arns,
      },
      {
        Sid: "CountGlobalDatabaseMembers",
        Effect: "Allow",
        Action: ["rds:DescribeGlobalClusters"],
        Resource: [`arn:${location.partition}:rds::${location.accountId}:global-cluster:*`],
      },
      ...(notify === undefined ? [] : notificationStatements(notify.topicArn, notify.kmsKeyArn)),
    ],
  };
}

/** Inputs of {@link createStopWorkflow}. */
export interface StopWorkflowArgs {
  clusterIdentifiers: pulumi.Input<pulumi.Input<string>[]>;
  /** Bound of one run in seconds (default 7200). */
  maxRunSeconds?: number;
  /** Where runs report; absent: no notifications. */
  notifications?: WorkflowNotificationsArgs;
  /** The component, as errors name it: "ClusterKeepStopped `dev-keeper`". */
  component: string;
  /** The keep-running tag's key (default `aurora-power:keep-running-until`). */
  overrideTagKey?: string;
}

/** The account, partition and Region of the provider `parent` uses (the clusters' ARNs need them). */
export function awsLocation(parent: pulumi.Resource) {
  const invokeOpts = { parent };
  return {
    partition: aws.getPartitionOutput({}, invokeOpts).partition,
    region: aws.getRegionOutput({}, invokeOpts).region,
    accountId: aws.getCallerIdentityOutput({}, invokeOpts).accountId,
  };
}

/** The JSON of {@link stopWorkflowPolicy} once the location and the topic are known. */
function workflowPolicyJson(
  args: StopWorkflowArgs,
  location: ReturnType<typeof awsLocation>,
): pulumi.Output<string> {
  const { notifications } = args;
  return pulumi
    .all([
      location.partition,
      location.region,
      location.accountId,
      args.clusterIdentifiers,
      notifications?.topicArn,
      notifications?.kmsKeyArn,
    ])
    .apply(([partition, region, accountId, clusterIdentifiers, topicArn, kmsKeyArn]) =>
      JSON.stringify(
        stopWorkflowPolicy(
          { partition, region, accountId, clusterIdentifiers },
          topicArn === undefined ? undefined : { topicArn, kmsKeyArn },
        ),
      ),
    );
}

/** Creates the state machine and its role as children of `parent`. */
export function createStopWorkflow(
  name: string,
  args: StopWorkflowArgs,
  parent: pulumi.Resource,
): WorkflowResources {
  const location = awsLocation(parent);
  const { partition, region, accountId } = location;
  const { notifications } = args;
  const document = workflowPolicyJson(args, location);
  const definition = notifyingDefinition(
    stopWorkflowDefinition({
      maxRunSeconds: args.maxRunSeconds,
      overrideTagKey: args.overrideTagKey,
    }),
    {
      component: args.component,
      action: "stop",
      outcomes: STOP_OUTCOMES,
      reasonPaths: STOP_REASON_PATHS,
      notifications,
      location: { partition, region },
    },
  );
  return createWorkflowResources(
    `${name}-workflow`,
    {
      description: "Step Functions stops Aurora clusters that RDS started (aurora-power)",
      accountId,
      policy: document,
      definition,
    },
    parent,
  );
}
