/**
 * How throttling feedback moves the fill rate of the shared RDS token bucket (./rdsRateLimiter).
 * A throttled answer means RDS's bucket for the account and Region is empty: someone else spends
 * too ("Request throttling for the Amazon RDS API", RDS User Guide). The rate then drops at once
 * (multiplicative decrease, as the SDK's adaptive retry mode does), and the rate it was sending at
 * is remembered as a *learned ceiling* a fraction below it. The rate climbs back to that ceiling
 * within a minute, and the ceiling itself only climbs back to the configured rate over ten
 * minutes, so a run beside a busy neighbour settles just under what the neighbour leaves instead
 * of probing above it every minute (each probe throttles the neighbour too).
 */

/** Factor applied to the current rate on a throttled answer. */
export const CUT_FACTOR = 0.5;
/**
 * The learned ceiling after a cut: this fraction of the rate throttling happened at, or of the
 * ceiling in force if that was higher (a throttle while still climbing back after a cut lowers the
 * ceiling by this fraction at most: one unlucky answer from a nearly empty bucket must not pin the
 * rate low for minutes).
 */
export const CEILING_FACTOR = 0.75;
/** How long the rate takes to climb back linearly from a cut to the learned ceiling. */
export const RECOVERY_MS = 60_000;
/** How long the learned ceiling takes to climb back linearly to the configured rate. */
export const CEILING_RECOVERY_MS = 600_000;
/**
 * Throttled answers to requests granted before a cut, or within this long after it, are that
 * cut's signal: they were in flight, or left before RDS's bucket could refill at the lower rate.
 */
export const SETTLE_MS = 1_000;
/** The rate never falls below this fraction of the configured one. */
export const MIN_RATE_FRACTION = 1 / 8;

interface Cut {
  at: number;
  /** The rate right after the cut. */
  rate: number;
  /** The learned ceiling right after the cut. */
  ceiling: number;
}

/**
 * The fill rate over time: the configured rate until RDS throttles, then the cut-and-recover
 * curve of the last cut. Pure arithmetic on the times it is given, so tests assert exact rates.
 *
 * @example
 * const rate = new AdaptiveRate(10);
 * rate.cut(now, grantedAt); // 10/s → 5/s, ceiling 7.5/s; back at 7.5/s 60 s later, 10/s after 10 min
 */
export class AdaptiveRate {
  private last: Cut | undefined;

  /** @param configured the share the limiter was given, requests a second. */
  constructor(readonly configured: number) {}

  /** The learned ceiling at `now`: climbing from the last cut's back to the configured rate. */
  ceilingAt(now: number): number {
    const c = this.last;
    if (!c) return this.configured;
    const climbed = (this.configured - c.ceiling) * ((now - c.at) / CEILING_RECOVERY_MS);
    return Math.min(this.configured, c.ceiling + Math.max(0, climbed));
  }

  /** The fill rate at `now`, requests a second. */
  rateAt(now: number): number {
    const c = this.last;
    if (!c) return this.configured;
    const climbed = (c.ceiling - c.rate) * (Math.max(0, now - c.at) / RECOVERY_MS);
    return Math.min(this.ceilingAt(now), c.rate + climbed);
  }

  /**
   * A throttled answer at `now` to a request granted at `grantedAt`. Cuts the rate unless the
   * answer belongs to the last cut (granted before it ended settling, {@link SETTLE_MS}); returns
   * whether it cut.
   */
  cut(now: number, grantedAt: number): boolean {
    if (this.last && grantedAt < this.last.at + SETTLE_MS) return false;
    const sending = this.rateAt(now);
    const floor = this.configured * MIN_RATE_FRACTION;
    const rate = Math.max(floor, sending * CUT_FACTOR);
    const ceiling = Math.max(rate, Math.max(sending, this.ceilingAt(now)) * CEILING_FACTOR);
    this.last = { at: now, rate, ceiling };
    return true;
  }
}
