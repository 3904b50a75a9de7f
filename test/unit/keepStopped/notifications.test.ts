/**
 * `notifications` on `ClusterKeepStopped` and `ClusterStopSchedule` under `setMocks`: the workflow
 * runs the notifying definition, its role may publish to exactly that topic (and use exactly that
 * key), and every input that cannot work is refused with a message naming the component and the fix.
 */
import * as pulumi from "@pulumi/pulumi";
import { installAwsMocks, settle, valueOf, type MockedResource } from "../../support/awsMocks";
import {
  ClusterKeepStopped,
  type ClusterKeepStoppedArgs,
} from "../../../provider/clusterKeepStopped";
import {
  ClusterStopSchedule,
  type ClusterStopScheduleArgs,
} from "../../../provider/clusterStopSchedule";
import {
  InvalidNotificationsError,
  notifiedDefinitionJson,
  topicArnProblem,
} from "../../../provider/notificationsArgs";
import { withNotifications } from "../../../provider/workflow/notifications";
import { START_OUTCOMES } from "../../../provider/workflow/startOutcomes";
import { startWorkflowDefinition } from "../../../provider/workflow/startWorkflowDefinition";
import { STOP_OUTCOMES, STOP_REASON_PATHS } from "../../../provider/workflow/stopOutcomes";
import { stopWorkflowDefinition } from "../../../provider/workflow/stopWorkflowDefinition";

const resources = installAwsMocks();
const TOPIC = "arn:aws:sns:eu-west-1:123456789012:aurora-ops";
const KEY = "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";

let counter = 0;
async function built(create: (name: string) => { stopWorkflowArn?: unknown; ruleArn?: unknown }) {
  const name = `notify${++counter}`;
  const component = create(name) as { stateMachineArn?: pulumi.Output<string> } & {
    stopWorkflowArn?: pulumi.Output<string | undefined>;
  };
  await valueOf(component.stateMachineArn ?? component.stopWorkflowArn!);
  await settle();
  const one = (suffix: string): MockedResource => {
    const found = resources.find((r) => r.name === `${name}-${suffix}`);
    if (!found) throw new Error(`no ${name}-${suffix}`);
    return found;
  };
  return { name, one };
}

const keeper = (args: Partial<ClusterKeepStoppedArgs>) =>
  built((name) => new ClusterKeepStopped(name, { clusterIdentifiers: ["dev-orders"], ...args }));

const schedule = (args: Partial<ClusterStopScheduleArgs>) =>
  built(
    (name) =>
      new ClusterStopSchedule(name, {
        clusterIdentifier: "dev-orders",
        stop: "cron(0 19 ? * MON-FRI *)",
        timezone: "UTC",
        ...args,
      }),
  );

const json = (value: unknown): unknown => JSON.parse(String(value));
const notified = (notifyOn: "failures" | "all") =>
  withNotifications(stopWorkflowDefinition(), {
    topicArn: TOPIC,
    notifyOn,
    region: "eu-west-1",
    action: "stop",
    outcomes: STOP_OUTCOMES,
    reasonPaths: STOP_REASON_PATHS,
  });

const describeAndStop = {
  Sid: "DescribeAndStopTheseClusters",
  Effect: "Allow",
  Action: ["rds:DescribeDBClusters", "rds:StopDBCluster"],
  Resource: ["arn:aws:rds:eu-west-1:123456789012:cluster:dev-orders"],
};
const countGlobalMembers = {
  Sid: "CountGlobalDatabaseMembers",
  Effect: "Allow",
  Action: ["rds:DescribeGlobalClusters"],
  Resource: ["arn:aws:rds::123456789012:global-cluster:*"],
};
const publish = {
  Sid: "PublishNotifications",
  Effect: "Allow",
  Action: "sns:Publish",
  Resource: TOPIC,
};

