import {
  isCalendarDate,
  nextRuns,
  nextRunsOutside,
  parseScheduleExpression,
  startOfLocalDay,
  startWindows,
  type StartWindow,
} from "../../../provider/schedule";

const cron = (text: string) => parseScheduleExpression(text);
const iso = (dates: Date[]): string[] => dates.map((date) => date.toISOString());
const WEEKDAYS_7 = cron("cron(0 7 ? * MON-FRI *)");
const MIDNIGHT = cron("cron(0 0 * * ? *)");
const HALF_PAST_23 = cron("cron(30 23 * * ? *)");

/** Windows as text, `[startDate, endDate)` in UTC, `…` for an open end. */
const shown = (windows: StartWindow[]): string[] =>
  windows.map(
    (w) =>
      `${w.firstDate ?? "-"} ${w.startDate?.toISOString() ?? "…"} ${w.endDate?.toISOString() ?? "…"}`,
  );

/**
 * What Scheduler invokes for the windows: each window's cron runs between StartDate and EndDate,
 * both boundaries counted (`inclusive`) or neither: AWS's "on, or after" / "on, or before" leaves
 * it open, so the windows must give the same starts under both readings.
 */
function runsOfWindows(
  windows: StartWindow[],
  start: ReturnType<typeof cron>,
  zone: string,
  [from, until]: [Date, Date],
  inclusive: boolean,
): string[] {
  const all = nextRuns(start, zone, from, 400).filter((run) => run <= until);
  const after = (run: Date, bound: Date) => (inclusive ? run >= bound : run > bound);
  return iso(
    all.filter((run) =>
      windows.some(
        (w) =>
          (w.startDate === undefined || after(run, w.startDate)) &&
          (w.endDate === undefined || after(w.endDate, run)),
      ),
    ),
  );
}

describe("isCalendarDate", () => {
  it.each([
    ["2026-12-24", true],
    ["2028-02-29", true],
    ["2026-02-29", false],
    ["2026-13-01", false],
    ["2026-1-01", false],
    ["2026-01-01T00:00:00", false],
    [" 2026-01-01", false],
    ["24.12.2026", false],
  ])("%s → %s", (text, expected) => {
    expect(isCalendarDate(text)).toBe(expected);
  });
});

describe("startOfLocalDay", () => {
  it.each([
    ["Europe/Berlin", "2026-03-27", "2026-03-26T23:00:00.000Z"], // CET
    ["Europe/Berlin", "2026-03-29", "2026-03-28T23:00:00.000Z"], // the spring-forward Sunday starts in CET
    ["Europe/Berlin", "2026-03-30", "2026-03-29T22:00:00.000Z"], // CEST
    ["Europe/Berlin", "2026-10-25", "2026-10-24T22:00:00.000Z"], // the fall-back Sunday starts in CEST
    ["Europe/Berlin", "2026-10-26", "2026-10-25T23:00:00.000Z"], // CET again
    ["America/New_York", "2026-03-09", "2026-03-09T04:00:00.000Z"], // EDT
    ["America/New_York", "2026-11-26", "2026-11-26T05:00:00.000Z"], // EST
    // Chile springs forward at midnight: the day begins at 01:00 local (UTC-3).
    ["America/Santiago", "2026-09-06", "2026-09-06T04:00:00.000Z"],
    ["Pacific/Kiritimati", "2026-12-24", "2026-12-23T10:00:00.000Z"], // UTC+14
  ])("%s %s begins at %s", (zone, date, expected) => {
    expect(startOfLocalDay(date, zone).toISOString()).toBe(expected);
  });
});

