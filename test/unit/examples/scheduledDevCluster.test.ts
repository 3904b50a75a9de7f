import { installAwsMocks, settle, valueOf } from "../../support/awsMocks";
import {
  program,
  START_EXPRESSION,
  STOP_EXPRESSION,
} from "../../../examples/scheduled-dev-cluster/program";

const resources = installAwsMocks();

describe("examples/scheduled-dev-cluster", () => {
  it("creates a dev-tagged cluster and a stop/start schedule targeting it", async () => {
    const outputs = program();
    expect(await valueOf(outputs.clusterIdentifier)).toBe("dev-orders");
    await valueOf(outputs.stopScheduleArn);
    await settle();
    const cluster = resources.find((r) => r.type === "aws:rds/cluster:Cluster");
    expect(cluster?.inputs).toMatchObject({
      clusterIdentifier: "dev-orders",
      engine: "aurora-postgresql",
      tags: { Environment: "dev", Team: "orders" },
    });
    const schedules = resources
      .filter((r) => r.type === "aws:scheduler/schedule:Schedule")
      .sort((a, b) => (a.name.endsWith("-stop") ? -1 : b.name.endsWith("-stop") ? 1 : 0));
    expect(
      schedules.map((s) => [
        s.inputs.scheduleExpression,
        s.inputs.target as { arn: string; input: string },
      ]),
    ).toEqual([
      [
        STOP_EXPRESSION,
        // Stops go through the stop workflow (the default), starts through the universal target.
        expect.objectContaining({
          arn: "arn:aws:states:eu-west-1:123456789012:stateMachine:dev-orders-office-hours-workflow",
          input: '{"DbClusterIdentifier":"dev-orders"}',
        }),
      ],
      [
        START_EXPRESSION,
        expect.objectContaining({
          arn: "arn:aws:scheduler:::aws-sdk:rds:startDBCluster",
          input: '{"DbClusterIdentifier":"dev-orders"}',
        }),
      ],
    ]);
    expect(schedules.every((s) => s.inputs.scheduleExpressionTimezone === "Europe/Berlin")).toBe(
      true,
    );
    expect(resources.map((r) => r.type).sort()).toEqual([
      "aurora-power:index:ClusterStopSchedule",
      "aws:iam/role:Role",
      "aws:iam/role:Role",
      "aws:iam/rolePolicy:RolePolicy",
      "aws:iam/rolePolicy:RolePolicy",
      "aws:rds/cluster:Cluster",
      "aws:rds/clusterInstance:ClusterInstance",
      "aws:scheduler/schedule:Schedule",
      "aws:scheduler/schedule:Schedule",
      "aws:sfn/stateMachine:StateMachine",
    ]);
    expect(await valueOf(outputs.nextStopTime)).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:00:00\.000Z$/);
  });
});
