/**
 * The provider's share of the account's RDS request quota, read from the environment of
 * `pulumi` (the engine passes it to the provider process).
 */

/** Rate and burst of the client-side token bucket (./rdsRateLimiter). */
export interface RateLimiterSettings {
  /** Sustained requests a second (`AURORA_POWER_RDS_RATE`). */
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
 * Half of the account's bucket: 6 requests a second and 150 at once. The other half stays free
 * for the console, the CLI, other pipelines and monitoring of the same account and Region, so a
 * fleet of 1,000 never throttles them; at half the rate the power calls of 1,000 clusters still
 * leave within about 2.5 minutes, short beside the minutes a stop or start takes.
 */
export const DEFAULT_RATE_LIMITER_SETTINGS: Readonly<RateLimiterSettings> = {
  ratePerSecond: RDS_ACCOUNT_QUOTA.ratePerSecond / 2,
  burst: RDS_ACCOUNT_QUOTA.burst / 2,
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
      `the provider takes ${DEFAULT_RATE_LIMITER_SETTINGS.ratePerSecond} and ${DEFAULT_RATE_LIMITER_SETTINGS.burst} unless told otherwise`,
  );
}

/**
 * Reads `AURORA_POWER_RDS_RATE` (requests a second, default 6) and `AURORA_POWER_RDS_BURST`
 * (whole requests, default 150). A malformed or out-of-range value is refused with
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
