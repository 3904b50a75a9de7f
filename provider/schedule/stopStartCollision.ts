/**
 * Whether a stop schedule and a start schedule of one cluster collide: the single rule that both
 * `ClusterStopSchedule` (which refuses such arguments) and the policy rule
 * `aurora-stop-schedule-sane` (which reports them) apply.
 */
import { parsed, nextRuns } from "./nextRuns";
import type { ScheduleExpression } from "./parseScheduleExpression";

/** How many upcoming runs of each schedule are compared. */
export const COLLISION_LOOKAHEAD_RUNS = 20;

/**
 * How stop and start collide:
 * - `same-schedule`: both are the same expression (cron expressions compared by the times they
 *   name, so `MON-FRI` equals `2-6`), whether or not it fires again;
 * - `shared-instant`: different expressions that fire at the same instant, `at` the first one.
 */
export type StopStartCollision =
  | { readonly kind: "same-schedule"; readonly expression: string }
  | { readonly kind: "shared-instant"; readonly at: Date };

function sameSchedule(a: ScheduleExpression, b: ScheduleExpression): boolean {
  if (a.kind === "cron" && b.kind === "cron") return a.cronerPattern === b.cronerPattern;
  return a.expression.replace(/\s+/g, " ") === b.expression.replace(/\s+/g, " ");
}

/**
 * Decides whether `stop` and `start`, both evaluated in `timeZone`, collide: the same schedule, or
 * an instant among the next `lookaheadRuns` runs after `from` of both. EventBridge Scheduler runs
 * both targets at such an instant in no defined order, so the cluster ends up either stopped or
 * started ("Schedule types in EventBridge Scheduler", Scheduler User Guide). Undefined when they
 * do not collide.
 *
 * @throws {@link ScheduleExpressionError} or {@link InvalidTimeZoneError} for bad input.
 * @example stopStartCollision("cron(0 19 ? * MON-FRI *)", "cron(0 19 ? * FRI *)", "UTC", now)
 */
export function stopStartCollision(
  stop: string | ScheduleExpression,
  start: string | ScheduleExpression,
  timeZone: string,
  from: Date,
  lookaheadRuns: number = COLLISION_LOOKAHEAD_RUNS,
): StopStartCollision | undefined {
  const stopSchedule = parsed(stop, timeZone);
  const startSchedule = parsed(start, timeZone);
  if (sameSchedule(stopSchedule, startSchedule)) {
    return { kind: "same-schedule", expression: stopSchedule.expression };
  }
  const starts = new Set(
    nextRuns(startSchedule, timeZone, from, lookaheadRuns).map((d) => d.getTime()),
  );
  const at = nextRuns(stopSchedule, timeZone, from, lookaheadRuns).find((d) =>
    starts.has(d.getTime()),
  );
  return at === undefined ? undefined : { kind: "shared-instant", at };
}
