import {
  InvalidClusterStopScheduleError,
  InvalidTimeZoneError,
  ScheduleExpressionError,
  isValidTimeZone,
  nextRuns,
  parseScheduleExpression,
  type ScheduleExpression,
} from "aurora-power";
import * as schedule from "../../../provider/schedule";
import * as stopScheduleArgs from "../../../provider/clusterStopScheduleArgs";

describe("package root (`aurora-power`) schedule helpers", () => {
  it("re-exports the schedule module's functions and errors, not copies", () => {
    expect(parseScheduleExpression).toBe(schedule.parseScheduleExpression);
    expect(isValidTimeZone).toBe(schedule.isValidTimeZone);
    expect(nextRuns).toBe(schedule.nextRuns);
    expect(ScheduleExpressionError).toBe(schedule.ScheduleExpressionError);
    expect(InvalidTimeZoneError).toBe(schedule.InvalidTimeZoneError);
    expect(InvalidClusterStopScheduleError).toBe(stopScheduleArgs.InvalidClusterStopScheduleError);
  });

  it("lets a user check an expression and preview its runs before deploying", () => {
    const parsed: ScheduleExpression = parseScheduleExpression("cron(0 19 ? * MON-FRI *)");
    expect(parsed.kind).toBe("cron");
    expect(isValidTimeZone("Europe/Berlin")).toBe(true);
    expect(isValidTimeZone("+01:00")).toBe(false);
    const runs = nextRuns(parsed, "Europe/Berlin", new Date("2026-11-23T12:00:00Z"), 2);
    expect(runs.map((d) => d.toISOString())).toEqual([
      "2026-11-23T18:00:00.000Z",
      "2026-11-24T18:00:00.000Z",
    ]);
    expect(() => parseScheduleExpression("every day")).toThrow(ScheduleExpressionError);
    expect(() => nextRuns("rate(1 day)", "CEST", new Date(), 1)).toThrow(InvalidTimeZoneError);
  });
});
