/**
 * The `notifications` input of `ClusterKeepStopped` and `ClusterStopSchedule`: its checks (at
 * preview whenever the values are known) and the workflow role's permissions for it — publish to
 * that one topic, and use that one KMS key when the topic is encrypted with a customer managed key.
 */
import * as pulumi from "@pulumi/pulumi";
import type { IamPolicyStatement } from "./iamPolicyDocument";
import type { StateMachineDefinition } from "./workflow/aslTypes";
import type { NotifiedAction } from "./workflow/notificationText";
import { withNotifications, type NotifyOn } from "./workflow/notifications";

/** Where the workflows report what they did (`notifications` of the components). */
export interface WorkflowNotificationsArgs {
  /**
   * ARN of a standard Amazon SNS topic in the component's Region, e.g. `topic.arn`. The workflow
   * role may publish to this topic and nothing else. Messages are JSON:
   * `{ source, cluster, region, action, outcome, reason }` (docs/keep-stopped-and-schedules.md, "The message").
   */
  topicArn: pulumi.Input<string>;
  /** `"failures"` (default): only runs that end failed. `"all"`: every run, whatever its outcome. */
  notifyOn?: NotifyOn;
  /**
   * ARN of the customer managed KMS key the topic is encrypted with, if any: the role gets
   * `kms:GenerateDataKey*` and `kms:Decrypt` on it ("Encryption at rest", Amazon SNS Developer
   * Guide). Not needed for an unencrypted topic or one using the AWS managed key `alias/aws/sns`.
   */
  kmsKeyArn?: pulumi.Input<string>;
}

/** Thrown for an invalid `notifications` input; the message names the component and the fix. */
export class InvalidNotificationsError extends Error {
  /** The offending input, e.g. `notifications.topicArn`. */
  readonly input: string;

  constructor(component: string, input: string, detail: string) {
    super(`${component}: ${detail}`);
    this.name = "InvalidNotificationsError";
    this.input = input;
  }
}

// arn:<partition>:sns:<region>:<account>:<name>; a topic name is 1-256 letters, digits, `-`, `_`
// (`.fifo` at the end for FIFO topics): "CreateTopic", Amazon SNS API Reference.
const TOPIC_ARN = /^arn:(aws[a-z-]*):sns:([a-z0-9-]+):(\d{12}):([A-Za-z0-9_-]{1,256})(\.fifo)?$/;
const KMS_KEY_ARN = /^arn:aws[a-z-]*:kms:[a-z0-9-]+:\d{12}:key\/[A-Za-z0-9-]+$/;

const messages = {
  notifyOn: (got: unknown) =>
    `\`notifications.notifyOn\` must be "failures" or "all"; got ${JSON.stringify(got)}`,
  notTopic: (arn: string) =>
    `\`notifications.topicArn\` \`${arn}\` is not an SNS topic ARN ` +
    "(`arn:aws:sns:<region>:<account>:<topic>`); pass the topic's ARN, e.g. `topic.arn`",
  fifo: (arn: string) =>
    `\`notifications.topicArn\` \`${arn}\` is a FIFO topic, which needs a message group the ` +
    "workflow does not send; use a standard topic",
  otherRegion: (arn: string, topicRegion: string, region: string) =>
    `\`notifications.topicArn\` \`${arn}\` is in \`${topicRegion}\` but the workflow runs in ` +
    `\`${region}\`; use a topic in \`${region}\` (subscribe from anywhere to it)`,
  otherPartition: (arn: string, partition: string) =>
    `\`notifications.topicArn\` \`${arn}\` is not in partition \`${partition}\`, where the ` +
    "workflow runs; use a topic of that partition",
  notKey: (arn: string) =>
    `\`notifications.kmsKeyArn\` \`${arn}\` is not a KMS key ARN ` +
    "(`arn:aws:kms:<region>:<account>:key/<key id>`); pass the key's ARN, not an alias",
  direct: () =>
    '`notifications` come from the stop workflow, which `stopThrough: "direct"` does not use; ' +
    'remove `stopThrough: "direct"` or `notifications`',
  shared: () =>
    "`notifications` configure the workflow the schedule creates, and `stopWorkflowArn` names " +
    "another one; set `notifications` on the component that created that workflow (e.g. its " +
    "`ClusterKeepStopped`), or leave out `stopWorkflowArn`",
} as const;

/** Checks what is known without the Region: `notifyOn`, and the ARNs' shape when plain strings. */
export function checkNotifications(component: string, args: WorkflowNotificationsArgs): void {
  const fail = (input: string, detail: string): never => {
    throw new InvalidNotificationsError(component, input, detail);
  };
  const notifyOn: unknown = args.notifyOn;
  if (notifyOn !== undefined && notifyOn !== "failures" && notifyOn !== "all")
    fail("notifications.notifyOn", messages.notifyOn(notifyOn));
  if (typeof args.topicArn === "string") {
    const problem = topicArnProblem(args.topicArn);
    if (problem !== undefined) fail("notifications.topicArn", problem);
  }
  if (typeof args.kmsKeyArn === "string" && !KMS_KEY_ARN.test(args.kmsKeyArn))
    fail("notifications.kmsKeyArn", messages.notKey(args.kmsKeyArn));
}

