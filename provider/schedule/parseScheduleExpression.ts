/**
 * Parses EventBridge Scheduler schedule expressions: `cron(6 fields)`, `rate(value unit)` and
 * `at(yyyy-mm-ddThh:mm:ss)` ("Schedule types in EventBridge Scheduler", Scheduler User Guide).
 */
import { cronJob } from "./cronJob";
import { translateCronField } from "./translateCron";
import { ScheduleExpressionError } from "./scheduleExpressionError";

/** A recurring schedule at the times a cron expression names, in the schedule's time zone. */
export interface CronScheduleExpression {
  readonly kind: "cron";
  /** The expression as given. */
  readonly expression: string;
  /** The six EventBridge fields: minutes hours day-of-month month day-of-week year. */
  readonly fields: readonly string[];
  /** The same times as a 7-part croner pattern (seconds first, day-of-week 0 = SUN). */
  readonly cronerPattern: string;
}

/** A recurring schedule every `value` `unit`, counted from the schedule's start. */
export interface RateScheduleExpression {
  readonly kind: "rate";
  readonly expression: string;
  readonly value: number;
  readonly unit: "minutes" | "hours" | "days";
  /** `value` × unit in seconds; Scheduler counts a day as 24 h, whatever DST does. */
  readonly intervalSeconds: number;
}

/** A one-time schedule at a wall-clock time in the schedule's time zone. */
export interface AtScheduleExpression {
  readonly kind: "at";
  readonly expression: string;
  /** `yyyy-mm-ddThh:mm:ss`, local to the schedule's time zone. */
  readonly localDateTime: string;
}

/** A parsed EventBridge Scheduler expression. */
export type ScheduleExpression =
  CronScheduleExpression | RateScheduleExpression | AtScheduleExpression;

const UNIT_SECONDS = { minutes: 60, hours: 3600, days: 86400 } as const;

const EXAMPLES = "`cron(0 19 ? * MON-FRI *)`, `rate(1 day)` or `at(2030-01-31T19:00:00)`";

function parseCron(expression: string, body: string): CronScheduleExpression {
  const fields = body.trim().split(/\s+/);
  if (fields.length !== 6) {
    throw new ScheduleExpressionError(
      expression,
      `a cron expression has 6 fields (minutes hours day-of-month month day-of-week year), ` +
        `found ${fields.length}; e.g. \`cron(0 19 ? * MON-FRI *)\``,
    );
  }
  const [, , dayOfMonth, , dayOfWeek] = fields;
  if ((dayOfMonth === "?") === (dayOfWeek === "?")) {
    throw new ScheduleExpressionError(
      expression,
      "exactly one of day-of-month and day-of-week must be `?` (EventBridge cannot combine them); " +
        "e.g. `cron(0 19 ? * MON-FRI *)` or `cron(0 19 1 * ? *)`",
    );
  }
  const patterns = fields.map((field, index) => {
    const result = translateCronField(index, field);
    if ("error" in result) throw new ScheduleExpressionError(expression, result.error);
    return result.pattern;
  });
  const cronerPattern = ["0", ...patterns].join(" ");
  try {
    cronJob(cronerPattern, "UTC");
  } catch (error) {
    // Our field checks are stricter than croner's; this only catches what slipped past them.
    const detail = error instanceof Error ? error.message : String(error);
    throw new ScheduleExpressionError(
      expression,
      `the fields do not form a valid schedule (${detail})`,
    );
  }
  return { kind: "cron", expression, fields, cronerPattern };
}

function parseRate(expression: string, body: string): RateScheduleExpression {
  const match = /^\s*(\d+)\s+(minute|minutes|hour|hours|day|days)\s*$/.exec(body);
  const value = Number(match?.[1]);
  if (!match || !Number.isSafeInteger(value) || value < 1) {
    throw new ScheduleExpressionError(
      expression,
      "a rate expression is `rate(value unit)` with a positive whole value and a unit of " +
        "`minute(s)`, `hour(s)` or `day(s)`; e.g. `rate(12 hours)`",
    );
  }
  const unitText = match[2] ?? "";
  const unit = (
    unitText.endsWith("s") ? unitText : `${unitText}s`
  ) as RateScheduleExpression["unit"];
  return { kind: "rate", expression, value, unit, intervalSeconds: value * UNIT_SECONDS[unit] };
}

function parseAt(expression: string, body: string): AtScheduleExpression {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})$/.exec(body);
  const [year, month, day, hour, minute, second] = (match?.slice(1) ?? []).map(Number);
  const probe = new Date(Date.UTC(year ?? NaN, (month ?? NaN) - 1, day, hour, minute, second));
  const valid =
    match !== null &&
    probe.getUTCFullYear() === year &&
    probe.getUTCMonth() + 1 === month &&
    probe.getUTCDate() === day &&
    probe.getUTCHours() === hour &&
    probe.getUTCMinutes() === minute &&
    probe.getUTCSeconds() === second;
  if (!valid) {
    throw new ScheduleExpressionError(
      expression,
      "a one-time expression is `at(yyyy-mm-ddThh:mm:ss)` with a real date and 24-hour time in " +
        "the schedule's time zone, no offset; e.g. `at(2030-01-31T19:00:00)`",
    );
  }
  return { kind: "at", expression, localDateTime: body };
}

/**
 * Parses and validates an EventBridge Scheduler expression: `cron(…)` (6 fields, `?` in exactly one
 * of day-of-month / day-of-week, `L`, `W`, `#`, year 1970-2199), `rate(…)` or `at(…)`.
 *
 * @throws {@link ScheduleExpressionError} naming the expression, the problem and a fix.
 * @example parseScheduleExpression("cron(0 19 ? * MON-FRI *)").kind // "cron"
 */
export function parseScheduleExpression(expression: string): ScheduleExpression {
  const match =
    typeof expression === "string" ? /^(cron|rate|at)\((.*)\)$/s.exec(expression) : null;
  const body = match?.[2] ?? "";
  switch (match?.[1]) {
    case "cron":
      return parseCron(expression, body);
    case "rate":
      return parseRate(expression, body);
    case "at":
      return parseAt(expression, body);
    default:
      throw new ScheduleExpressionError(
        String(expression),
        `expected \`cron(…)\`, \`rate(…)\` or \`at(…)\`, e.g. ${EXAMPLES}`,
      );
  }
}

/**
 * Like {@link parseScheduleExpression} but never throws: for checks that collect problems (the
 * policy pack, component validation).
 */
export function tryParseScheduleExpression(
  expression: string,
): { ok: true; value: ScheduleExpression } | { ok: false; error: ScheduleExpressionError } {
  try {
    return { ok: true, value: parseScheduleExpression(expression) };
  } catch (error) {
    if (error instanceof ScheduleExpressionError) return { ok: false, error };
    throw error;
  }
}
