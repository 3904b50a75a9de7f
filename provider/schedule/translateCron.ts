/**
 * Validates the six fields of an EventBridge cron expression and translates them into a croner
 * pattern (`second minute hour day-of-month month day-of-week year`), the library that computes
 * the runs. The dialects differ: EventBridge requires `?` in day-of-month or day-of-week (croner has
 * `*`), counts day-of-week 1 = SUN … 7 = SAT (croner 0 = SUN), writes "last Friday" `6L` (croner
 * `5#L`) and "every 10 minutes from 1" `1/10` (croner wants `1-59/10`).
 */
import { CRON_FIELDS, type CronFieldSpec, readCronValue } from "./cronFields";

/** A field that failed: the error text (fields are checked one by one, first failure wins). */
type Translated = { pattern: string } | { error: string };

const isError = (result: number | string): result is string => typeof result === "string";

/** Translates one `a`, `a-b` or `*` term (no step) of a non-day-of-week field. */
function translateTerm(spec: CronFieldSpec, term: string): Translated {
  if (term === "*") return { pattern: "*" };
  const [fromText = "", toText, ...rest] = term.split("-");
  if (rest.length > 0) return { error: `\`${term}\` in ${spec.name} has more than one \`-\`` };
  const from = readCronValue(spec, fromText);
  if (isError(from)) return { error: from };
  if (toText === undefined) return { pattern: String(from) };
  const to = readCronValue(spec, toText);
  if (isError(to)) return { error: to };
  if (from > to) {
    return {
      error:
        `range \`${term}\` in ${spec.name} runs backwards; ` +
        `split it as \`${fromText}-${spec.max},${spec.min}-${toText}\``,
    };
  }
  return { pattern: `${from}-${to}` };
}

/** Translates one comma-separated item of minutes, hours, day-of-month, month or year. */
function translateItem(spec: CronFieldSpec, item: string): Translated {
  if (spec.name === "day-of-month" && /^(L|LW|\d+W)$/i.test(item)) {
    const day = item.toUpperCase().replace(/W$/, "");
    if (day !== "L" && isError(readCronValue(spec, day))) {
      return { error: `\`${item}\` in day-of-month needs a day 1-31 before \`W\`` };
    }
    return { pattern: item.toUpperCase() };
  }
  const [range = "", step, ...extra] = item.split("/");
  if (step === undefined) return translateTerm(spec, range);
  if (!spec.extras.includes("/") || extra.length > 0) {
    return { error: `\`${item}\`: ${spec.name} does not take \`/\` here` };
  }
  if (!/^\d+$/.test(step) || Number(step) < 1) {
    return { error: `step \`/${step}\` in ${spec.name} must be a positive whole number` };
  }
  const base = translateTerm(spec, range);
  if ("error" in base) return base;
  // EventBridge's `a/n` means "from a, every n" (Quartz); croner needs an explicit range.
  const start = /^\d+$/.test(base.pattern) ? `${base.pattern}-${spec.max}` : base.pattern;
  return { pattern: `${start}/${step}` };
}

/** Day-of-week value 1-7 (SUN-SAT) as croner's 0-6. */
function dayOfWeek(spec: CronFieldSpec, text: string): number | string {
  const value = readCronValue(spec, text);
  return isError(value) ? value : value - 1;
}

/** Translates one item of day-of-week: `d`, `a-b` (may wrap past SAT), `L`, `dL`, `d#n`. */
function translateDayOfWeekItem(spec: CronFieldSpec, item: string): Translated {
  if (item === "*") return { pattern: "*" };
  if (item.toUpperCase() === "L") return { pattern: "6" }; // `L` alone: last day of the week, SAT
  const nth = /^(\w+)#(\w+)$/.exec(item) ?? /^(\w+)(L)$/i.exec(item);
  if (nth) {
    const day = dayOfWeek(spec, nth[1] ?? "");
    if (isError(day)) return { error: day };
    const which = (nth[2] ?? "").toUpperCase();
    if (which !== "L" && !/^[1-5]$/.test(which)) {
      return { error: `\`${item}\`: the week after \`#\` must be 1-5` };
    }
    return { pattern: `${day}#${which}` };
  }
  const [fromText = "", toText, ...rest] = item.split("-");
  if (rest.length > 0) return { error: `\`${item}\` in day-of-week has more than one \`-\`` };
  const from = dayOfWeek(spec, fromText);
  if (isError(from)) return { error: from };
  if (toText === undefined) return { pattern: String(from) };
  const to = dayOfWeek(spec, toText);
  if (isError(to)) return { error: to };
  if (from <= to) return { pattern: `${from}-${to}` };
  // A range that wraps past Saturday (`FRI-MON`): list the days, croner ranges cannot wrap.
  const days: number[] = [];
  for (let day = from; day !== to; day = (day + 1) % 7) days.push(day);
  return { pattern: [...days, to].join(",") };
}

/** Translates one whole field (comma list) at position `index`. */
export function translateCronField(index: number, text: string): Translated {
  const spec = CRON_FIELDS[index];
  if (spec === undefined) return { error: `there is no field ${index + 1}` };
  if (text === "?") {
    return spec.extras.includes("?")
      ? { pattern: "*" }
      : { error: `\`?\` is only allowed in day-of-month or day-of-week, not in ${spec.name}` };
  }
  const items = text.split(",");
  if (spec.name === "day-of-week" && text.includes("#") && items.length > 1) {
    return {
      error: `\`${text}\`: with \`#\` day-of-week takes a single item (AWS refuses \`3#1,6#3\`)`,
    };
  }
  const patterns: string[] = [];
  for (const item of items) {
    if (item === "") return { error: `${spec.name} \`${text}\` has an empty item` };
    const result =
      spec.name === "day-of-week" ? translateDayOfWeekItem(spec, item) : translateItem(spec, item);
    if ("error" in result) return result;
    patterns.push(result.pattern);
  }
  return { pattern: patterns.join(",") };
}
