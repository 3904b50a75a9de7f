import type { EmulatorConfig } from "./types";
import { RdsApiError } from "./errors";

/**
 * Draws the injected fault for one request, if any: `Throttling` (400) with probability
 * `throttleRate`, else `InternalFailure` (500) with probability `errorRate` — the codes real RDS
 * returns, which the SDK's standard retry strategy retries.
 */
export function pickFault(config: EmulatorConfig, random: () => number): RdsApiError | undefined {
  if (config.throttleRate > 0 && random() < config.throttleRate) return RdsApiError.throttling();
  if (config.errorRate > 0 && random() < config.errorRate) return RdsApiError.internalFailure();
  return undefined;
}

/** Waits `latencyMs` (no timer at all when 0). */
export function injectLatency(latencyMs: number): Promise<void> {
  if (latencyMs <= 0) return Promise.resolve();
  return new Promise((resolve) => setTimeout(resolve, latencyMs));
}
