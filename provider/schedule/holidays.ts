/**
 * Holidays: calendar dates, in a schedule's time zone, on which a start must not happen. EventBridge
 * Scheduler cannot leave dates out of a cron expression, so the start schedule is split into
 * windows around the holidays with its `StartDate` and `EndDate` ("CreateSchedule", EventBridge
 * Scheduler API Reference). Pure functions: the dates, the windows and the runs they leave.
 */
import { nextRuns } from "./nextRuns";
import type { ScheduleExpression } from "./parseScheduleExpression";
import { wallClock } from "./timeZone";

const DAY_MS = 86_400_000;
/** Wider than any UTC offset (−12 h … +14 h): the local day starts within this of its UTC date. */
const OFFSET_BOUND_MS = 15 * 3_600_000;
/** Runs asked of the calendar at a time, and the most looked at in one call. */
const CHUNK = 32;
const MAX_LOOKED_AT = 20_000;

/** True when `text` is `YYYY-MM-DD` and a real calendar date (no 2027-02-30). */
export function isCalendarDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (match === null) return false;
  const [year, month, day] = match.slice(1).map(Number);
  const probe = new Date(Date.UTC(year ?? NaN, (month ?? NaN) - 1, day));
  return probe.toISOString().slice(0, 10) === text;
}

/** The calendar date after `date` (`YYYY-MM-DD`), counted on the calendar, not in hours. */
export function nextDate(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);
}

/** The local calendar date of `instant` in `timeZone`, `YYYY-MM-DD`. */
export function localDate(instant: Date, timeZone: string): string {
  return wallClock(instant, timeZone).slice(0, 10);
}

/**
 * The first instant of the calendar day `date` in `timeZone`: local midnight, or the end of the
 * gap where a DST change skips midnight (e.g. `America/Santiago`). Found by bisection over the
 * instants whose local date is `date` or later, to the millisecond, with `Intl` as the only oracle.
 */
export function startOfLocalDay(date: string, timeZone: string): Date {
  const utcMidnight = Date.parse(`${date}T00:00:00Z`);
  let before = utcMidnight - OFFSET_BOUND_MS; // local date still the day before
  let after = utcMidnight + OFFSET_BOUND_MS; // local date already `date`
  while (after - before > 1) {
    const middle = Math.floor((before + after) / 2);
    if (localDate(new Date(middle), timeZone) >= date) after = middle;
    else before = middle;
  }
  return new Date(after);
}

/** A time a start schedule may run in: from `startDate` (inclusive) to `endDate`. */
export interface StartWindow {
  /** The local date the window opens on (the day after a holiday); undefined for the first. */
  readonly firstDate: string | undefined;
  /** `StartDate`: a second before `firstDate` begins in the time zone; undefined for the first. */
  readonly startDate: Date | undefined;
  /** `EndDate`: one second before the next holiday begins; undefined for the last. */
  readonly endDate: Date | undefined;
}

/** Whether `schedule` has a run in `[from, to)`. */
function runsBetween(schedule: ScheduleExpression, zone: string, from: Date, to: Date): boolean {
  const run = nextRuns(schedule, zone, new Date(from.getTime() - 1), 1)[0];
  return run !== undefined && run.getTime() < to.getTime();
}

/**
 * The holidays that leave out a start, grouped so that no start falls between two holidays of a
 * group: `[[Thu 24, Fri 25, Mon 28], [Thu 31]]` for weekday starts. A holiday without a start
 * (a Saturday for `MON-FRI`) needs no window of its own, nor does a weekend between two holidays.
 */
function holidayGroups(holidays: readonly string[], start: ScheduleExpression, zone: string) {
  const groups: string[][] = [];
  for (const date of [...new Set(holidays)].sort()) {
    const dayStart = startOfLocalDay(date, zone);
    if (!runsBetween(start, zone, dayStart, startOfLocalDay(nextDate(date), zone))) continue;
    const group = groups.at(-1);
    const afterGroup = group && startOfLocalDay(nextDate(group.at(-1) ?? ""), zone);
    if (group && afterGroup && !runsBetween(start, zone, afterGroup, dayStart)) group.push(date);
    else groups.push([date]);
  }
  return groups;
}

/**
 * The windows the `start` schedule runs in so that it never starts on `holidays` (local dates in
 * `timeZone`): before the first holiday, between holidays, after the last; holidays with no start
 * between them share a gap, and a holiday on which `start` does not fire changes nothing.
 *
 * Boundaries sit one second before local midnight, both `EndDate` (before the holiday) and
 * `StartDate` (after it). Scheduler's text leaves open whether a run exactly at a boundary fires
 * (invocations "might stop on, or before, the EndDate" and "might occur on, or after, the
 * StartDate": "CreateSchedule", EventBridge Scheduler API Reference); cron runs fall on whole
 * minutes, so at hh:59:59 no run sits on a boundary and either reading gives the same starts: a
 * `cron(0 0 …)` start on the holiday is out, the one the day after is in.
 * Windows that have ended by `now` are left out, and so is a `StartDate` not after `now` (Scheduler
 * refuses one more than 5 minutes old): the window after a holiday run that is over opens at once.
 *
 * @example startWindows(["2026-12-24", "2026-12-25"], parseScheduleExpression("cron(0 7 ? * MON-FRI *)"), "Europe/Berlin", now)
 */
export function startWindows(
  holidays: readonly string[],
  start: ScheduleExpression,
  timeZone: string,
  now: Date,
): StartWindow[] {
  const windows: StartWindow[] = [];
  let firstDate: string | undefined;
  let startDate: Date | undefined;
  for (const group of holidayGroups(holidays, start, timeZone)) {
    const endDate = new Date(startOfLocalDay(group[0] ?? "", timeZone).getTime() - 1000);
    if (endDate.getTime() > now.getTime()) windows.push({ firstDate, startDate, endDate });
    firstDate = nextDate(group.at(-1) ?? "");
    startDate = new Date(startOfLocalDay(firstDate, timeZone).getTime() - 1000);
    if (startDate.getTime() <= now.getTime()) {
      // This group of holidays is over: the next window opens at once, as if it were the first.
      firstDate = undefined;
      startDate = undefined;
    }
  }
  windows.push({ firstDate, startDate, endDate: undefined });
  return windows;
}

/**
 * The next `count` runs of `schedule` strictly after `from` in `timeZone` that do not fall on one of
 * `holidays` (local dates). Looks at most 20,000 runs, so a minutely schedule over a long holiday
 * ends; fewer runs come back then.
 *
 * @example nextRunsOutside(start, "Europe/Berlin", now, 1, new Set(["2026-12-24"]))
 */
export function nextRunsOutside(
  schedule: ScheduleExpression,
  timeZone: string,
  from: Date,
  count: number,
  holidays: ReadonlySet<string>,
): Date[] {
  if (holidays.size === 0) return nextRuns(schedule, timeZone, from, count);
  const kept: Date[] = [];
  let cursor = from;
  for (let looked = 0; kept.length < count && looked < MAX_LOOKED_AT; looked += CHUNK) {
    const runs = nextRuns(schedule, timeZone, cursor, CHUNK);
    for (const run of runs) {
      if (kept.length < count && !holidays.has(localDate(run, timeZone))) kept.push(run);
    }
    const last = runs.at(-1);
    if (runs.length < CHUNK || last === undefined) break;
    cursor = last;
  }
  return kept;
}
