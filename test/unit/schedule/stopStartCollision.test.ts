import {
  COLLISION_LOOKAHEAD_RUNS,
  parseScheduleExpression,
  stopStartCollision,
} from "../../../provider/schedule";

/** Wednesday 2026-03-04 12:00 UTC. */
const FROM = new Date("2026-03-04T12:00:00Z");
const WEEKDAYS_19 = "cron(0 19 ? * MON-FRI *)";

describe("stopStartCollision", () => {
  it("passes stop and start at different times", () => {
    expect(stopStartCollision(WEEKDAYS_19, "cron(0 7 ? * MON-FRI *)", "UTC", FROM)).toBeUndefined();
  });

  it("finds the same expression", () => {
    expect(stopStartCollision(WEEKDAYS_19, WEEKDAYS_19, "UTC", FROM)).toEqual({
      kind: "same-schedule",
      expression: WEEKDAYS_19,
    });
  });

  it("finds cron expressions naming the same times in other words", () => {
    expect(stopStartCollision(WEEKDAYS_19, "cron(0 19 ? * 2-6 *)", "UTC", FROM)).toEqual({
      kind: "same-schedule",
      expression: WEEKDAYS_19,
    });
  });

  it("finds rate expressions differing only in spacing", () => {
    expect(stopStartCollision("rate(1  day)", "rate(1 day)", "UTC", FROM)?.kind).toBe(
      "same-schedule",
    );
  });

  it("finds a one-time schedule repeated, even in the past", () => {
    const at = "at(2020-01-01T00:00:00)";
    expect(stopStartCollision(at, at, "UTC", FROM)?.kind).toBe("same-schedule");
  });

  it("finds the first instant shared by different expressions", () => {
    expect(stopStartCollision(WEEKDAYS_19, "cron(0 19 ? * FRI *)", "UTC", FROM)).toEqual({
      kind: "shared-instant",
      at: new Date("2026-03-06T19:00:00Z"),
    });
  });

  it("evaluates both in the time zone given", () => {
    expect(stopStartCollision(WEEKDAYS_19, "cron(0 19 ? * FRI *)", "Europe/Berlin", FROM)).toEqual({
      kind: "shared-instant",
      at: new Date("2026-03-06T18:00:00Z"),
    });
  });

  it("finds a one-time start at a time the stop schedule fires", () => {
    expect(stopStartCollision(WEEKDAYS_19, "at(2026-03-09T19:00:00)", "UTC", FROM)).toEqual({
      kind: "shared-instant",
      at: new Date("2026-03-09T19:00:00Z"),
    });
  });

  it("looks only as far as the next runs of both", () => {
    // Weekday stops run 20 times in four weeks; a one-time start five weeks out is beyond them.
    const start = "at(2026-04-10T19:00:00)";
    expect(stopStartCollision(WEEKDAYS_19, start, "UTC", FROM)).toBeUndefined();
    expect(stopStartCollision(WEEKDAYS_19, start, "UTC", FROM, 30)?.kind).toBe("shared-instant");
    expect(COLLISION_LOOKAHEAD_RUNS).toBe(20);
  });

  it("accepts parsed expressions", () => {
    const stop = parseScheduleExpression(WEEKDAYS_19);
    expect(stopStartCollision(stop, WEEKDAYS_19, "UTC", FROM)?.kind).toBe("same-schedule");
  });

  it("throws for a time zone that is not an IANA name", () => {
    expect(() => stopStartCollision(WEEKDAYS_19, WEEKDAYS_19, "CET+1", FROM)).toThrow("CET+1");
  });
});