describe("startWindows", () => {
  const now = new Date("2026-03-20T12:00:00Z");

  it("without holidays: one window, open at both ends", () => {
    expect(shown(startWindows([], WEEKDAYS_7, "Europe/Berlin", now))).toEqual(["- … …"]);
  });

  it("a holiday on the Monday after spring forward (Berlin): boundaries a second before local midnights", () => {
    expect(shown(startWindows(["2026-03-30"], WEEKDAYS_7, "Europe/Berlin", now))).toEqual([
      "- … 2026-03-29T21:59:59.000Z", // Sunday 23:59:59 CEST
      "2026-03-31 2026-03-30T21:59:59.000Z …", // a second before Tuesday 00:00 CEST
    ]);
  });

  it("a holiday on the Monday after fall back (Berlin)", () => {
    expect(shown(startWindows(["2026-10-26"], WEEKDAYS_7, "Europe/Berlin", now))).toEqual([
      "- … 2026-10-25T22:59:59.000Z", // Sunday 23:59:59 CET
      "2026-10-27 2026-10-26T22:59:59.000Z …",
    ]);
  });

  it("consecutive holidays share a gap, and so do holidays with only a weekend between them", () => {
    // Thu 24, Fri 25, (Sat 26, Sun 27 have no start), Mon 28; Thu 31 is a gap of its own.
    const holidays = ["2026-12-31", "2026-12-25", "2026-12-24", "2026-12-28", "2026-12-24"];
    expect(shown(startWindows(holidays, WEEKDAYS_7, "Europe/Berlin", now))).toEqual([
      "- … 2026-12-23T22:59:59.000Z",
      "2026-12-29 2026-12-28T22:59:59.000Z 2026-12-30T22:59:59.000Z",
      "2027-01-01 2026-12-31T22:59:59.000Z …",
    ]);
  });

  it("a holiday on a day without a start changes nothing", () => {
    // 2026-12-26 is a Saturday: no weekday start to leave out.
    expect(shown(startWindows(["2026-12-26"], WEEKDAYS_7, "Europe/Berlin", now))).toEqual([
      "- … …",
    ]);
  });

  it("leaves out windows that have ended and StartDates that have passed", () => {
    // Now is on the holiday itself (Friday 2026-03-20, 13:00 Berlin): the window before it has
    // ended, the one after it opens on Saturday.
    expect(
      shown(startWindows(["2026-03-20", "2026-04-03"], WEEKDAYS_7, "Europe/Berlin", now)),
    ).toEqual([
      "2026-03-21 2026-03-20T22:59:59.000Z 2026-04-02T21:59:59.000Z",
      "2026-04-04 2026-04-03T21:59:59.000Z …",
    ]);
    // A holiday already over: the window after it opens at once (no StartDate in the past).
    expect(
      shown(startWindows(["2026-03-19", "2026-04-03"], WEEKDAYS_7, "Europe/Berlin", now)),
    ).toEqual(["- … 2026-04-02T21:59:59.000Z", "2026-04-04 2026-04-03T21:59:59.000Z …"]);
  });
});

