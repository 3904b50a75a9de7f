/**
 * The keep-running override: a tag on the cluster whose value is a time (RFC 3339 with an offset
 * or `Z`, e.g. `2026-11-29T08:00:00Z`) until which the stop workflow leaves the cluster running.
 * Set from the console or the CLI (`aws rds add-tags-to-resource`), it needs no Pulumi run. Decided
 * once here for the stop workflow (whose Choice rules are proven against {@link overrideDecision}),
 * the provider's warning and the policy pack.
 */

/** The tag key the override is read from unless configured otherwise. */
export const KEEP_RUNNING_TAG_KEY = "aurora-power:keep-running-until";

// RDS tag keys: 1–128 Unicode letters, digits, white space and `_ . : / = + - @`, not starting
// with `aws:` or `rds:` ("Tagging Amazon RDS resources", RDS User Guide). None of these characters
// needs escaping in a JSONPath filter literal or an intrinsic function's string.
const TAG_KEY = /^(?!aws:|rds:)[\p{L}\p{Z}\p{N}_.:/=+\-@]{1,128}$/u;

/** True when `key` is a tag key RDS accepts. */
export function isValidTagKey(key: string): boolean {
  return TAG_KEY.test(key);
}

// What Step Functions' `IsTimestamp` accepts: "Timestamps must conform to RFC3339 profile of ISO
// 8601, with the further restrictions that an uppercase T must separate the date and time
// portions, and an uppercase Z must denote that a numeric time zone offset is not present"
// (Amazon States Language, Choice Rules). The same expression as aws-local-stepfunctions'.
const RFC3339 =
  /^\d{4}-(0[1-9]|1[012])-(0[1-9]|[12][0-9]|3[01])T([01][0-9]|2[0-3]):([0-5][0-9]):([0-5][0-9])(\.\d+)?(Z|[+-]([01][0-9]|2[0-3]):([0-5][0-9]))$/;

/** The instant a tag value names, or undefined when it is not such a time. */
export function parseKeepRunningUntil(value: string): Date | undefined {
  if (!RFC3339.test(value)) return undefined;
  const at = new Date(value);
  return Number.isNaN(at.getTime()) ? undefined : at;
}

/** What the override did to one stop. */
export type OverrideOutcome = "kept-running" | "expired" | "ignored";

/**
 * The override's outcome for a tag `value` seen at `now`: `kept-running` while the time is ahead,
 * `expired` once it has passed (the stop goes ahead), `ignored` when the value is not a time.
 */
export function overrideDecision(value: string, now: Date): OverrideOutcome {
  const until = parseKeepRunningUntil(value);
  if (until === undefined) return "ignored";
  return until.getTime() > now.getTime() ? "kept-running" : "expired";
}

/** The override tag's value among `tags` (RDS `TagList`), if the cluster carries it. */
export function overrideTagValue(
  tags: readonly { Key?: string; Value?: string }[] | undefined,
  tagKey: string,
): string | undefined {
  return tags?.find((tag) => tag.Key === tagKey)?.Value;
}
