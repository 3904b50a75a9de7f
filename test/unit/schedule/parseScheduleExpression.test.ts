import {
  parseScheduleExpression,
  tryParseScheduleExpression,
  ScheduleExpressionError,
} from "../../../provider/schedule";

const pattern = (expression: string): string => {
  const parsed = parseScheduleExpression(expression);
  if (parsed.kind !== "cron") throw new Error(`not cron: ${expression}`);
  return parsed.cronerPattern;
};

const reasonOf = (expression: string): string => {
  const result = tryParseScheduleExpression(expression);
  if (result.ok) throw new Error(`expected ${expression} to be rejected`);
  return result.error.reason;
};

describe("cron translation to croner (seconds first, day-of-week 0 = SUN)", () => {
  it.each([
    ["cron(0 19 ? * MON-FRI *)", "0 0 19 * * 1-5 *"],
    ["cron(0 19 ? * 2-6 *)", "0 0 19 * * 1-5 *"],
    ["cron(0 19 ? * 1,7 *)", "0 0 19 * * 0,6 *"],
    ["cron(0 19 ? * sun *)", "0 0 19 * * 0 *"],
    ["cron(0 8 ? * 6L *)", "0 0 8 * * 5#L *"],
    ["cron(0 8 ? * FRIL *)", "0 0 8 * * 5#L *"],
    ["cron(0 8 ? * 3#2 *)", "0 0 8 * * 2#2 *"],
    ["cron(0 8 ? * L *)", "0 0 8 * * 6 *"],
    ["cron(0 8 ? * FRI-MON *)", "0 0 8 * * 5,6,0,1 *"],
    ["cron(1/10 * * * ? *)", "0 1-59/10 * * * * *"],
    ["cron(*/15 9-17 * * ? *)", "0 */15 9-17 * * * *"],
    ["cron(0 8 L * ? *)", "0 0 8 L * * *"],
    ["cron(0 8 15W * ? *)", "0 0 8 15W * * *"],
    ["cron(0 8 LW * ? *)", "0 0 8 LW * * *"],
    ["cron(0 8 1 JAN,JUL ? 2027-2029)", "0 0 8 1 1,7 * 2027-2029"],
    ["cron(0   8  1 * ?  2030/2)", "0 0 8 1 * * 2030-2199/2"],
  ])("%s -> %s", (expression, expected) => {
    expect(pattern(expression)).toBe(expected);
  });

  it("keeps the six EventBridge fields as given", () => {
    expect(parseScheduleExpression("cron(0 19 ? * MON-FRI *)")).toEqual({
      kind: "cron",
      expression: "cron(0 19 ? * MON-FRI *)",
      fields: ["0", "19", "?", "*", "MON-FRI", "*"],
      cronerPattern: "0 0 19 * * 1-5 *",
    });
  });
});

describe("rate and at", () => {
  it.each([
    ["rate(1 minute)", "minutes", 60],
    ["rate(5 minutes)", "minutes", 300],
    ["rate(12 hours)", "hours", 43200],
    ["rate(1 day)", "days", 86400],
    ["rate(7 days)", "days", 604800],
  ])("%s", (expression, unit, intervalSeconds) => {
    expect(parseScheduleExpression(expression)).toMatchObject({
      kind: "rate",
      unit,
      intervalSeconds,
    });
  });

  it("reads at() as a wall-clock time", () => {
    expect(parseScheduleExpression("at(2030-01-31T19:00:00)")).toEqual({
      kind: "at",
      expression: "at(2030-01-31T19:00:00)",
      localDateTime: "2030-01-31T19:00:00",
    });
  });
});

describe("validation messages", () => {
  it("names the expression in backticks with the reason", () => {
    const error = (() => {
      try {
        parseScheduleExpression("cron(0 19 * * MON-FRI *)");
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(ScheduleExpressionError);
    expect((error as Error).message).toBe(
      "schedule expression `cron(0 19 * * MON-FRI *)` is invalid: exactly one of day-of-month and " +
        "day-of-week must be `?` (EventBridge cannot combine them); e.g. `cron(0 19 ? * MON-FRI *)` " +
        "or `cron(0 19 1 * ? *)`",
    );
  });

  it.each([
    [
      "0 19 * * MON-FRI",
      "expected `cron(…)`, `rate(…)` or `at(…)`, e.g. `cron(0 19 ? * MON-FRI *)`, `rate(1 day)` or `at(2030-01-31T19:00:00)`",
    ],
    [
      "cron(0 19 ? * MON-FRI)",
      "a cron expression has 6 fields (minutes hours day-of-month month day-of-week year), found 5; e.g. `cron(0 19 ? * MON-FRI *)`",
    ],
    [
      "cron(0 19 ? * ? *)",
      "exactly one of day-of-month and day-of-week must be `?` (EventBridge cannot combine them); e.g. `cron(0 19 ? * MON-FRI *)` or `cron(0 19 1 * ? *)`",
    ],
    ["cron(0 ? * * ? *)", "`?` is only allowed in day-of-month or day-of-week, not in hours"],
    ["cron(60 19 ? * MON *)", "minutes value `60` is out of range 0-59"],
    ["cron(0 19 ? * 0 *)", "day-of-week value `0` is out of range 1-7"],
    ["cron(0 19 ? * MON 2200)", "year value `2200` is out of range 1970-2199"],
    [
      "cron(0 19 ? FOO MON *)",
      "`FOO` is not a value of month (1-12 or JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)",
    ],
    ["cron(0 22-6 ? * MON *)", "range `22-6` in hours runs backwards; split it as `22-23,0-6`"],
    [
      "cron(0 8 ? * 3#1,6#3 *)",
      "`3#1,6#3`: with `#` day-of-week takes a single item (AWS refuses `3#1,6#3`)",
    ],
    ["cron(0 8 ? * 3#6 *)", "`3#6`: the week after `#` must be 1-5"],
    ["cron(*/0 8 ? * MON *)", "step `/0` in minutes must be a positive whole number"],
    [
      "cron(0 8 ? * MON/2 *)",
      "`MON/2` is not a value of day-of-week (1-7 or SUN|MON|TUE|WED|THU|FRI|SAT)",
    ],
    ["cron(0 8 32W * ? *)", "`32W` in day-of-month needs a day 1-31 before `W`"],
    ["cron(0 8 1,,2 * ? *)", "day-of-month `1,,2` has an empty item"],
    ["cron(0 L 1 * ? *)", "`L` is not a value of hours (0-23)"],
    [
      "rate(0 minutes)",
      "a rate expression is `rate(value unit)` with a positive whole value and a unit of `minute(s)`, `hour(s)` or `day(s)`; e.g. `rate(12 hours)`",
    ],
    [
      "rate(2 weeks)",
      "a rate expression is `rate(value unit)` with a positive whole value and a unit of `minute(s)`, `hour(s)` or `day(s)`; e.g. `rate(12 hours)`",
    ],
    [
      "at(2026-02-30T10:00:00)",
      "a one-time expression is `at(yyyy-mm-ddThh:mm:ss)` with a real date and 24-hour time in the schedule's time zone, no offset; e.g. `at(2030-01-31T19:00:00)`",
    ],
    [
      "at(2026-03-01T10:00:00Z)",
      "a one-time expression is `at(yyyy-mm-ddThh:mm:ss)` with a real date and 24-hour time in the schedule's time zone, no offset; e.g. `at(2030-01-31T19:00:00)`",
    ],
  ])("%s", (expression, reason) => {
    expect(reasonOf(expression)).toBe(reason);
  });
});
