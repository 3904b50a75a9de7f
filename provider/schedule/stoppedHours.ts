/**
 * How many hours a week a stop/start schedule keeps a cluster stopped: the figure a team turns
 * into money with the cluster's instance prices (docs/keep-stopped-and-schedules.md, "What a schedule saves"). RDS starts a
 * stopped cluster by itself after 7 days ("Stopping and starting an Amazon Aurora DB cluster"),
 * so a stop that no start follows holds for at most 7 days.
 */
import { localDate } from "./holidays";
import { nextRuns } from "./nextRuns";
import type { ScheduleExpression } from "./parseScheduleExpression";
import { AUTOMATIC_RESTART_SECONDS } from "./recursAtLeastEvery";

const HOUR_MS = 3_600_000;
const WEEK_MS = 7 * 24 * HOUR_MS;
const RESTART_MS = AUTOMATIC_RESTART_SECONDS * 1000;
/** Runs asked of the calendar at a time, and the most a window may hold (a minutely cron). */
const CHUNK = 64;
const MAX_RUNS = 60 * 24 * 7 * 6;

type Event = { at: number; stops: boolean };

function runsBetween(
  schedule: ScheduleExpression,
  timeZone: string,
  from: number,
  to: number,
  stops: boolean,
  skipped: ReadonlySet<string>,
): Event[] {
  const events: Event[] = [];
  const kept = (run: Date) =>
    run.getTime() <= to && (skipped.size === 0 || !skipped.has(localDate(run, timeZone)));
  let cursor = new Date(from);
  while (events.length < MAX_RUNS) {
    const runs = nextRuns(schedule, timeZone, cursor, CHUNK);
    for (const run of runs) if (kept(run)) events.push({ at: run.getTime(), stops });
    const last = runs.at(-1);
    if (runs.length < CHUNK || last === undefined || last.getTime() > to) break;
    cursor = last;
  }
  return events;
}

/** Milliseconds of `[a, b]` that fall inside `[from, to]`. */
function overlap(a: number, b: number, from: number, to: number): number {
  return Math.max(0, Math.min(b, to) - Math.max(a, from));
}

/**
 * The average hours per week the cluster is scheduled to be stopped over the `weeks` weeks after
 * `from` (default 4, so DST changes inside them count), in the schedule's time zone. Simulated
 * from a week earlier, so a stop before `from` that still holds is counted. An `at()` or `rate()`
 * stop works the same way. Rounded to 0.1 h. Starts on `holidays` (local dates) do not happen, so a
 * holiday inside the window counts as stopped time, as it will be (capped by the 7-day restart).
 */
export function stoppedHoursPerWeek(
  stop: ScheduleExpression,
  start: ScheduleExpression | undefined,
  timeZone: string,
  from: Date,
  weeks = 4,
  holidays: ReadonlySet<string> = new Set(),
): number {
  const windowStart = from.getTime();
  const windowEnd = windowStart + weeks * WEEK_MS;
  const warmUp = windowStart - WEEK_MS - 1;
  const events = [
    ...runsBetween(stop, timeZone, warmUp, windowEnd, true, new Set()),
    ...(start ? runsBetween(start, timeZone, warmUp, windowEnd, false, holidays) : []),
  ].sort((a, b) => a.at - b.at || Number(a.stops) - Number(b.stops));
  let stopAt: number | undefined;
  let cursor = warmUp;
  let stoppedMs = 0;
  // Counts the stopped time up to `to`; RDS's automatic start ends a stop that lasts 7 days (a
  // stop while the cluster is still stopped does not restart that clock).
  const advance = (to: number) => {
    if (stopAt !== undefined) {
      const restartAt = stopAt + RESTART_MS;
      stoppedMs += overlap(cursor, Math.min(to, restartAt), windowStart, windowEnd);
      if (restartAt <= to) stopAt = undefined;
    }
    cursor = to;
  };
  for (const event of events) {
    advance(event.at);
    if (event.stops) stopAt ??= event.at;
    else stopAt = undefined;
  }
  advance(windowEnd);
  return Math.round((stoppedMs / HOUR_MS / weeks) * 10) / 10;
}
