/**
 * The `holidays` input of `ClusterStopSchedule`: checked at preview, past dates dropped (with a
 * warning), and turned into the windows of the start schedule (see `startWindows`).
 */
import * as pulumi from "@pulumi/pulumi";
import {
  isCalendarDate,
  nextDate,
  startOfLocalDay,
  startWindows,
  type ScheduleExpression,
  type StartWindow,
} from "./schedule";
import {
  describeSchedule,
  InvalidClusterStopScheduleError,
  type ClusterStopScheduleArgs,
} from "./clusterStopScheduleArgs";
import {
  holidayNotADateDetail,
  holidaysNeedCronStartDetail,
  holidaysNotAListDetail,
  holidaysWithoutStartDetail,
  pastHolidaysWarning,
} from "./holidayMessages";

/** The holidays still to come (sorted, distinct) and the windows of the start schedule. */
export interface ValidatedHolidays {
  /** Local dates still to come or under way at `now`; duplicates merged. */
  readonly dates: ReadonlySet<string>;
  /** Windows of the start schedule; one window, open at both ends, without holidays. */
  readonly windows: readonly StartWindow[];
  /** For `pulumi.log.warn`: dates that are over. */
  readonly warnings: readonly string[];
}

/** The dates of `holidays`, each checked; throws for the first that is not a calendar date. */
function datesOf(value: unknown, fail: (detail: string) => never): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) fail(holidaysNotAListDetail(value));
  const entries: unknown[] = value as unknown[];
  for (const entry of entries) {
    // An Output inside the list is as unknown at preview as an Output for the whole list.
    if (pulumi.Output.isInstance(entry)) fail(holidaysNotAListDetail(entry));
    if (typeof entry !== "string" || !isCalendarDate(entry)) fail(holidayNotADateDetail(entry));
  }
  return entries as string[];
}

/**
 * Validates `args.holidays` against the parsed `start` in `args.timezone` at `now` (the time zone
 * is already checked). Duplicates are merged: a list is often put together from a public calendar
 * and a team's own days. A date whose local day has ended is dropped with a warning: it can
 * suppress nothing, and Scheduler refuses a `StartDate` in the past.
 *
 * @throws {@link InvalidClusterStopScheduleError} for a value that is not a list of calendar dates,
 * holidays without `start`, or holidays with a `start` that is not a `cron(…)` expression.
 */
export function validateHolidays(
  resourceName: string,
  args: ClusterStopScheduleArgs,
  start: ScheduleExpression | undefined,
  now: Date,
): ValidatedHolidays {
  const cluster = typeof args.clusterIdentifier === "string" ? args.clusterIdentifier : undefined;
  const fail = (detail: string): never => {
    throw new InvalidClusterStopScheduleError(resourceName, cluster, "holidays", detail);
  };
  const given = [...new Set(datesOf(args.holidays, fail))].sort();
  if (given.length > 0 && start === undefined) fail(holidaysWithoutStartDetail());
  if (given.length > 0 && start !== undefined && start.kind !== "cron") {
    fail(holidaysNeedCronStartDetail(start.expression));
  }
  const isOver = (date: string) =>
    startOfLocalDay(nextDate(date), args.timezone).getTime() <= now.getTime();
  const past = given.filter(isOver);
  const dates = given.filter((date) => !isOver(date));
  const warnings =
    past.length === 0
      ? []
      : [pastHolidaysWarning(describeSchedule(resourceName, cluster), past, args.timezone)];
  const windows =
    start === undefined
      ? [{ firstDate: undefined, startDate: undefined, endDate: undefined }]
      : startWindows(dates, start, args.timezone, now);
  return { dates: new Set(dates), windows, warnings };
}

/** The resource name of a start window: `<name>-start` for the first, else with its first date. */
export function startScheduleName(name: string, window: StartWindow): string {
  return window.firstDate === undefined ? `${name}-start` : `${name}-start-${window.firstDate}`;
}

/**
 * `startDate` / `endDate` of a window as the provider stores them (RFC 3339 without fractions, as
 * `2030-01-01T01:00:00Z`), so a refresh finds no difference; absent for an open end.
 */
export function scheduleDatesOf(window: StartWindow): { startDate?: string; endDate?: string } {
  const text = (date: Date) => date.toISOString().replace(/\.\d{3}Z$/, "Z");
  return {
    ...(window.startDate === undefined ? {} : { startDate: text(window.startDate) }),
    ...(window.endDate === undefined ? {} : { endDate: text(window.endDate) }),
  };
}
