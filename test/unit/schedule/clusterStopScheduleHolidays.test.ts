import * as pulumi from "@pulumi/pulumi";
import { installAwsMocks, settle, valueOf, type MockedResource } from "../../support/awsMocks";
import { fakeDateOnly } from "../../support/fakeDateOnly";
import {
  ClusterStopSchedule,
  type ClusterStopScheduleArgs,
} from "../../../provider/clusterStopSchedule";
import { stopScheduleErrorFor as errorFor } from "./support/stopScheduleErrorFor";

const resources = installAwsMocks();
/** Wednesday 2026-03-04 12:00 UTC (13:00 in Berlin). Only Date is faked; pulumi's timers stay real. */
const NOW = new Date("2026-03-04T12:00:00Z");

fakeDateOnly(NOW);

/** Office hours in Berlin, through the universal targets; each test changes `holidays`. */
const validArgs = (holidays?: readonly string[]): ClusterStopScheduleArgs => ({
  stopThrough: "direct",
  clusterIdentifier: "dev-orders",
  stop: "cron(0 19 ? * MON-FRI *)",
  start: "cron(0 7 ? * MON-FRI *)",
  timezone: "Europe/Berlin",
  holidays,
});

let counter = 0;
async function build(args: ClusterStopScheduleArgs) {
  const name = `hol${++counter}`;
  const component = new ClusterStopSchedule(name, args);
  await valueOf(component.startScheduleArns);
  await settle();
  const schedules = resources.filter(
    (r) => r.name.startsWith(`${name}-`) && r.type === "aws:scheduler/schedule:Schedule",
  );
  return { name, component, schedules };
}

const text = (value: unknown): string => (typeof value === "string" ? value : "-");

/** `name startDate endDate` of each start schedule, `-` for an absent date. */
const windowsOf = (name: string, schedules: MockedResource[]): string[] =>
  schedules
    .filter((s) => s.name.startsWith(`${name}-start`))
    .map((s) =>
      [s.name.slice(name.length), text(s.inputs.startDate), text(s.inputs.endDate)].join(" "),
    )
    .sort();

describe("start schedule split around holidays", () => {
  it("one window per gap, at Berlin's local midnights across the March DST change; Good Friday and Easter Monday share a gap", async () => {
    const { name, schedules } = await build(validArgs(["2026-03-30", "2026-04-03", "2026-04-06"]));
    expect(windowsOf(name, schedules)).toEqual([
      "-start - 2026-03-29T21:59:59Z",
      "-start-2026-03-31 2026-03-30T21:59:59Z 2026-04-02T21:59:59Z",
      "-start-2026-04-07 2026-04-06T21:59:59Z -",
    ]);
  });

  it("every window has the start's expression, time zone, target, input and role; the stop is untouched", async () => {
    const { name, schedules } = await build(validArgs(["2026-03-30"]));
    const starts = schedules.filter((s) => s.name.startsWith(`${name}-start`));
    expect(starts).toHaveLength(2);
    const role = resources.find((r) => r.type === "aws:iam/role:Role" && r.name === `${name}-role`);
    for (const start of starts) {
      expect(start.inputs).toMatchObject({
        scheduleExpression: "cron(0 7 ? * MON-FRI *)",
        scheduleExpressionTimezone: "Europe/Berlin",
        state: "ENABLED",
        flexibleTimeWindow: { mode: "OFF" },
        description: "Start Aurora cluster dev-orders (aurora-power)",
        target: {
          arn: "arn:aws:scheduler:::aws-sdk:rds:startDBCluster",
          input: '{"DbClusterIdentifier":"dev-orders"}',
          roleArn: `arn:aws:iam::123456789012:role/${role?.name}`,
          retryPolicy: { maximumRetryAttempts: 10, maximumEventAgeInSeconds: 3600 },
        },
      });
    }
    const stop = schedules.find((s) => s.name === `${name}-stop`);
    expect(stop?.inputs.startDate).toBeUndefined();
    expect(stop?.inputs.endDate).toBeUndefined();
  });

  it("without holidays, or with an empty list: one start schedule, undated, named as before", async () => {
    for (const holidays of [undefined, []]) {
      const { name, schedules } = await build(validArgs(holidays));
      expect(windowsOf(name, schedules)).toEqual(["-start - -"]);
    }
  });

  it("a holiday on a Saturday changes nothing: one undated start schedule", async () => {
    const { name, schedules, component } = await build(validArgs(["2026-03-07"]));
    expect(windowsOf(name, schedules)).toEqual(["-start - -"]);
    expect(await valueOf(component.nextStartTime)).toBe("2026-03-05T06:00:00.000Z");
  });

  it("merges duplicates", async () => {
    const { name, schedules } = await build(validArgs(["2026-03-30", "2026-03-30"]));
    expect(windowsOf(name, schedules)).toEqual([
      "-start - 2026-03-29T21:59:59Z",
      "-start-2026-03-31 2026-03-30T21:59:59Z -",
    ]);
  });
});