describe.each([
  ["ClusterKeepStopped", keeper],
  ["ClusterStopSchedule", schedule],
])("%s with notifications", (_component, build) => {
  it("runs the notifying workflow (failures by default) and may publish to that topic only", async () => {
    const { one } = await build({ notifications: { topicArn: TOPIC } });
    expect(json(one("workflow").inputs.definition)).toEqual(notified("failures"));
    expect(json(one("workflow-policy").inputs.policy)).toEqual({
      Version: "2012-10-17",
      Statement: [describeAndStop, countGlobalMembers, publish],
    });
  });

  it("notifyOn all, and an encrypted topic: the key's use on that key only", async () => {
    const { one } = await build({
      notifications: { topicArn: pulumi.output(TOPIC), notifyOn: "all", kmsKeyArn: KEY },
    });
    expect(json(one("workflow").inputs.definition)).toEqual(notified("all"));
    expect(json(one("workflow-policy").inputs.policy)).toEqual({
      Version: "2012-10-17",
      Statement: [
        describeAndStop,
        countGlobalMembers,
        publish,
        {
          Sid: "EncryptNotifications",
          Effect: "Allow",
          Action: ["kms:Decrypt", "kms:GenerateDataKey*"],
          Resource: KEY,
        },
      ],
    });
  });

  it("without notifications: the plain definition and no SNS permission", async () => {
    const { one } = await build({});
    expect(json(one("workflow").inputs.definition)).toEqual(stopWorkflowDefinition());
    expect(json(one("workflow-policy").inputs.policy)).toEqual({
      Version: "2012-10-17",
      Statement: [describeAndStop, countGlobalMembers],
    });
  });
});

describe("refusals, at preview", () => {
  const keeperError = (notifications: ClusterKeepStoppedArgs["notifications"]) => () =>
    new ClusterKeepStopped("bad-keeper", { clusterIdentifiers: ["dev-orders"], notifications });

  it.each([
    [
      { topicArn: "aurora-ops" },
      "ClusterKeepStopped `bad-keeper`: `notifications.topicArn` `aurora-ops` is not an SNS topic ARN (`arn:aws:sns:<region>:<account>:<topic>`); pass the topic's ARN, e.g. `topic.arn`",
    ],
    [
      { topicArn: `${TOPIC}.fifo` },
      "ClusterKeepStopped `bad-keeper`: `notifications.topicArn` `arn:aws:sns:eu-west-1:123456789012:aurora-ops.fifo` is a FIFO topic, which needs a message group the workflow does not send; use a standard topic",
    ],
    [
      { topicArn: TOPIC, notifyOn: "errors" as "all" },
      'ClusterKeepStopped `bad-keeper`: `notifications.notifyOn` must be "failures" or "all"; got "errors"',
    ],
    [
      { topicArn: TOPIC, kmsKeyArn: "alias/aws/sns" },
      "ClusterKeepStopped `bad-keeper`: `notifications.kmsKeyArn` `alias/aws/sns` is not a KMS key ARN (`arn:aws:kms:<region>:<account>:key/<key id>`); pass the key's ARN, not an alias",
    ],
  ])("%j", (notifications, message) => {
    expect(keeperError(notifications)).toThrow(InvalidNotificationsError);
    expect(keeperError(notifications)).toThrow(message);
  });

  it.each([
    [
      { stopThrough: "direct" as const },
      'ClusterStopSchedule `bad-schedule` for cluster `dev-orders`: `notifications` come from the stop workflow, which `stopThrough: "direct"` does not use; remove `stopThrough: "direct"` or `notifications`',
    ],
    [
      { stopWorkflowArn: "arn:aws:states:eu-west-1:123456789012:stateMachine:shared" },
      "ClusterStopSchedule `bad-schedule` for cluster `dev-orders`: `notifications` configure the workflow the schedule creates, and `stopWorkflowArn` names another one; set `notifications` on the component that created that workflow (e.g. its `ClusterKeepStopped`), or leave out `stopWorkflowArn`",
    ],
  ])("a schedule whose stops use no workflow of its own: %j", (extra, message) => {
    const create = () =>
      new ClusterStopSchedule("bad-schedule", {
        clusterIdentifier: "dev-orders",
        stop: "cron(0 19 ? * MON-FRI *)",
        timezone: "UTC",
        notifications: { topicArn: TOPIC },
        ...extra,
      });
    expect(create).toThrow(message);
  });

  it("a topic of another Region or partition, once its ARN is known", () => {
    expect(
      topicArnProblem("arn:aws:sns:us-east-1:123456789012:ops", {
        partition: "aws",
        region: "eu-west-1",
      }),
    ).toBe(
      "`notifications.topicArn` `arn:aws:sns:us-east-1:123456789012:ops` is in `us-east-1` but the workflow runs in `eu-west-1`; use a topic in `eu-west-1` (subscribe from anywhere to it)",
    );
    expect(
      topicArnProblem("arn:aws-cn:sns:cn-north-1:123456789012:ops", {
        partition: "aws",
        region: "cn-north-1",
      }),
    ).toBe(
      "`notifications.topicArn` `arn:aws-cn:sns:cn-north-1:123456789012:ops` is not in partition `aws`, where the workflow runs; use a topic of that partition",
    );
    // In a program the apply around it throws this, and the engine reports the program failed.
    const resolve = () =>
      notifiedDefinitionJson(
        stopWorkflowDefinition(),
        {
          component: "ClusterKeepStopped `k`",
          action: "stop",
          outcomes: STOP_OUTCOMES,
          notifications: { topicArn: "arn:aws:sns:us-east-1:123456789012:ops" },
          location: { partition: "aws", region: "eu-west-1" },
        },
        {
          partition: "aws",
          region: "eu-west-1",
          topicArn: "arn:aws:sns:us-east-1:123456789012:ops",
        },
      );
    expect(resolve).toThrow(InvalidNotificationsError);
    expect(resolve).toThrow(
      "ClusterKeepStopped `k`: `notifications.topicArn` `arn:aws:sns:us-east-1:123456789012:ops` is in `us-east-1` but the workflow runs in `eu-west-1`; use a topic in `eu-west-1` (subscribe from anywhere to it)",
    );
  });
});

