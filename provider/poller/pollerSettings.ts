/**
 * Knobs of the waiting machinery, read from the provider process's environment (the engine starts
 * the provider with the environment of `pulumi up`). Every knob is documented in docs/rds-calls.md ("Waiting"). The
 * RDS client's knobs live with the client in `rds/createRdsClient.ts`:
 * `AURORA_POWER_REQUEST_TIMEOUT_MS` (bound of one HTTP attempt, 30000), `AWS_MAX_ATTEMPTS` (8) and
 * `AWS_RETRY_MODE` (`standard`).
 */
export interface PollerSettings {
  /** Shortest delay between two describe ticks (`AURORA_POWER_POLL_MIN_INTERVAL_MS`, 500). */
  minIntervalMs: number;
  /** Longest delay between two describe ticks (`AURORA_POWER_POLL_MAX_INTERVAL_MS`, 30000). */
  maxIntervalMs: number;
  /** ± fraction of random jitter on each delay (`AURORA_POWER_POLL_JITTER_RATIO`, 0.1). */
  jitterRatio: number;
  /** Expected `stopping` time until one is observed (`AURORA_POWER_EXPECTED_STOP_SECONDS`, 300). */
  expectedStopMs: number;
  /** Expected `starting` time until one is observed (`AURORA_POWER_EXPECTED_START_SECONDS`, 600). */
  expectedStartMs: number;
  /** Expected time of any other status (`AURORA_POWER_EXPECTED_OTHER_SECONDS`, 120). */
  expectedOtherMs: number;
  /** Progress message period while waiting (`AURORA_POWER_PROGRESS_INTERVAL_SECONDS`, 30). */
  progressIntervalMs: number;
  /** How long a describe may still show the pre-action status (`AURORA_POWER_STALE_GRACE_MS`, 30000). */
  staleGraceMs: number;
  /** Refused or repeated power calls before giving up (`AURORA_POWER_MAX_RACE_RETRIES`, 30). */
  maxRaceRetries: number;
  /** Longest back-off between two refused power calls (`AURORA_POWER_RACE_MAX_DELAY_MS`, 15000). */
  raceMaxDelayMs: number;
  /** Failed describe ticks in a row (after SDK retries) before a wait fails (fixed: 5). */
  maxConsecutiveDescribeErrors: number;
}

/** Defaults tuned for real RDS: stops take minutes, starts up to 20 min. */
export const DEFAULT_POLLER_SETTINGS: Readonly<PollerSettings> = {
  minIntervalMs: 500,
  maxIntervalMs: 30_000,
  jitterRatio: 0.1,
  expectedStopMs: 300_000,
  expectedStartMs: 600_000,
  expectedOtherMs: 120_000,
  progressIntervalMs: 30_000,
  staleGraceMs: 30_000,
  maxRaceRetries: 30,
  raceMaxDelayMs: 15_000,
  maxConsecutiveDescribeErrors: 5,
};

function numberFrom(env: NodeJS.ProcessEnv, name: string, fallback: number, scale = 1): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === "") return fallback;
  const value = Number(raw);
  // A malformed knob must not turn the poller into a busy loop: keep the default.
  return Number.isFinite(value) && value >= 0 ? value * scale : fallback;
}

/** Reads {@link PollerSettings} from environment variables, falling back to the defaults. */
export function readPollerSettings(env: NodeJS.ProcessEnv = process.env): PollerSettings {
  const d = DEFAULT_POLLER_SETTINGS;
  const minIntervalMs = numberFrom(env, "AURORA_POWER_POLL_MIN_INTERVAL_MS", d.minIntervalMs);
  return {
    minIntervalMs,
    maxIntervalMs: Math.max(
      minIntervalMs,
      numberFrom(env, "AURORA_POWER_POLL_MAX_INTERVAL_MS", d.maxIntervalMs),
    ),
    jitterRatio: Math.min(1, numberFrom(env, "AURORA_POWER_POLL_JITTER_RATIO", d.jitterRatio)),
    expectedStopMs: numberFrom(env, "AURORA_POWER_EXPECTED_STOP_SECONDS", d.expectedStopMs, 1000),
    expectedStartMs: numberFrom(
      env,
      "AURORA_POWER_EXPECTED_START_SECONDS",
      d.expectedStartMs,
      1000,
    ),
    expectedOtherMs: numberFrom(
      env,
      "AURORA_POWER_EXPECTED_OTHER_SECONDS",
      d.expectedOtherMs,
      1000,
    ),
    progressIntervalMs: numberFrom(
      env,
      "AURORA_POWER_PROGRESS_INTERVAL_SECONDS",
      d.progressIntervalMs,
      1000,
    ),
    staleGraceMs: numberFrom(env, "AURORA_POWER_STALE_GRACE_MS", d.staleGraceMs),
    maxRaceRetries: Math.floor(numberFrom(env, "AURORA_POWER_MAX_RACE_RETRIES", d.maxRaceRetries)),
    raceMaxDelayMs: numberFrom(env, "AURORA_POWER_RACE_MAX_DELAY_MS", d.raceMaxDelayMs),
    maxConsecutiveDescribeErrors: d.maxConsecutiveDescribeErrors,
  };
}
