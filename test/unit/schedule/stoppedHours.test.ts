import { parseScheduleExpression } from "../../../provider/schedule";
import { stoppedHoursPerWeek } from "../../../provider/schedule/stoppedHours";

const cron = (text: string) => parseScheduleExpression(text);
/** Wednesday 2026-03-04 12:00 UTC; the 4 weeks after it include Europe's DST change (Mar 29). */
const FROM = new Date("2026-03-04T12:00:00Z");

describe("stoppedHoursPerWeek", () => {
  it("office hours: four 12 h nights and the 60 h weekend, 108 h a week", () => {
    const stop = cron("cron(0 19 ? * MON-FRI *)");
    const start = cron("cron(0 7 ? * MON-FRI *)");
    expect(stoppedHoursPerWeek(stop, start, "UTC", FROM)).toBe(108);
  });

  it("office hours in Berlin: spring forward shortens one weekend by an hour, 107.75 h on average", () => {
    const stop = cron("cron(0 19 ? * MON-FRI *)");
    const start = cron("cron(0 7 ? * MON-FRI *)");
    // Spring forward (Sunday Mar 29, 02:00 → 03:00) shortens one weekend by an hour.
    expect(stoppedHoursPerWeek(stop, start, "Europe/Berlin", FROM)).toBe(107.8);
  });

  it("weekend only: Friday 20:00 to Monday 06:00, 58 h", () => {
    const stop = cron("cron(0 20 ? * FRI *)");
    const start = cron("cron(0 6 ? * MON *)");
    expect(stoppedHoursPerWeek(stop, start, "UTC", FROM)).toBe(58);
  });

  it("stop only, weekly: RDS starts it after 7 days and the schedule stops it again, 168 h", () => {
    expect(stoppedHoursPerWeek(cron("cron(0 19 ? * FRI *)"), undefined, "UTC", FROM)).toBe(168);
  });

  it("stop only, every 14 days: RDS's automatic start ends each stop after 7 days, 84 h", () => {
    const everyFourteenDays = cron("rate(14 days)");
    expect(stoppedHoursPerWeek(everyFourteenDays, undefined, "UTC", FROM)).toBe(84);
  });

  it("a nightly stop whose start is a minute later stops nothing worth counting", () => {
    const stop = cron("cron(0 19 * * ? *)");
    const start = cron("cron(1 19 * * ? *)");
    expect(stoppedHoursPerWeek(stop, start, "UTC", FROM)).toBe(0.1);
  });

  it("counts holidays in its 4 weeks: a Monday without its start stays stopped 12 h more (+3 h a week)", () => {
    const stop = cron("cron(0 19 ? * MON-FRI *)");
    const start = cron("cron(0 7 ? * MON-FRI *)");
    expect(stoppedHoursPerWeek(stop, start, "UTC", FROM, 4, new Set(["2026-03-09"]))).toBe(111);
    // A holiday on a Saturday, or after the 4 weeks, leaves the figure alone.
    expect(stoppedHoursPerWeek(stop, start, "UTC", FROM, 4, new Set(["2026-03-07"]))).toBe(108);
    expect(stoppedHoursPerWeek(stop, start, "UTC", FROM, 4, new Set(["2026-04-06"]))).toBe(108);
  });

  it("a holiday fortnight is capped by RDS's automatic start after 7 days", () => {
    const stop = cron("cron(0 19 ? * FRI *)");
    const start = cron("cron(0 7 ? * MON *)");
    // Mondays 9 and 16 are holidays. Stopped Fri 6 19:00; RDS starts it on Fri 13 at 19:00 (7
    // days), the minute the next stop stops it again, and again on Fri 20: 168 h + 168 h, then
    // Fri 20 → Mon 23 and Fri 27 → Mon 30, 60 h each. (456 h) / 4 = 114 h; without holidays 60 h.
    const holidays = new Set(["2026-03-09", "2026-03-16"]);
    expect(stoppedHoursPerWeek(stop, start, "UTC", FROM, 4, holidays)).toBe(114);
    expect(stoppedHoursPerWeek(stop, start, "UTC", FROM)).toBe(60);
  });
});