describe("nextRunsOutside", () => {
  it("Berlin, March: the Monday after spring forward is a holiday, the next start is Tuesday 07:00 CEST", () => {
    const from = new Date("2026-03-27T12:00:00Z");
    expect(
      iso(nextRunsOutside(WEEKDAYS_7, "Europe/Berlin", from, 2, new Set(["2026-03-30"]))),
    ).toEqual(["2026-03-31T05:00:00.000Z", "2026-04-01T05:00:00.000Z"]);
    expect(iso(nextRunsOutside(WEEKDAYS_7, "Europe/Berlin", from, 1, new Set()))).toEqual([
      "2026-03-30T05:00:00.000Z",
    ]);
  });

  it("Berlin, October: the Monday after fall back is a holiday, the next start is Tuesday 07:00 CET", () => {
    const from = new Date("2026-10-23T12:00:00Z");
    expect(
      iso(nextRunsOutside(WEEKDAYS_7, "Europe/Berlin", from, 1, new Set(["2026-10-26"]))),
    ).toEqual(["2026-10-27T06:00:00.000Z"]);
  });

  it("New York: Thanksgiving and the Friday after, merged; next start Monday 07:00 EST", () => {
    const from = new Date("2026-11-25T18:00:00Z");
    const holidays = new Set(["2026-11-26", "2026-11-27"]);
    expect(iso(nextRunsOutside(WEEKDAYS_7, "America/New_York", from, 1, holidays))).toEqual([
      "2026-11-30T12:00:00.000Z",
    ]);
  });

  it("a start at 00:00 local: the holiday's midnight is left out, the next day's is kept", () => {
    const from = new Date("2026-12-22T12:00:00Z");
    expect(
      iso(nextRunsOutside(MIDNIGHT, "Europe/Berlin", from, 2, new Set(["2026-12-24"]))),
    ).toEqual([
      "2026-12-22T23:00:00.000Z", // Wed Dec 23 00:00
      "2026-12-24T23:00:00.000Z", // Fri Dec 25 00:00
    ]);
  });

  it("a start at 23:30 local: the evening before the holiday is kept, the holiday's evening left out", () => {
    const from = new Date("2026-12-23T12:00:00Z");
    expect(
      iso(nextRunsOutside(HALF_PAST_23, "Europe/Berlin", from, 2, new Set(["2026-12-24"]))),
    ).toEqual([
      "2026-12-23T22:30:00.000Z", // Wed Dec 23 23:30
      "2026-12-25T22:30:00.000Z", // Fri Dec 25 23:30
    ]);
  });

  it("a holiday on a day without a start changes nothing", () => {
    const from = new Date("2026-12-23T12:00:00Z");
    expect(
      iso(nextRunsOutside(WEEKDAYS_7, "Europe/Berlin", from, 3, new Set(["2026-12-26"]))),
    ).toEqual(iso(nextRuns(WEEKDAYS_7, "Europe/Berlin", from, 3)));
  });
});

describe("the windows invoke exactly the starts nextRunsOutside predicts", () => {
  it.each<[string, string, ReturnType<typeof cron>, string[]]>([
    [
      "Berlin, spring forward",
      "Europe/Berlin",
      WEEKDAYS_7,
      ["2026-03-27", "2026-03-30", "2026-04-03", "2026-04-06"],
    ],
    ["Berlin, fall back", "Europe/Berlin", WEEKDAYS_7, ["2026-10-23", "2026-10-26", "2026-10-28"]],
    [
      "Berlin, midnight starts",
      "Europe/Berlin",
      MIDNIGHT,
      ["2026-03-29", "2026-03-30", "2026-10-25", "2026-12-24"],
    ],
    [
      "Berlin, 23:30 starts",
      "Europe/Berlin",
      HALF_PAST_23,
      ["2026-03-29", "2026-10-25", "2026-12-24", "2026-12-26"],
    ],
    [
      "New York",
      "America/New_York",
      WEEKDAYS_7,
      ["2026-03-09", "2026-11-02", "2026-11-26", "2026-11-27"],
    ],
    [
      "New York, midnight starts",
      "America/New_York",
      MIDNIGHT,
      ["2026-03-08", "2026-11-01", "2026-11-26"],
    ],
  ])("%s", (_, zone, start, holidays) => {
    const from = new Date("2026-03-01T00:00:00Z");
    const until = new Date("2027-01-15T00:00:00Z");
    const windows = startWindows(holidays, start, zone, from);
    const expected = iso(nextRunsOutside(start, zone, from, 400, new Set(holidays))).filter(
      (run) => run <= until.toISOString(),
    );
    expect(runsOfWindows(windows, start, zone, [from, until], true)).toEqual(expected);
    expect(runsOfWindows(windows, start, zone, [from, until], false)).toEqual(expected);
    // And the holidays' own starts are exactly the ones left out.
    const all = iso(nextRuns(start, zone, from, 400)).filter((run) => run <= until.toISOString());
    expect(all.length - expected.length).toBe(
      all.filter((run) =>
        holidays.some((h) => new Date(run).toLocaleDateString("en-CA", { timeZone: zone }) === h),
      ).length,
    );
    expect(all.length - expected.length).toBeGreaterThan(0);
  });
});
