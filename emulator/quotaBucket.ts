import type { EmulatorConfig } from "./types";

/**
 * The token bucket of RDS's API request quota: it holds up to `quotaBurst` tokens, refills at
 * `quotaRatePerSecond`, and each request takes one; a request that finds no whole token is refused
 * `Throttling`. RDS keeps one such bucket per account and Region, shared by every caller (RDS User
 * Guide, "Request throttling for the Amazon RDS API"); one emulator is one account and Region.
 */
export class QuotaBucket {
  private tokens = 0;
  private lastRefillMs = 0;
  private filledFor: string | undefined;

  /**
   * Takes one token at `nowMs` if there is one. The bucket starts full, and starts full again when
   * `quotaBurst` or `quotaRatePerSecond` changes (a new quota is a new bucket).
   */
  take(nowMs: number, config: Pick<EmulatorConfig, "quotaBurst" | "quotaRatePerSecond">): boolean {
    const { quotaBurst, quotaRatePerSecond } = config;
    const key = `${quotaBurst}/${quotaRatePerSecond}`;
    if (this.filledFor !== key) {
      this.filledFor = key;
      this.tokens = quotaBurst;
    } else {
      const refill = (Math.max(0, nowMs - this.lastRefillMs) / 1000) * quotaRatePerSecond;
      this.tokens = Math.min(quotaBurst, this.tokens + refill);
    }
    this.lastRefillMs = nowMs;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }

  /** Whole and fractional tokens left at the last `take` (for tests and diagnostics). */
  get available(): number {
    return this.tokens;
  }
}
