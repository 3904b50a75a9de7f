import type { EmulatorConfig } from "./types";
import { RdsApiError } from "./errors";
import { SETTING_RANGES, settingProblem } from "./settingRanges";

/**
 * Defaults: 5 s stop and start, no backing-up, 7-day automatic restart, no faults, no stale reads,
 * quota mode off (RDS's documented bucket when on).
 */
export const DEFAULT_CONFIG: Readonly<EmulatorConfig> = Object.freeze({
  // RDS answers CreateDBCluster with `creating`; a short default keeps tests fast.
  createSeconds: 1,
  stopSeconds: 5,
  startSeconds: 5,
  backingUpSeconds: 0,
  instanceSettleSeconds: 0,
  // AWS restarts a cluster that has been stopped for seven days (Aurora User Guide,
  // "Stopping and starting an Amazon Aurora DB cluster").
  autoRestartSeconds: 7 * 24 * 3600,
  throttleRate: 0,
  errorRate: 0,
  latencyMs: 0,
  staleReadSeconds: 0,
  // RDS API request throttling: one bucket per account and Region, 300 requests burst, refilled at
  // 12 requests per second (RDS User Guide, "Request throttling for the Amazon RDS API").
  quotaMode: false,
  quotaBurst: 300,
  quotaRatePerSecond: 12,
});

/**
 * Checks a partial configuration and merges it over `base`. Throws {@link RdsApiError}
 * (`InvalidParameterValue`) naming the bad key, its value and the allowed range
 * ({@link SETTING_RANGES}); nothing is merged then.
 */
export function mergeConfig(base: EmulatorConfig, patch: Record<string, unknown>): EmulatorConfig {
  const merged: EmulatorConfig = { ...base };
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    if (!(key in DEFAULT_CONFIG)) {
      throw RdsApiError.invalidParameter(`Unknown emulator setting \`${key}\`.`);
    }
    const name = key as keyof EmulatorConfig;
    const problem = settingProblem(`\`${key}\``, value, SETTING_RANGES[name]);
    if (problem !== undefined) throw RdsApiError.invalidParameter(`${problem}.`);
    (merged as unknown as Record<string, unknown>)[name] = value;
  }
  return merged;
}
