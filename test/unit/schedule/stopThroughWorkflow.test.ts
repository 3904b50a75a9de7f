import { installAwsMocks, settle, valueOf, type MockedResource } from "../../support/awsMocks";
import { stopWorkflowDefinition } from "../../../provider/workflow/stopWorkflowDefinition";
import {
  ClusterStopSchedule,
  InvalidClusterStopScheduleError,
  type ClusterStopScheduleArgs,
} from "../../../provider/clusterStopSchedule";

// Issue 15: a scheduled stop goes through the stop workflow by default, so a stop of an already
// stopped cluster is a success and a stop during a start waits; starts stay direct.
const resources = installAwsMocks();

const validArgs = (): ClusterStopScheduleArgs => ({
  clusterIdentifier: "dev-orders",
  stop: "cron(0 19 ? * MON-FRI *)",
  start: "cron(0 7 ? * MON-FRI *)",
  timezone: "Europe/Berlin",
});

let counter = 0;
async function build(args: ClusterStopScheduleArgs) {
  const name = `wf${++counter}`;
  const component = new ClusterStopSchedule(name, args);
  await valueOf(component.stopScheduleArn);
  await settle();
  const children = resources.filter((r) => r.name.startsWith(`${name}-`));
  const named = (suffix: string): MockedResource | undefined =>
    children.find((c) => c.name === `${name}-${suffix}`);
  return { name, component, children, named };
}

const json = (value: unknown): unknown => JSON.parse(String(value));

describe("ClusterStopSchedule stops through the stop workflow by default", () => {
  it("creates a workflow for the cluster and targets it with the stop schedule", async () => {
    const { name, named, component } = await build(validArgs());
    const machine = named("workflow");
    expect(machine?.type).toBe("aws:sfn/stateMachine:StateMachine");
    const arn = `arn:aws:states:eu-west-1:123456789012:stateMachine:${name}-workflow`;
    expect(await valueOf(component.stopWorkflowArn)).toBe(arn);
    expect(named("stop")?.inputs.target).toMatchObject({
      arn,
      input: '{"DbClusterIdentifier":"dev-orders"}',
    });
    expect(named("start")?.inputs.target).toMatchObject({
      arn: "arn:aws:scheduler:::aws-sdk:rds:startDBCluster",
    });
  });

  it("lets the schedules start that workflow and start the cluster, nothing more", async () => {
    const { name, named } = await build(validArgs());
    expect(json(named("policy")?.inputs.policy)).toEqual({
      Version: "2012-10-17",
      Statement: [
        {
          Sid: "StartTheStopWorkflow",
          Effect: "Allow",
          Action: "states:StartExecution",
          Resource: `arn:aws:states:eu-west-1:123456789012:stateMachine:${name}-workflow`,
        },
        {
          Sid: "StartOneCluster",
          Effect: "Allow",
          Action: ["rds:StartDBCluster"],
          Resource: "arn:aws:rds:eu-west-1:123456789012:cluster:dev-orders",
        },
      ],
    });
  });

  it("lets the workflow describe and stop only this cluster, and count global database members", async () => {
    const { named } = await build(validArgs());
    expect(json(named("workflow-policy")?.inputs.policy)).toMatchObject({
      Statement: [
        {
          Action: ["rds:DescribeDBClusters", "rds:StopDBCluster"],
          Resource: ["arn:aws:rds:eu-west-1:123456789012:cluster:dev-orders"],
        },
        {
          Action: ["rds:DescribeGlobalClusters"],
          Resource: ["arn:aws:rds::123456789012:global-cluster:*"],
        },
      ],
    });
  });

  it("uses a given workflow (e.g. a ClusterKeepStopped's) and creates none", async () => {
    const arn = "arn:aws:states:eu-west-1:123456789012:stateMachine:shared";
    const { named, children } = await build({ ...validArgs(), stopWorkflowArn: arn });
    expect(children.some((c) => c.type === "aws:sfn/stateMachine:StateMachine")).toBe(false);
    expect(named("stop")?.inputs.target).toMatchObject({ arn });
  });

  it("refuses stopWorkflowArn with stopThrough: direct, and an unknown stopThrough", () => {
    const arn = "arn:aws:states:eu-west-1:123456789012:stateMachine:shared";
    expect(
      () =>
        new ClusterStopSchedule("bad1", {
          ...validArgs(),
          stopThrough: "direct",
          stopWorkflowArn: arn,
        }),
    ).toThrow(InvalidClusterStopScheduleError);
    expect(
      () =>
        new ClusterStopSchedule("bad2", {
          ...validArgs(),
          stopThrough: "lambda" as unknown as "direct",
        }),
    ).toThrow('`stopThrough` must be "workflow" or "direct"; got "lambda"');
  });

  it("builds its workflow with overrideTagKey, and refuses the key where no workflow of its own reads it", async () => {
    const { named } = await build({ ...validArgs(), overrideTagKey: "ops:hold" });
    const definition = JSON.parse(String(named("workflow")?.inputs.definition)) as unknown;
    expect(definition).toEqual(stopWorkflowDefinition({ overrideTagKey: "ops:hold" }));
    const arn = "arn:aws:states:eu-west-1:123456789012:stateMachine:shared";
    expect(
      () =>
        new ClusterStopSchedule("bad3", {
          ...validArgs(),
          overrideTagKey: "ops:hold",
          stopWorkflowArn: arn,
        }),
    ).toThrow(
      "`overrideTagKey` is read by the workflow this schedule creates, and `stopWorkflowArn` names another; set the key on the component that builds that workflow (e.g. `ClusterKeepStopped`)",
    );
    expect(
      () =>
        new ClusterStopSchedule("bad4", {
          ...validArgs(),
          overrideTagKey: "ops:hold",
          stopThrough: "direct",
        }),
    ).toThrow(
      '`overrideTagKey` is read by the stop workflow, and `stopThrough: "direct"` stops without it',
    );
    expect(
      () => new ClusterStopSchedule("bad5", { ...validArgs(), overrideTagKey: "rds:hold" }),
    ).toThrow('`overrideTagKey` "rds:hold" is not an RDS tag key');
  });
});

describe("ClusterStopSchedule stoppedHoursPerWeek", () => {
  it("reports the office-hours figure, 108 h a week (UTC)", async () => {
    const { component } = await build({ ...validArgs(), timezone: "UTC" });
    expect(await valueOf(component.stoppedHoursPerWeek)).toBe(108);
  });
});
