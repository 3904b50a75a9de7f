import * as pulumi from "@pulumi/pulumi";
import { installAwsMocks, settle, valueOf, type MockedResource } from "../../support/awsMocks";
import { fakeDateOnly } from "../../support/fakeDateOnly";
import {
  ClusterStopSchedule,
  type ClusterStopScheduleArgs,
} from "../../../provider/clusterStopSchedule";

const resources = installAwsMocks();
/** Wednesday 2026-03-04 12:00 UTC. Only Date is faked; pulumi's timers stay real. */
const NOW = new Date("2026-03-04T12:00:00Z");

fakeDateOnly(NOW);

/** The fixture every test changes one field of: stops through the universal target (see also
 * stopThroughWorkflow.test.ts for the default, the stop workflow). */
const validArgs = (): ClusterStopScheduleArgs => ({
  stopThrough: "direct",
  clusterIdentifier: "dev-orders",
  stop: "cron(0 19 ? * MON-FRI *)",
  start: "cron(0 7 ? * MON-FRI *)",
  timezone: "Europe/Berlin",
});

let counter = 0;
async function build(
  args: ClusterStopScheduleArgs,
): Promise<{ component: ClusterStopSchedule; children: MockedResource[] }> {
  const name = `sched${++counter}`;
  const component = new ClusterStopSchedule(name, args);
  await valueOf(component.stopScheduleArn);
  await settle();
  return {
    component,
    children: resources.filter((resource) => resource.name.startsWith(`${name}-`)),
  };
}

const byType = (children: MockedResource[], type: string): MockedResource[] =>
  children.filter((child) => child.type === type);

