/**
 * The provider's share of the account's RDS request quota, read from the environment of
 * `pulumi` (the engine passes it to the provider process).
 */

/** Rate and burst of the client-side token bucket (./rdsRateLimiter). */
export interface RateLimiterSettings {
  /** Sustained requests a second at most (`AURORA_POWER_RDS_RATE`); throttling lowers it for a while. */
  ratePerSecond: number;
  /** Requests that may leave at once after a quiet period (`AURORA_POWER_RDS_BURST`). */
  burst: number;
}

/**
 * RDS's documented bucket per account and Region: 300 requests burst, 12 a second sustained
 * ("Request throttling for the Amazon RDS API", RDS User Guide).
 */
export const RDS_ACCOUNT_QUOTA: Readonly<RateLimiterSettings> = { ratePerSecond: 12, burst: 300 };

/**
 * The provider's ceiling: 11 requests a second and 270 at once, of the account's 12 and 300. A
 * `pulumi up` or `destroy` of a fleet spends the account's budget only for the minutes its power
 * calls take, and that is when the user is waiting: at this ceiling the ~1,060 requests of
 * stopping 1,000 clusters leave in about 72 s where the whole account bucket would take 63 s
 * (half the bucket took 2 × as long; B5's target is 1.25 ×, with 20 s transitions). What it
 * leaves unused (1 a second, 30 at once) covers a console user; anyone spending more makes RDS
 * throttle, and the first throttled answer halves the rate at once and teaches a ceiling of three
 * quarters of it (./adaptiveRate), so beside a neighbour spending 6 a second the provider settles
 * at about the 6 it leaves, and at most a few requests are ever sent blind into an empty bucket
 * (the in-flight bound of ./rdsRateLimiter). A pipeline that must never be throttled by it sets
 * a lower share.
 */
export const DEFAULT_RATE_LIMITER_SETTINGS: Readonly<RateLimiterSettings> = {
  ratePerSecond: 11,
  burst: 270,
};

/** Highest accepted values: far above any RDS quota, so a typo cannot disable the limiter. */
const MAX_RATE_PER_SECOND = 1_000;
const MAX_BURST = 10_000;

/** A limiter knob with a value the provider refuses (named, with the allowed range). */
export class RateLimiterSettingsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "RateLimiterSettingsError";
  }
}

function read(
  env: NodeJS.ProcessEnv,
  name: string,
  fallback: number,
  check: { max: number; integer: boolean; what: string },
): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === "") return fallback;
  const value = Number(raw);
  const ok = Number.isFinite(value) && value > 0 && value <= check.max;
  if (ok && (!check.integer || Number.isInteger(value))) return value;
  throw new RateLimiterSettingsError(
    `\`${name}\` must be ${check.what} above 0 and at most ${check.max}, got ${JSON.stringify(raw.slice(0, 32))}; ` +
      `RDS allows ${RDS_ACCOUNT_QUOTA.ratePerSecond} requests a second and ${RDS_ACCOUNT_QUOTA.burst} at once per account and Region by default, ` +
      `the provider takes at most ${DEFAULT_RATE_LIMITER_SETTINGS.ratePerSecond} and ${DEFAULT_RATE_LIMITER_SETTINGS.burst} unless told otherwise`,
  );
}

/**
 * Reads `AURORA_POWER_RDS_RATE` (requests a second, default 11) and `AURORA_POWER_RDS_BURST`
 * (whole requests, default 270). A malformed or out-of-range value is refused with
 * {@link RateLimiterSettingsError} rather than replaced: a silently ignored share could throttle
 * the whole account.
 */
export function readRateLimiterSettings(env: NodeJS.ProcessEnv = process.env): RateLimiterSettings {
  const d = DEFAULT_RATE_LIMITER_SETTINGS;
  return {
    ratePerSecond: read(env, "AURORA_POWER_RDS_RATE", d.ratePerSecond, {
      max: MAX_RATE_PER_SECOND,
      integer: false,
      what: "a number of requests a second",
    }),
    burst: read(env, "AURORA_POWER_RDS_BURST", d.burst, {
      max: MAX_BURST,
      integer: true,
      what: "a whole number of requests",
    }),
  };
}
