import type { EmulatorConfig } from "./types";

/** Longest delay Node's timers take (2^31−1 ms, about 24.8 days); a longer one fires at once. */
export const MAX_TIMER_MS = 2 ** 31 - 1;

/** The values one numeric setting accepts, and how a message describes them. */
export interface SettingRange {
  /** "boolean" for an on/off setting (`true` or `false`; min, max and integer unused). */
  kind?: "boolean";
  min: number;
  max: number;
  integer: boolean;
  /** What the number is, for the message: "seconds", "milliseconds", "a probability". */
  unit: string;
}

// Durations are seconds but end up as timestamps and waits in ms: keep them in Node's timer range
// too, so a harness may wait for any transition with one timer and every timestamp stays valid.
const SECONDS: SettingRange = { min: 0, max: MAX_TIMER_MS / 1000, integer: false, unit: "seconds" };
const RATE: SettingRange = { min: 0, max: 1, integer: false, unit: "a probability" };

/** An on/off setting: `true` or `false`. */
export const BOOLEAN: SettingRange = { kind: "boolean", min: 0, max: 1, integer: true, unit: "" };

/** The allowed range of every setting of {@link EmulatorConfig}. */
export const SETTING_RANGES: Readonly<Record<keyof EmulatorConfig, SettingRange>> = {
  createSeconds: SECONDS,
  stopSeconds: SECONDS,
  startSeconds: SECONDS,
  backingUpSeconds: SECONDS,
  instanceSettleSeconds: SECONDS,
  autoRestartSeconds: SECONDS,
  staleReadSeconds: SECONDS,
  throttleRate: RATE,
  errorRate: RATE,
  latencyMs: { min: 0, max: MAX_TIMER_MS, integer: false, unit: "milliseconds" },
  quotaMode: BOOLEAN,
  quotaBurst: { min: 1, max: 1_000_000, integer: true, unit: "requests" },
  quotaRatePerSecond: { min: 0, max: 1_000_000, integer: false, unit: "requests per second" },
};

/** The TCP port to listen on; 0 lets the system pick a free one. */
export const PORT_RANGE: SettingRange = { min: 0, max: 65_535, integer: true, unit: "a TCP port" };

/** True when `value` is a number inside `range`. */
export function isInRange(value: unknown, range: SettingRange): value is number {
  return (
    typeof value === "number" &&
    Number.isFinite(value) &&
    value >= range.min &&
    value <= range.max &&
    (!range.integer || Number.isInteger(value))
  );
}

/**
 * The message for a value outside `range`, naming the setting as the caller knows it (`label`:
 * "`latencyMs`", "`--latency-ms`") and the value as it was given (`shown`), e.g. "`latencyMs` must
 * be a number from 0 to 2147483647 (milliseconds), got 3000000000".
 */
export function outOfRangeMessage(label: string, shown: string, range: SettingRange): string {
  const kind = range.integer ? "an integer" : "a number";
  return `${label} must be ${kind} from ${range.min} to ${range.max} (${range.unit}), got ${shown}`;
}

/** The message when `value` is not a number inside `range`, else undefined. */
export function settingProblem(
  label: string,
  value: unknown,
  range: SettingRange,
): string | undefined {
  const shown = typeof value === "number" ? String(value) : (JSON.stringify(value) ?? "nothing");
  if (range.kind === "boolean") {
    return typeof value === "boolean" ? undefined : `${label} must be true or false, got ${shown}`;
  }
  if (isInRange(value, range)) return undefined;
  return outOfRangeMessage(label, shown, range);
}
