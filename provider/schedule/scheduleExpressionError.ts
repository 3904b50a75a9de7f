/**
 * Thrown by {@link parseScheduleExpression} (and the functions built on it) for an expression that
 * EventBridge Scheduler would reject. The message names the expression in backticks, what is wrong
 * and how to fix it; `reason` holds the part after the expression for callers that add context.
 */
export class ScheduleExpressionError extends Error {
  /** The expression as given, e.g. `cron(0 19 * * MON-FRI *)`. */
  readonly expression: string;
  /** What is wrong and the fix, without the expression, e.g. "use `?` in day-of-month …". */
  readonly reason: string;

  constructor(expression: string, reason: string) {
    super(`schedule expression \`${expression}\` is invalid: ${reason}`);
    this.name = "ScheduleExpressionError";
    this.expression = expression;
    this.reason = reason;
  }
}

/** Thrown for a time zone that is not an IANA name EventBridge Scheduler accepts. */
export class InvalidTimeZoneError extends Error {
  /** The time zone as given. */
  readonly timeZone: string;

  constructor(timeZone: string) {
    super(
      `time zone \`${timeZone}\` is not an IANA time zone name; use a name such as ` +
        "`Europe/Berlin`, `America/New_York` or `UTC` (offsets like `+01:00` are not accepted)",
    );
    this.name = "InvalidTimeZoneError";
    this.timeZone = timeZone;
  }
}
