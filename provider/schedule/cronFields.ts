/**
 * The six fields of an EventBridge cron expression: their ranges and wildcards, as tabled in
 * "Cron-based schedules" (EventBridge Scheduler User Guide) and "Cron expressions reference"
 * (EventBridge User Guide). Pure data plus one per-item validator.
 */

/** Names of the six fields, in order. */
export type CronFieldName = "minutes" | "hours" | "day-of-month" | "month" | "day-of-week" | "year";

/** What one field accepts. */
export interface CronFieldSpec {
  /** Field name as AWS documents it. */
  readonly name: CronFieldName;
  /** Smallest and largest value. */
  readonly min: number;
  readonly max: number;
  /** Names standing for values (`JAN` = 1, `SUN` = 1), upper case. */
  readonly names: Readonly<Record<string, number>>;
  /** Wildcards beyond `,` `-` `*`: any of `/ ? L W #`. */
  readonly extras: string;
}

const MONTHS = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];
const DAYS = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];
const namesFrom = (list: string[]): Record<string, number> =>
  Object.fromEntries(list.map((name, index) => [name, index + 1]));

/** The six fields, in expression order. Note day-of-week counts 1 = `SUN` … 7 = `SAT`. */
export const CRON_FIELDS: readonly CronFieldSpec[] = [
  { name: "minutes", min: 0, max: 59, names: {}, extras: "/" },
  { name: "hours", min: 0, max: 23, names: {}, extras: "/" },
  { name: "day-of-month", min: 1, max: 31, names: {}, extras: "/?LW" },
  { name: "month", min: 1, max: 12, names: namesFrom(MONTHS), extras: "/" },
  { name: "day-of-week", min: 1, max: 7, names: namesFrom(DAYS), extras: "?L#" },
  { name: "year", min: 1970, max: 2199, names: {}, extras: "/" },
];

/**
 * Reads one value (a number or a name) of `spec`; returns an error text instead of throwing so the
 * caller can name the field.
 */
export function readCronValue(spec: CronFieldSpec, text: string): number | string {
  const upper = text.toUpperCase();
  const named = spec.names[upper];
  if (named !== undefined) return named;
  if (!/^\d+$/.test(text)) {
    const hint =
      Object.keys(spec.names).length > 0 ? ` or ${Object.keys(spec.names).join("|")}` : "";
    return `\`${text}\` is not a value of ${spec.name} (${spec.min}-${spec.max}${hint})`;
  }
  const value = Number(text);
  if (value < spec.min || value > spec.max) {
    return `${spec.name} value \`${text}\` is out of range ${spec.min}-${spec.max}`;
  }
  return value;
}
