import {
  InvalidTimeZoneError,
  isValidTimeZone,
  nextRuns,
  recursAtLeastEvery,
  AUTOMATIC_RESTART_SECONDS,
  WEEKLY_MAX_GAP_SECONDS,
  wallClock,
} from "../../../provider/schedule";

const iso = (dates: Date[]): string[] => dates.map((date) => date.toISOString());
/** Wednesday 2026-03-04 12:00 UTC: the fixed clock of this suite. */
const FROM = new Date("2026-03-04T12:00:00Z");

describe("nextRuns for cron expressions", () => {
  it("weekday evenings in Berlin (UTC+1 in March)", () => {
    expect(iso(nextRuns("cron(0 19 ? * MON-FRI *)", "Europe/Berlin", FROM, 4))).toEqual([
      "2026-03-04T18:00:00.000Z",
      "2026-03-05T18:00:00.000Z",
      "2026-03-06T18:00:00.000Z",
      "2026-03-09T18:00:00.000Z",
    ]);
  });

  it("is strictly after `from`", () => {
    const from = new Date("2026-03-04T18:00:00Z");
    expect(iso(nextRuns("cron(0 19 ? * MON-FRI *)", "Europe/Berlin", from, 1))).toEqual([
      "2026-03-05T18:00:00.000Z",
    ]);
  });

  it("Sunday is 1 in EventBridge: `1` fires on Sundays", () => {
    expect(iso(nextRuns("cron(0 6 ? * 1 *)", "UTC", FROM, 2))).toEqual([
      "2026-03-08T06:00:00.000Z",
      "2026-03-15T06:00:00.000Z",
    ]);
  });

  it("`6L` is the last Friday of the month", () => {
    expect(iso(nextRuns("cron(0 20 ? * 6L *)", "UTC", FROM, 3))).toEqual([
      "2026-03-27T20:00:00.000Z",
      "2026-04-24T20:00:00.000Z",
      "2026-05-29T20:00:00.000Z",
    ]);
  });

  it("`3#2` is the second Tuesday", () => {
    expect(iso(nextRuns("cron(0 7 ? * 3#2 *)", "UTC", FROM, 2))).toEqual([
      "2026-03-10T07:00:00.000Z",
      "2026-04-14T07:00:00.000Z",
    ]);
  });

  it("`L` in day-of-month is the last day; `15W` the weekday nearest the 15th", () => {
    expect(iso(nextRuns("cron(0 23 L * ? *)", "UTC", FROM, 2))).toEqual([
      "2026-03-31T23:00:00.000Z",
      "2026-04-30T23:00:00.000Z",
    ]);
    // 2026-03-15 is a Sunday, so the nearest weekday is Monday the 16th.
    expect(iso(nextRuns("cron(0 8 15W * ? *)", "UTC", FROM, 1))).toEqual([
      "2026-03-16T08:00:00.000Z",
    ]);
  });

  it("honours ranges, steps and the year field", () => {
    expect(iso(nextRuns("cron(0/20 9-10 1 JUN ? 2027)", "UTC", FROM, 7))).toEqual([
      "2027-06-01T09:00:00.000Z",
      "2027-06-01T09:20:00.000Z",
      "2027-06-01T09:40:00.000Z",
      "2027-06-01T10:00:00.000Z",
      "2027-06-01T10:20:00.000Z",
      "2027-06-01T10:40:00.000Z",
    ]);
  });

  it("follows US daylight saving time (starts 2026-03-08)", () => {
    expect(iso(nextRuns("cron(0 19 ? * FRI,MON *)", "America/New_York", FROM, 2))).toEqual([
      "2026-03-07T00:00:00.000Z",
      "2026-03-09T23:00:00.000Z",
    ]);
  });

  it("skips a time that does not exist when clocks spring forward", () => {
    // Berlin 2026-03-29: 02:00 -> 03:00, so 02:30 does not happen that day.
    const from = new Date("2026-03-27T00:00:00Z");
    expect(iso(nextRuns("cron(30 2 * * ? *)", "Europe/Berlin", from, 3))).toEqual([
      "2026-03-27T01:30:00.000Z",
      "2026-03-28T01:30:00.000Z",
      "2026-03-30T00:30:00.000Z",
    ]);
  });

  it("runs a repeated time once when clocks fall back", () => {
    // Berlin 2026-10-25: 03:00 CEST -> 02:00 CET; 02:00 and 02:30 occur twice.
    const from = new Date("2026-10-24T23:00:00Z");
    expect(iso(nextRuns("cron(0/30 2 * * ? *)", "Europe/Berlin", from, 4))).toEqual([
      "2026-10-25T00:00:00.000Z",
      "2026-10-25T00:30:00.000Z",
      "2026-10-26T01:00:00.000Z",
      "2026-10-26T01:30:00.000Z",
    ]);
  });

  it("ends when the years run out", () => {
    expect(nextRuns("cron(0 8 1 * ? 2025)", "UTC", FROM, 3)).toEqual([]);
  });
});

