/**
 * Time-zone helpers on top of `Intl` (ICU's IANA database, shipped with Node): no extra library is
 * needed to validate a zone name or to read a wall-clock time in it.
 */

/**
 * Most answers {@link isValidTimeZone} remembers. Building an `Intl.DateTimeFormat` is its whole
 * cost (the top item when the policy pack checks thousands of schedules); a stack uses a handful
 * of zones, and the bound keeps a stream of distinct bad names from growing the cache for ever.
 */
export const MAX_CACHED_TIME_ZONES = 1000;

const timeZoneAnswers = new Map<string, boolean>();

/**
 * Whether `timeZone` is an IANA time zone name, as EventBridge Scheduler's
 * `ScheduleExpressionTimezone` expects ("Time zones on EventBridge Scheduler", Scheduler User
 * Guide). `Intl` also accepts UTC offsets such as `+01:00` and any letter case; both are refused
 * here because Scheduler takes names only. Answers (valid and invalid) are memoized.
 *
 * @example isValidTimeZone("Europe/Berlin") // true; isValidTimeZone("CEST") // false
 */
export function isValidTimeZone(timeZone: string): boolean {
  if (typeof timeZone !== "string" || !/^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(timeZone)) return false;
  const known = timeZoneAnswers.get(timeZone);
  if (known !== undefined) return known;
  const valid = checkTimeZone(timeZone);
  // Full: forget the oldest answer (a Map iterates in insertion order).
  if (timeZoneAnswers.size >= MAX_CACHED_TIME_ZONES) {
    const oldest = timeZoneAnswers.keys().next();
    if (oldest.done !== true) timeZoneAnswers.delete(oldest.value);
  }
  timeZoneAnswers.set(timeZone, valid);
  return valid;
}

function checkTimeZone(timeZone: string): boolean {
  let resolved: string;
  try {
    resolved = new Intl.DateTimeFormat("en-US", { timeZone }).resolvedOptions().timeZone;
  } catch {
    // RangeError "Invalid time zone specified": the only failure Intl reports for a bad name.
    return false;
  }
  // Intl canonicalises case ("europe/berlin" -> "Europe/Berlin"); AWS compares names exactly.
  return resolved.toLowerCase() !== timeZone.toLowerCase() || resolved === timeZone;
}

/**
 * The wall-clock time of `date` in `timeZone` as `yyyy-mm-ddThh:mm:ss` (the shape of an `at()`
 * expression). Two instants with the same wall clock are the two passes through a repeated hour.
 */
export function wallClock(date: Date, timeZone: string): string {
  const parts = wallClockFormat(timeZone).formatToParts(date);
  const get = (type: Intl.DateTimeFormatPartTypes): string =>
    parts.find((part) => part.type === type)?.value ?? "00";
  return `${get("year")}-${get("month")}-${get("day")}T${get("hour")}:${get("minute")}:${get("second")}`;
}

const wallClockFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * The formatter {@link wallClock} uses for `timeZone`, built once per zone: building one costs far
 * more than formatting with it (holiday windows and `stoppedHoursPerWeek` read thousands of wall
 * clocks). Bounded like the zone answers above.
 */
function wallClockFormat(timeZone: string): Intl.DateTimeFormat {
  const known = wallClockFormats.get(timeZone);
  if (known !== undefined) return known;
  const format = new Intl.DateTimeFormat("en-CA", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  });
  if (wallClockFormats.size >= MAX_CACHED_TIME_ZONES) wallClockFormats.clear();
  wallClockFormats.set(timeZone, format);
  return format;
}
