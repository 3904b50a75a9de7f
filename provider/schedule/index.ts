/**
 * Pure functions about EventBridge Scheduler expressions, shared by `ClusterStopSchedule` and the
 * policy pack: parse and validate, validate time zones, compute the next runs.
 */
export {
  parseScheduleExpression,
  tryParseScheduleExpression,
  type ScheduleExpression,
  type CronScheduleExpression,
  type RateScheduleExpression,
  type AtScheduleExpression,
} from "./parseScheduleExpression";
export { isValidTimeZone, wallClock } from "./timeZone";
export { nextRuns } from "./nextRuns";
export { stoppedHoursPerWeek } from "./stoppedHours";
export {
  isCalendarDate,
  localDate,
  nextDate,
  nextRunsOutside,
  startOfLocalDay,
  startWindows,
  type StartWindow,
} from "./holidays";
export {
  stopStartCollision,
  COLLISION_LOOKAHEAD_RUNS,
  type StopStartCollision,
} from "./stopStartCollision";
export {
  recursAtLeastEvery,
  AUTOMATIC_RESTART_DAYS,
  AUTOMATIC_RESTART_SECONDS,
  WEEKLY_MAX_GAP_SECONDS,
} from "./recursAtLeastEvery";
export { ScheduleExpressionError, InvalidTimeZoneError } from "./scheduleExpressionError";
export { CRON_FIELDS, type CronFieldName, type CronFieldSpec } from "./cronFields";