describe("outputs with holidays", () => {
  it("nextStartTime skips tomorrow's holiday; the ARNs list every window in date order", async () => {
    const { name, component } = await build(validArgs(["2026-03-05", "2026-03-12"]));
    expect(await valueOf(component.nextStartTime)).toBe("2026-03-06T06:00:00.000Z");
    const arns = await valueOf(component.startScheduleArns);
    expect(arns.map((arn) => arn.replace(/^.*\//, ""))).toEqual([
      `${name}-start`,
      `${name}-start-2026-03-06`,
      `${name}-start-2026-03-13`,
    ]);
    expect(await valueOf(component.startScheduleArn)).toBe(arns[0]);
  });

  it("stoppedHoursPerWeek counts a holiday in its 4 weeks: the 12 office hours of that Monday stay stopped, 12 h / 4 weeks = +3 h", async () => {
    const plain = await build(validArgs());
    const withHoliday = await build(validArgs(["2026-03-09"]));
    expect(await valueOf(plain.component.stoppedHoursPerWeek)).toBe(107.8);
    expect(await valueOf(withHoliday.component.stoppedHoursPerWeek)).toBe(110.8);
  });

  it("stop-only schedules have no start schedule and no ARNs", async () => {
    const { component, schedules } = await build({ ...validArgs(), start: undefined });
    expect(schedules).toHaveLength(1);
    expect(await valueOf(component.startScheduleArns)).toEqual([]);
    expect(await valueOf(component.startScheduleArn)).toBeUndefined();
  });
});

describe("past holidays", () => {
  let warn: jest.SpyInstance;
  beforeEach(() => {
    warn = jest.spyOn(pulumi.log, "warn").mockImplementation(() => Promise.resolve());
  });
  afterEach(() => warn.mockRestore());

  it("warns about dates that are over and leaves them out; today's holiday still holds", async () => {
    const { name, schedules, component } = await build(
      validArgs(["2026-03-04", "2026-03-03", "2026-02-01"]),
    );
    expect(warn.mock.calls.map((call) => String(call[0]))).toEqual([
      `ClusterStopSchedule \`${name}\` for cluster \`dev-orders\`: \`holidays\` \`2026-02-01\`, \`2026-03-03\` are over in \`Europe/Berlin\` and left out; remove past dates from the list`,
    ]);
    // The window before today's holiday has ended: none is created, and no StartDate is past.
    expect(windowsOf(name, schedules)).toEqual(["-start-2026-03-05 2026-03-04T22:59:59Z -"]);
    expect(await valueOf(component.nextStartTime)).toBe("2026-03-05T06:00:00.000Z");
  });

  it("does not warn for future holidays", async () => {
    await build(validArgs(["2026-12-24"]));
    expect(warn).not.toHaveBeenCalled();
  });
});

describe("holiday validation messages", () => {
  const PREFIX = "ClusterStopSchedule `nightly` for cluster `dev-orders`: ";

  it.each<[string, Partial<ClusterStopScheduleArgs>, string]>([
    [
      "a date that does not exist",
      { holidays: ["2026-12-24", "2026-02-30"] },
      '`holidays` entry "2026-02-30" is not a calendar date written `YYYY-MM-DD`; write it like `2026-12-24` (a date of the schedule\'s time zone, no time, no offset)',
    ],
    [
      "another date format",
      { holidays: ["24.12.2026"] },
      '`holidays` entry "24.12.2026" is not a calendar date written `YYYY-MM-DD`; write it like `2026-12-24` (a date of the schedule\'s time zone, no time, no offset)',
    ],
    [
      "a date with a time",
      { holidays: ["2026-12-24T00:00:00Z"] },
      '`holidays` entry "2026-12-24T00:00:00Z" is not a calendar date written `YYYY-MM-DD`; write it like `2026-12-24` (a date of the schedule\'s time zone, no time, no offset)',
    ],
    [
      "an Output",
      { holidays: pulumi.output(["2026-12-24"]) as unknown as string[] },
      '`holidays` must be a plain list of `YYYY-MM-DD` dates, known when the program runs; got an Output. The holidays decide how many start schedules there are, which preview must know: pass a literal list or read it from stack config, e.g. `config.requireObject<string[]>("holidays")`',
    ],
    [
      "an Output inside the list",
      { holidays: ["2026-12-24", pulumi.output("2026-12-25")] as unknown as string[] },
      '`holidays` must be a plain list of `YYYY-MM-DD` dates, known when the program runs; got an Output. The holidays decide how many start schedules there are, which preview must know: pass a literal list or read it from stack config, e.g. `config.requireObject<string[]>("holidays")`',
    ],
    [
      "a number",
      { holidays: [20261224] as unknown as string[] },
      '`holidays` entry "20261224" is not a calendar date written `YYYY-MM-DD`; write it like `2026-12-24` (a date of the schedule\'s time zone, no time, no offset)',
    ],
    [
      "a single string",
      { holidays: "2026-12-24" as unknown as string[] },
      '`holidays` must be a plain list of `YYYY-MM-DD` dates, known when the program runs; got string. The holidays decide how many start schedules there are, which preview must know: pass a literal list or read it from stack config, e.g. `config.requireObject<string[]>("holidays")`',
    ],
    [
      "holidays without start",
      { start: undefined, holidays: ["2026-12-24"] },
      "`holidays` leave out starts, and there is no `start`; add `start`, or remove `holidays`",
    ],
    [
      "holidays with a rate start",
      { start: "rate(1 day)", holidays: ["2026-12-24"] },
      "`holidays` need `start` to be a `cron(…)` expression, and `start` is `rate(1 day)` (a `rate(…)` schedule counts from each window's start date, an `at(…)` schedule runs once); write `start` as `cron(…)`, e.g. `cron(0 7 ? * MON-FRI *)`, or remove `holidays`",
    ],
  ])("%s", (_title, change, detail) => {
    const error = errorFor({ ...validArgs(), ...change });
    expect(error.message).toBe(PREFIX + detail);
    expect(error.input).toBe("holidays");
  });
});

describe("holidays with notifications (a start workflow)", () => {
  const TOPIC = "arn:aws:sns:eu-west-1:123456789012:aurora-ops";

  it("every start window starts the one start workflow, with the one role allowed to start it", async () => {
    const { name, schedules } = await build({
      ...validArgs(["2026-03-30", "2026-04-06"]),
      stopThrough: undefined,
      notifications: { topicArn: TOPIC, notifyOn: "all" },
    });
    const machine = `arn:aws:states:eu-west-1:123456789012:stateMachine:${name}-start-workflow`;
    const role = `arn:aws:iam::123456789012:role/${name}-role`;
    expect(windowsOf(name, schedules)).toEqual([
      "-start - 2026-03-29T21:59:59Z",
      "-start-2026-03-31 2026-03-30T21:59:59Z 2026-04-05T21:59:59Z",
      "-start-2026-04-07 2026-04-06T21:59:59Z -",
    ]);
    for (const start of schedules.filter((s) => s.name.startsWith(`${name}-start`))) {
      expect(start.inputs.target).toMatchObject({
        arn: machine,
        roleArn: role,
        input: '{"DbClusterIdentifier":"dev-orders"}',
      });
    }
    expect(schedules.find((s) => s.name === `${name}-stop`)?.inputs.target).toMatchObject({
      arn: `arn:aws:states:eu-west-1:123456789012:stateMachine:${name}-workflow`,
      roleArn: role,
    });
    expect(
      resources.filter((r) => r.type === "aws:sfn/stateMachine:StateMachine").map((r) => r.name),
    ).toEqual(expect.arrayContaining([`${name}-workflow`, `${name}-start-workflow`]));
    expect(resources.filter((r) => r.name === `${name}-start-workflow`)).toHaveLength(1);
    const policy = resources.find((r) => r.name === `${name}-policy`);
    expect(JSON.parse(String(policy?.inputs.policy))).toEqual({
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
  });
});