describe("nextRuns for rate and at", () => {
  it("counts rate() from `from` in fixed durations", () => {
    expect(iso(nextRuns("rate(12 hours)", "Europe/Berlin", FROM, 3))).toEqual([
      "2026-03-05T00:00:00.000Z",
      "2026-03-05T12:00:00.000Z",
      "2026-03-06T00:00:00.000Z",
    ]);
  });

  it("reads at() in the schedule's time zone and yields it once", () => {
    expect(iso(nextRuns("at(2026-07-01T19:00:00)", "Asia/Kolkata", FROM, 3))).toEqual([
      "2026-07-01T13:30:00.000Z",
    ]);
    expect(nextRuns("at(2026-01-01T19:00:00)", "UTC", FROM, 3)).toEqual([]);
  });

  it("returns nothing for count 0 and refuses a bad time zone", () => {
    expect(nextRuns("rate(1 day)", "UTC", FROM, 0)).toEqual([]);
    expect(() => nextRuns("rate(1 day)", "Mars/Olympus", FROM, 1)).toThrow(InvalidTimeZoneError);
    expect(() => nextRuns("rate(1 day)", "CEST", FROM, 1)).toThrow(
      "time zone `CEST` is not an IANA time zone name; use a name such as `Europe/Berlin`, " +
        "`America/New_York` or `UTC` (offsets like `+01:00` are not accepted)",
    );
  });
});

describe("isValidTimeZone and wallClock", () => {
  it.each([
    ["Europe/Berlin", true],
    ["America/Argentina/Buenos_Aires", true],
    ["UTC", true],
    ["Etc/GMT+5", true],
    ["europe/berlin", false],
    ["+01:00", false],
    ["Mars/Olympus", false],
    ["", false],
  ])("%s -> %s", (timeZone, valid) => {
    expect(isValidTimeZone(timeZone)).toBe(valid);
  });

  it("formats the local wall clock", () => {
    expect(wallClock(FROM, "Asia/Kolkata")).toBe("2026-03-04T17:30:00");
  });
});

describe("recursAtLeastEvery (the 7-day automatic restart bound)", () => {
  it.each([
    ["cron(0 19 ? * FRI *)", true],
    ["cron(0 19 ? * MON-FRI *)", true],
    ["cron(* * * * ? *)", true],
    ["cron(0 19 1 * ? *)", false],
    ["cron(0 19 ? * 6#1 *)", false],
    ["cron(0 19 ? * FRI 2026)", false],
    ["rate(1 day)", true],
    ["rate(7 days)", true],
    ["rate(8 days)", false],
    ["at(2026-03-06T19:00:00)", false],
  ])("%s -> %s", (expression, expected) => {
    expect(recursAtLeastEvery(expression, "Europe/Berlin", WEEKLY_MAX_GAP_SECONDS, FROM)).toBe(
      expected,
    );
  });

  it("needs the DST hour of slack: a Berlin Friday schedule has one 7 d 1 h gap in October", () => {
    expect(
      recursAtLeastEvery("cron(0 19 ? * FRI *)", "Europe/Berlin", AUTOMATIC_RESTART_SECONDS, FROM),
    ).toBe(false);
    expect(recursAtLeastEvery("cron(0 19 ? * FRI *)", "UTC", AUTOMATIC_RESTART_SECONDS, FROM)).toBe(
      true,
    );
  });

  it("counts the wait before the first run", () => {
    // Fridays only from June 2026: nothing for three months after FROM.
    expect(
      recursAtLeastEvery("cron(0 19 ? JUN-DEC FRI *)", "UTC", WEEKLY_MAX_GAP_SECONDS, FROM, 30),
    ).toBe(false);
  });
});