describe("ClusterStopSchedule with `start` and notifications", () => {
  it("starts through a notifying start workflow allowed to describe and start this cluster and publish to the topic", async () => {
    const { one, name } = await schedule({
      clusterIdentifier: "Dev-Orders",
      start: "cron(0 7 ? * MON-FRI *)",
      notifications: { topicArn: TOPIC, notifyOn: "all" },
    });
    const machine = `arn:aws:states:eu-west-1:123456789012:stateMachine:${name}-start-workflow`;
    expect(one("start").inputs.target).toMatchObject({
      arn: machine,
      input: '{"DbClusterIdentifier":"Dev-Orders"}',
    });
    expect(json(one("start-workflow").inputs.definition)).toEqual(
      withNotifications(startWorkflowDefinition(), {
        topicArn: TOPIC,
        notifyOn: "all",
        region: "eu-west-1",
        action: "start",
        outcomes: START_OUTCOMES,
      }),
    );
    expect(json(one("start-workflow-policy").inputs.policy)).toEqual({
      Version: "2012-10-17",
      Statement: [
        {
          Sid: "DescribeAndStartThisCluster",
          Effect: "Allow",
          Action: ["rds:DescribeDBClusters", "rds:StartDBCluster"],
          Resource: ["arn:aws:rds:eu-west-1:123456789012:cluster:dev-orders"],
        },
        publish,
      ],
    });
    // The schedules' role: start the two workflows, no RDS call of its own.
    expect(json(one("policy").inputs.policy)).toEqual({
      Version: "2012-10-17",
      Statement: [
        {
          Sid: "StartTheStopWorkflow",
          Effect: "Allow",
          Action: "states:StartExecution",
          Resource: `arn:aws:states:eu-west-1:123456789012:stateMachine:${name}-workflow`,
        },
        {
          Sid: "StartTheStartWorkflow",
          Effect: "Allow",
          Action: "states:StartExecution",
          Resource: machine,
        },
      ],
    });
    expect(json(one("start-workflow-role").inputs.assumeRolePolicy)).toMatchObject({
      Statement: [{ Principal: { Service: "states.amazonaws.com" } }],
    });
  });

  it("without notifications the start stays direct and no start workflow is created", async () => {
    const { one, name } = await schedule({ start: "cron(0 7 ? * MON-FRI *)" });
    expect(one("start").inputs.target).toMatchObject({
      arn: "arn:aws:scheduler:::aws-sdk:rds:startDBCluster",
    });
    expect(resources.some((r) => r.name === `${name}-start-workflow`)).toBe(false);
  });
});