describe("resources created", () => {
  it("creates a stop and a start schedule, a role and its inline policy", async () => {
    const { children } = await build(validArgs());
    expect(
      children.map((child) => `${child.type} ${child.name.replace(/^sched\d+/, "x")}`).sort(),
    ).toEqual([
      "aws:iam/role:Role x-role",
      "aws:iam/rolePolicy:RolePolicy x-policy",
      "aws:scheduler/schedule:Schedule x-start",
      "aws:scheduler/schedule:Schedule x-stop",
    ]);
  });

  it("targets the RDS universal targets with the cluster in the input JSON", async () => {
    const { children } = await build(validArgs());
    const [stop, start] = ["-stop", "-start"].map((suffix) =>
      children.find((c) => c.name.endsWith(suffix)),
    );
    expect(stop?.inputs).toMatchObject({
      scheduleExpression: "cron(0 19 ? * MON-FRI *)",
      scheduleExpressionTimezone: "Europe/Berlin",
      state: "ENABLED",
      flexibleTimeWindow: { mode: "OFF" },
      description: "Stop Aurora cluster dev-orders (aurora-power)",
      target: {
        arn: "arn:aws:scheduler:::aws-sdk:rds:stopDBCluster",
        input: '{"DbClusterIdentifier":"dev-orders"}',
        retryPolicy: { maximumRetryAttempts: 10, maximumEventAgeInSeconds: 3600 },
      },
    });
    expect(start?.inputs).toMatchObject({
      scheduleExpression: "cron(0 7 ? * MON-FRI *)",
      target: {
        arn: "arn:aws:scheduler:::aws-sdk:rds:startDBCluster",
        input: '{"DbClusterIdentifier":"dev-orders"}',
      },
    });
    const role = byType(children, "aws:iam/role:Role")[0];
    expect((stop?.inputs.target as { roleArn: string }).roleArn).toBe(
      `arn:aws:iam::123456789012:role/${role?.name}`,
    );
  });

  it("trusts only scheduler.amazonaws.com from this account", async () => {
    const { children } = await build(validArgs());
    const role = byType(children, "aws:iam/role:Role")[0];
    expect(JSON.parse(role?.inputs.assumeRolePolicy as string)).toEqual({
      Version: "2012-10-17",
      Statement: [
        {
          Effect: "Allow",
          Principal: { Service: "scheduler.amazonaws.com" },
          Action: "sts:AssumeRole",
          Condition: { StringEquals: { "aws:SourceAccount": "123456789012" } },
        },
      ],
    });
    expect(role?.inputs.tags).toEqual({ "aurora-power:cluster-identifier": "dev-orders" });
  });

  it("allows exactly stop and start on the one cluster ARN", async () => {
    const { children } = await build(validArgs());
    const policy = byType(children, "aws:iam/rolePolicy:RolePolicy")[0];
    expect(JSON.parse(policy?.inputs.policy as string)).toEqual({
      Version: "2012-10-17",
      Statement: [
        {
          Sid: "StopStartOneCluster",
          Effect: "Allow",
          Action: ["rds:StopDBCluster", "rds:StartDBCluster"],
          Resource: "arn:aws:rds:eu-west-1:123456789012:cluster:dev-orders",
        },
      ],
    });
  });

  it("stop-only allows only rds:StopDBCluster and creates no start schedule", async () => {
    const { component, children } = await build({ ...validArgs(), start: undefined });
    const policy = byType(children, "aws:iam/rolePolicy:RolePolicy")[0];
    expect(JSON.parse(policy?.inputs.policy as string).Statement[0].Action).toEqual([
      "rds:StopDBCluster",
    ]);
    expect(byType(children, "aws:scheduler/schedule:Schedule")).toHaveLength(1);
    expect(await valueOf(component.startScheduleArn)).toBeUndefined();
    expect(await valueOf(component.nextStartTime)).toBeUndefined();
  });

  it("uses a given roleArn and creates no role", async () => {
    const roleArn = "arn:aws:iam::123456789012:role/shared-scheduler";
    const { component, children } = await build({ ...validArgs(), roleArn });
    expect(byType(children, "aws:iam/role:Role")).toHaveLength(0);
    expect(byType(children, "aws:iam/rolePolicy:RolePolicy")).toHaveLength(0);
    expect(await valueOf(component.roleArn)).toBe(roleArn);
    const stop = children.find((c) => c.name.endsWith("-stop"));
    expect((stop?.inputs.target as { roleArn: string }).roleArn).toBe(roleArn);
  });

  it("passes group, retry, dead-letter queue (with sqs:SendMessage) and DISABLED through", async () => {
    const deadLetterArn = "arn:aws:sqs:eu-west-1:123456789012:scheduler-dlq";
    const { children } = await build({
      ...validArgs(),
      enabled: false,
      groupName: "aurora",
      retry: { maximumRetryAttempts: 0 },
      deadLetterArn,
    });
    const stop = children.find((c) => c.name.endsWith("-stop"));
    expect(stop?.inputs).toMatchObject({
      groupName: "aurora",
      state: "DISABLED",
      target: {
        retryPolicy: { maximumRetryAttempts: 0, maximumEventAgeInSeconds: 3600 },
        deadLetterConfig: { arn: deadLetterArn },
      },
    });
    const policy = byType(children, "aws:iam/rolePolicy:RolePolicy")[0];
    expect(JSON.parse(policy?.inputs.policy as string).Statement[1]).toEqual({
      Sid: "DeadLetterQueue",
      Effect: "Allow",
      Action: "sqs:SendMessage",
      Resource: deadLetterArn,
    });
  });

  it("accepts the cluster identifier as an Output", async () => {
    const { children } = await build({
      ...validArgs(),
      clusterIdentifier: pulumi.output("dev-billing"),
    });
    const stop = children.find((c) => c.name.endsWith("-stop"));
    expect((stop?.inputs.target as { input: string }).input).toBe(
      '{"DbClusterIdentifier":"dev-billing"}',
    );
  });
});

describe("outputs", () => {
  it("computes the next stop and start times in the time zone (fixed clock)", async () => {
    const { component } = await build(validArgs());
    // Wednesday 12:00 UTC = 13:00 Berlin: next stop today 19:00 CET, next start Thursday 07:00 CET.
    expect(await valueOf(component.nextStopTime)).toBe("2026-03-04T18:00:00.000Z");
    expect(await valueOf(component.nextStartTime)).toBe("2026-03-05T06:00:00.000Z");
    expect(await valueOf(component.stopScheduleArn)).toMatch(
      /^arn:aws:scheduler:eu-west-1:123456789012:schedule\/default\/sched\d+-stop$/,
    );
    expect(await valueOf(component.startScheduleArn)).toMatch(/schedule\/default\/sched\d+-start$/);
    expect(await valueOf(component.clusterIdentifier)).toBe("dev-orders");
  });
});
