/**
 * Provider poller knobs (documented in provider/poller/pollerSettings.ts) for an emulator whose
 * transitions take seconds instead of minutes: poll every 100–500 ms, expect transitions to last
 * about `transitionSeconds`, and report progress every second so demos show it.
 */
export function acceleratedProviderEnv(transitionSeconds = 1): Record<string, string> {
  return {
    AURORA_POWER_POLL_MIN_INTERVAL_MS: "100",
    AURORA_POWER_POLL_MAX_INTERVAL_MS: "500",
    AURORA_POWER_EXPECTED_STOP_SECONDS: String(transitionSeconds),
    AURORA_POWER_EXPECTED_START_SECONDS: String(transitionSeconds),
    AURORA_POWER_EXPECTED_OTHER_SECONDS: String(transitionSeconds),
    AURORA_POWER_PROGRESS_INTERVAL_SECONDS: "1",
    AURORA_POWER_STALE_GRACE_MS: "1000",
    AURORA_POWER_RACE_MAX_DELAY_MS: "500",
  };
}
