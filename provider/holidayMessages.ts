/**
 * Every sentence `ClusterStopSchedule` tells a user about its `holidays` input: what is wrong, the
 * value, and the way out. The caller prefixes the schedule and its cluster (`describeSchedule`).
 */
import { shown } from "./core/messages";

/** True for a Pulumi `Output` (it carries `__pulumiOutput`), told apart for a clearer message. */
function pulumiOutputLike(value: unknown): boolean {
  return typeof value === "object" && value !== null && "__pulumiOutput" in value;
}

/** `holidays` is not a plain list (an Output, a string, an object). */
export function holidaysNotAListDetail(value: unknown): string {
  const what = pulumiOutputLike(value) ? "an Output" : value === null ? "null" : typeof value;
  return (
    `\`holidays\` must be a plain list of \`YYYY-MM-DD\` dates, known when the program runs; got ${what}. ` +
    "The holidays decide how many start schedules there are, which preview must know: pass a literal " +
    'list or read it from stack config, e.g. `config.requireObject<string[]>("holidays")`'
  );
}

/** One entry of `holidays` is not a real `YYYY-MM-DD` date. */
export function holidayNotADateDetail(value: unknown): string {
  return (
    `\`holidays\` entry ${shown(value)} is not a calendar date written \`YYYY-MM-DD\`; ` +
    "write it like `2026-12-24` (a date of the schedule's time zone, no time, no offset)"
  );
}

/** `holidays` without `start`: there is no start to leave out. */
export function holidaysWithoutStartDetail(): string {
  return "`holidays` leave out starts, and there is no `start`; add `start`, or remove `holidays`";
}

/** `holidays` with a `rate(…)` or `at(…)` start, which windows cannot split faithfully. */
export function holidaysNeedCronStartDetail(start: string): string {
  return (
    `\`holidays\` need \`start\` to be a \`cron(…)\` expression, and \`start\` is \`${start}\` ` +
    "(a `rate(…)` schedule counts from each window's start date, an `at(…)` schedule runs once); " +
    "write `start` as `cron(…)`, e.g. `cron(0 7 ? * MON-FRI *)`, or remove `holidays`"
  );
}

/** Holidays whose local day is over: left out, with a warning. */
export function pastHolidaysWarning(
  schedule: string,
  dates: readonly string[],
  timeZone: string,
): string {
  const list = dates.map((date) => `\`${date}\``).join(", ");
  const are = dates.length === 1 ? "is" : "are";
  return (
    `${schedule}: \`holidays\` ${list} ${are} over in \`${timeZone}\` and left out; ` +
    "remove past dates from the list"
  );
}
