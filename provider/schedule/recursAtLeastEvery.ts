/**
 * Whether a schedule keeps firing at least every so often: the check behind the "a stop-only
 * schedule must recur at least weekly" warning, because RDS starts a cluster that has been stopped
 * for 7 days ("Stopping and starting an Amazon Aurora DB cluster", Aurora User Guide).
 */
import { cronJob } from "./cronJob";
import { parsed } from "./nextRuns";
import type { ScheduleExpression } from "./parseScheduleExpression";

/** RDS starts a stopped Aurora cluster after this many days (not configurable). */
export const AUTOMATIC_RESTART_DAYS = 7;

/** `AUTOMATIC_RESTART_DAYS` in seconds. */
export const AUTOMATIC_RESTART_SECONDS = AUTOMATIC_RESTART_DAYS * 86400;

/**
 * The longest gap a "weekly" schedule may have: 7 days plus the hour a daylight-saving change adds,
 * so `cron(0 19 ? * FRI *)` in a DST zone counts as weekly in the week clocks fall back.
 */
export const WEEKLY_MAX_GAP_SECONDS = AUTOMATIC_RESTART_SECONDS + 3600;

/**
 * True when, from `from` until `horizonDays` later, no stretch longer than `maxGapSeconds` passes
 * without a run (the stretch from `from` to the first run counts). A one-time `at()` schedule never
 * qualifies; a cron schedule limited to past or near years fails once its years run out. Walks from
 * the latest run inside each window, so a year takes about 52 steps for a weekly bound.
 *
 * @example recursAtLeastEvery("cron(0 19 ? * FRI *)", "UTC", 7 * 86400, new Date()) // true
 */
export function recursAtLeastEvery(
  expression: string | ScheduleExpression,
  timeZone: string,
  maxGapSeconds: number,
  from: Date,
  horizonDays = 366,
): boolean {
  const schedule = parsed(expression, timeZone);
  if (schedule.kind === "rate") return schedule.intervalSeconds <= maxGapSeconds;
  if (schedule.kind === "at") return false;
  const job = cronJob(schedule.cronerPattern, timeZone);
  const endMs = from.getTime() + horizonDays * 86400 * 1000;
  let cursorMs = from.getTime();
  while (cursorMs < endMs) {
    // Latest run in (cursor, cursor + gap]: croner's previousRuns is exclusive of its reference.
    const windowEnd = new Date(cursorMs + maxGapSeconds * 1000 + 1000);
    const latest = job.previousRuns(1, windowEnd)[0];
    if (latest === undefined || latest.getTime() <= cursorMs) return false;
    cursorMs = latest.getTime();
  }
  return true;
}