/**
 * Why `topicArn` cannot take the notifications of a workflow in `where` (or in any Region when
 * `where` is absent), or undefined when it can. Same Region: Step Functions' SNS integration
 * publishes in the Region the workflow runs in ("Call Amazon SNS with Step Functions").
 */
export function topicArnProblem(
  topicArn: string,
  where?: { partition: string; region: string },
): string | undefined {
  const match = TOPIC_ARN.exec(topicArn);
  if (match === null) return messages.notTopic(topicArn);
  if (match[5] !== undefined) return messages.fifo(topicArn);
  if (where === undefined) return undefined;
  if (match[1] !== where.partition) return messages.otherPartition(topicArn, where.partition);
  if (match[2] !== where.region)
    return messages.otherRegion(topicArn, match[2] ?? "", where.region);
  return undefined;
}

/**
 * Refuses `notifications` on a schedule whose stops do not go through a workflow it creates:
 * direct stops (no workflow), or a workflow given by `stopWorkflowArn` (another component's).
 */
export function checkScheduleNotifications(
  component: string,
  args: { notifications?: unknown; stopThrough?: string; stopWorkflowArn?: unknown },
): void {
  if (args.notifications === undefined) return;
  if (args.stopThrough === "direct")
    throw new InvalidNotificationsError(component, "notifications", messages.direct());
  if (args.stopWorkflowArn !== undefined)
    throw new InvalidNotificationsError(component, "notifications", messages.shared());
}

/** The role's statements for notifications: `sns:Publish` on the topic, the key's use if given. */
export function notificationStatements(topicArn: string, kmsKeyArn?: string): IamPolicyStatement[] {
  const statements: IamPolicyStatement[] = [
    { Sid: "PublishNotifications", Effect: "Allow", Action: "sns:Publish", Resource: topicArn },
  ];
  if (kmsKeyArn !== undefined) {
    statements.push({
      Sid: "EncryptNotifications",
      Effect: "Allow",
      Action: ["kms:Decrypt", "kms:GenerateDataKey*"],
      Resource: kmsKeyArn,
    });
  }
  return statements;
}

/** Where a workflow runs, as the components learn it from their AWS provider. */
export interface WorkflowLocation {
  partition: pulumi.Input<string>;
  region: pulumi.Input<string>;
}

/** What {@link notifyingDefinition} needs besides the definition. */
export interface NotifyingDefinitionArgs {
  /** The component, as errors name it: "ClusterKeepStopped `dev-keeper`". */
  component: string;
  action: NotifiedAction;
  outcomes: Readonly<Record<string, string>>;
  /** Where a run records the reason of a Succeed state (`withNotifications`' `reasonPaths`). */
  reasonPaths?: Readonly<Record<string, string>>;
  notifications: WorkflowNotificationsArgs | undefined;
  location: WorkflowLocation;
}

/**
 * The JSON of `definition` notifying `topicArn`, once the topic's Region is checked against the
 * workflow's.
 *
 * @throws {@link InvalidNotificationsError} for a topic of another Region or partition.
 */
export function notifiedDefinitionJson(
  definition: StateMachineDefinition,
  args: NotifyingDefinitionArgs & { notifications: WorkflowNotificationsArgs },
  resolved: { partition: string; region: string; topicArn: string },
): string {
  const { partition, region, topicArn } = resolved;
  const problem = topicArnProblem(topicArn, { partition, region });
  if (problem !== undefined)
    throw new InvalidNotificationsError(args.component, "notifications.topicArn", problem);
  const notified = withNotifications(definition, {
    topicArn,
    notifyOn: args.notifications.notifyOn ?? "failures",
    region,
    action: args.action,
    outcomes: args.outcomes,
    reasonPaths: args.reasonPaths,
  });
  return JSON.stringify(notified);
}

/**
 * The state machine's `definition` (JSON): `definition` as is without notifications, else
 * {@link notifiedDefinitionJson} once the location and the topic are known. An error thrown there
 * fails the program (at preview when the topic's ARN is known then).
 */
export function notifyingDefinition(
  definition: StateMachineDefinition,
  args: NotifyingDefinitionArgs,
): pulumi.Input<string> {
  const { notifications, location } = args;
  if (notifications === undefined) return JSON.stringify(definition);
  return pulumi
    .all([location.partition, location.region, notifications.topicArn])
    .apply(([partition, region, topicArn]) =>
      notifiedDefinitionJson(
        definition,
        { ...args, notifications },
        { partition, region, topicArn },
      ),
    );
}
