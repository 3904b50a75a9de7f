import { installAwsMocks, settle, valueOf } from "../../support/awsMocks";
import { fakeDateOnly } from "../../support/fakeDateOnly";
import {
  program,
  START_EXPRESSION,
  STOP_EXPRESSION,
  yearEndHolidays,
} from "../../../examples/scheduled-dev-cluster/program";

const resources = installAwsMocks();
/** Saturday 2026-11-28 12:00 UTC. Only Date is faked; pulumi's timers stay real. */
const NOW = new Date("2026-11-28T12:00:00Z");

fakeDateOnly(NOW);

describe("examples/scheduled-dev-cluster", () => {
  it("creates a dev-tagged cluster and a stop/start schedule targeting it, split around the holidays", async () => {
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
      .sort((a, b) => (a.name.endsWith("-stop") ? -1 : b.name.endsWith("-stop") ? 1 : 0))
      .slice(0, 2);
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
      "aws:scheduler/schedule:Schedule",
      "aws:scheduler/schedule:Schedule",
      "aws:sfn/stateMachine:StateMachine",
    ]);
    // Saturday 13:00 in Berlin: the next stop is Monday 19:00 CET, the next start Monday 07:00.
    expect(await valueOf(outputs.nextStopTime)).toBe("2026-11-30T18:00:00.000Z");
    expect(await valueOf(outputs.nextStartTime)).toBe("2026-11-30T06:00:00.000Z");
    // The default holidays, the coming turn of the year, split the start schedule into windows.
    const starts = resources
      .filter((r) => r.name.startsWith("dev-orders-office-hours-start"))
      .map((r) => [r.name, r.inputs.startDate, r.inputs.endDate])
      .sort();
    // Thu 24 and Fri 25 share a gap (Sat 26 has no start); Thu 31 and Fri 1 share the next one.
    expect(starts).toEqual([
      ["dev-orders-office-hours-start", undefined, "2026-12-23T22:59:59Z"],
      ["dev-orders-office-hours-start-2026-12-26", "2026-12-25T22:59:59Z", "2026-12-30T22:59:59Z"],
      ["dev-orders-office-hours-start-2027-01-02", "2027-01-01T22:59:59Z", undefined],
    ]);
  });

  it("takes the coming turn of the year as default holidays", () => {
    expect(yearEndHolidays(NOW)).toEqual([
      "2026-12-24",
      "2026-12-25",
      "2026-12-26",
      "2026-12-31",
      "2027-01-01",
    ]);
    // From Christmas Eve on, the next turn of the year.
    expect(yearEndHolidays(new Date("2026-12-24T00:00:00Z"))[0]).toBe("2027-12-24");
  });
});
