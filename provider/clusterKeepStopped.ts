/**
 * Keeps clusters stopped between `pulumi up` runs: RDS starts a stopped cluster after 7 days
 * (RDS-EVENT-0153, "Stopping and starting an Amazon Aurora DB cluster"), and this component's
 * EventBridge rule starts the stop workflow for it, which stops it again once RDS accepts the stop.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { CLUSTER_KEEP_STOPPED_TYPE } from "./aurora/typeTokens";
import { serviceTrustPolicy, type IamPolicyDocument } from "./iamPolicyDocument";
import { checkNotifications, type WorkflowNotificationsArgs } from "./notificationsArgs";
import { awsLocation, createStopWorkflow } from "./stopWorkflow";
import { keepStoppedEventPattern } from "./workflow/keepStoppedEventPattern";
import { STOP_WORKFLOW_INPUT_KEY } from "./workflow/stopWorkflowDefinition";

/** Arguments of {@link ClusterKeepStopped}. */
export interface ClusterKeepStoppedArgs {
  /**
   * The clusters to keep stopped, all in the Region of the component's AWS provider (1 to 100; an
   * EventBridge pattern matches any of them). Hold them `stopped` with a `ClusterPowerState` or a
   * `ClusterFleetPowerState` too: this component only reacts to RDS's automatic start.
   */
  clusterIdentifiers: pulumi.Input<pulumi.Input<string>[]>;
  /** `false` disables the rule (the workflow stays deployed). Default `true`. */
  enabled?: pulumi.Input<boolean>;
  /** Bound of one workflow run in seconds (default 7200: starts take "minutes to hours"). */
  maxRunSeconds?: number;
  /**
   * SQS queue ARN for events EventBridge could not deliver to the workflow. Its queue policy must
   * allow `events.amazonaws.com` to send from this rule ("Using dead-letter queues to process
   * undelivered events", EventBridge User Guide).
   */
  deadLetterArn?: pulumi.Input<string>;
  /**
   * Report the workflow's runs to an SNS topic: failures (default), or every run with
   * `notifyOn: "all"`. The workflow role may publish to that topic only.
   */
  notifications?: WorkflowNotificationsArgs;
  /**
   * The tag whose value (a time with an offset, e.g. `2026-11-29T08:00:00Z`) makes the workflow
   * leave a cluster running until then, after an automatic start as after a scheduled stop.
   * Default `aurora-power:keep-running-until` (`KEEP_RUNNING_TAG_KEY`).
   */
  overrideTagKey?: string;
}

/** The permission EventBridge needs to start the workflow: `states:StartExecution` on it only. */
export function startExecutionPolicy(stateMachineArn: string): IamPolicyDocument {
  return {
    Version: "2012-10-17",
    Statement: [
      {
        Sid: "StartTheStopWorkflow",
        Effect: "Allow",
        Action: "states:StartExecution",
        Resource: stateMachineArn,
      },
    ],
  };
}

/**
 * Keeps Aurora clusters stopped after RDS's automatic start: an EventBridge rule on RDS-EVENT-0153
 * of the listed clusters, targeting a Step Functions workflow (one per component, serving all of
 * its clusters) that describes the cluster, waits while RDS finishes the start (instances settle,
 * backups run), stops it, and succeeds without a call when it is already stopped or gone.
 *
 * @example
 * ```ts
 * import { ClusterKeepStopped, ClusterPowerState } from "aurora-power";
 *
 * new ClusterPowerState("dev-orders-power", { clusterIdentifier: "dev-orders", state: "stopped" });
 * const keeper = new ClusterKeepStopped("dev-keeper", { clusterIdentifiers: ["dev-orders"] });
 * export const workflow = keeper.stateMachineArn;
 * ```
 */
export class ClusterKeepStopped extends pulumi.ComponentResource {
  /** ARN of the stop workflow (a Step Functions state machine). */
  readonly stateMachineArn: pulumi.Output<string>;
  /** ARN of the EventBridge rule on the automatic start. */
  readonly ruleArn: pulumi.Output<string>;
  /** The clusters kept stopped, lowercase. */
  readonly clusterIdentifiers: pulumi.Output<string[]>;

  /**
   * @throws {@link InvalidNotificationsError} for a `notifications` input that cannot work (at
   * preview when the values are known, else when the topic's ARN is).
   */
  constructor(name: string, args: ClusterKeepStoppedArgs, opts?: pulumi.ComponentResourceOptions) {
    const component = `ClusterKeepStopped \`${name}\``;
    if (args.notifications !== undefined) checkNotifications(component, args.notifications);
    const ids = pulumi
      .output(args.clusterIdentifiers)
      .apply((list) => [...new Set(list.map((id) => id.toLowerCase()))].sort());
    // The component's own inputs carry the clusters, so the policy pack can see what it covers.
    const enabled = args.enabled ?? true;
    super(CLUSTER_KEEP_STOPPED_TYPE, name, { clusterIdentifiers: ids, enabled }, opts);
    const workflowArgs = { ...args, clusterIdentifiers: ids, component };
    const { stateMachine } = createStopWorkflow(name, workflowArgs, this);
    const rule = new aws.cloudwatch.EventRule(
      `${name}-automatic-start`,
      {
        description:
          "RDS started a stopped Aurora cluster after 7 days: stop it again (aurora-power)",
        eventPattern: ids.apply((list) => JSON.stringify(keepStoppedEventPattern(list))),
        state: pulumi.output(enabled).apply((on) => (on ? "ENABLED" : "DISABLED")),
      },
      { parent: this },
    );
    const role = this.createEventsRole(name, stateMachine);
    new aws.cloudwatch.EventTarget(
      `${name}-start-workflow`,
      {
        rule: rule.name,
        arn: stateMachine.arn,
        roleArn: role.arn,
        // The workflow's input: the cluster the event names.
        inputTransformer: {
          inputPaths: { cluster: "$.detail.SourceIdentifier" },
          inputTemplate: `{"${STOP_WORKFLOW_INPUT_KEY}": <cluster>}`,
        },
        retryPolicy: { maximumEventAgeInSeconds: 86_400, maximumRetryAttempts: 185 },
        deadLetterConfig:
          args.deadLetterArn === undefined ? undefined : { arn: args.deadLetterArn },
      },
      { parent: this },
    );
    this.stateMachineArn = stateMachine.arn;
    this.ruleArn = rule.arn;
    this.clusterIdentifiers = ids;
    this.registerOutputs({
      stateMachineArn: this.stateMachineArn,
      ruleArn: this.ruleArn,
      clusterIdentifiers: this.clusterIdentifiers,
    });
  }

  /** The role EventBridge assumes to start the workflow. */
  private createEventsRole(name: string, stateMachine: aws.sfn.StateMachine): aws.iam.Role {
    const { accountId } = awsLocation(this);
    const role = new aws.iam.Role(
      `${name}-events-role`,
      {
        description: "EventBridge starts the aurora-power stop workflow",
        assumeRolePolicy: accountId.apply((id) =>
          JSON.stringify(serviceTrustPolicy("events.amazonaws.com", id)),
        ),
      },
      { parent: this },
    );
    new aws.iam.RolePolicy(
      `${name}-events-policy`,
      {
        role: role.id,
        policy: stateMachine.arn.apply((arn) => JSON.stringify(startExecutionPolicy(arn))),
      },
      { parent: this },
    );
    return role;
  }
}
