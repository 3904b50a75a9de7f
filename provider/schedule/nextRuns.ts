/**
 * When a schedule fires: the next runs after a given instant, and whether it keeps firing often
 * enough. Follows EventBridge Scheduler's daylight-saving rules ("Daylight saving time on EventBridge
 * Scheduler", Scheduler User Guide): a cron time that does not exist (spring forward) is skipped,
 * and a time that occurs twice (fall back) runs once. Rate schedules count fixed durations.
 */
import type { Cron } from "croner";
import { cronJob, onceAfter } from "./cronJob";
import {
  parseScheduleExpression,
  type CronScheduleExpression,
  type ScheduleExpression,
} from "./parseScheduleExpression";
import { InvalidTimeZoneError } from "./scheduleExpressionError";
import { isValidTimeZone, wallClock } from "./timeZone";

/** Cap on croner look-ups for one call, so an expression that never fires again ends quickly. */
const MAX_LOOKUPS_PER_RUN = 4;

/** Parses `expression` (unless already parsed) after checking `timeZone`. */
export function parsed(
  expression: string | ScheduleExpression,
  timeZone: string,
): ScheduleExpression {
  if (!isValidTimeZone(timeZone)) throw new InvalidTimeZoneError(timeZone);
  return typeof expression === "string" ? parseScheduleExpression(expression) : expression;
}

function cronRuns(
  schedule: CronScheduleExpression,
  timeZone: string,
  from: Date,
  count: number,
): Date[] {
  const job: Cron = cronJob(schedule.cronerPattern, timeZone);
  const runs: Date[] = [];
  const seenWallClocks = new Set<string>();
  let cursor: Date | null = from;
  for (
    let lookups = 0;
    runs.length < count && lookups < count * MAX_LOOKUPS_PER_RUN + 8;
    lookups++
  ) {
    cursor = cursor === null ? null : job.nextRun(cursor);
    if (cursor === null) break;
    const local = wallClock(cursor, timeZone);
    // croner moves a fixed time that falls in a DST gap to after the gap; Scheduler skips it,
    // and the moved run no longer matches the pattern. A repeated wall clock is the second pass
    // through a fall-back hour, which Scheduler does not run again.
    if (!job.match(cursor) || seenWallClocks.has(local)) continue;
    seenWallClocks.add(local);
    runs.push(cursor);
  }
  return runs;
}

/**
 * The next `count` times (strictly after `from`) at which `expression` fires in `timeZone`.
 * A `rate()` schedule has no calendar anchor: its runs are counted from `from`, which stands for
 * the schedule's start (Scheduler also fires once right when a rate schedule without a
 * `StartDate` is created). An `at()` schedule yields at most one run.
 *
 * @throws {@link ScheduleExpressionError} or {@link InvalidTimeZoneError} for bad input.
 * @example nextRuns("cron(0 19 ? * MON-FRI *)", "Europe/Berlin", new Date(), 3)
 */
export function nextRuns(
  expression: string | ScheduleExpression,
  timeZone: string,
  from: Date,
  count: number,
): Date[] {
  const schedule = parsed(expression, timeZone);
  if (count <= 0) return [];
  switch (schedule.kind) {
    case "cron":
      return cronRuns(schedule, timeZone, from, count);
    case "rate":
      return Array.from(
        { length: count },
        (_, index) => new Date(from.getTime() + (index + 1) * schedule.intervalSeconds * 1000),
      );
    default: {
      const run = onceAfter(schedule.localDateTime, timeZone, from);
      return run === null ? [] : [run];
    }
  }
}
