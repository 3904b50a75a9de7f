import { nextPollDelayMs } from "../../../provider/poller/nextPollDelay";
import {
  DEFAULT_POLLER_SETTINGS,
  readPollerSettings,
} from "../../../provider/poller/pollerSettings";
import { DurationModel } from "../../../provider/poller/durationModel";

describe("readPollerSettings", () => {
  it("uses the defaults with no knob set", () => {
    expect(readPollerSettings({})).toEqual(DEFAULT_POLLER_SETTINGS);
  });

  it("reads every knob, seconds scaled to ms", () => {
    expect(
      readPollerSettings({
        AURORA_POWER_POLL_MIN_INTERVAL_MS: "50",
        AURORA_POWER_POLL_MAX_INTERVAL_MS: "200",
        AURORA_POWER_POLL_JITTER_RATIO: "0",
        AURORA_POWER_EXPECTED_STOP_SECONDS: "0.3",
        AURORA_POWER_EXPECTED_START_SECONDS: "2",
        AURORA_POWER_EXPECTED_OTHER_SECONDS: "1",
        AURORA_POWER_PROGRESS_INTERVAL_SECONDS: "10",
        AURORA_POWER_STALE_GRACE_MS: "100",
        AURORA_POWER_MAX_RACE_RETRIES: "3",
        AURORA_POWER_RACE_MAX_DELAY_MS: "400",
      }),
    ).toEqual({
      minIntervalMs: 50,
      maxIntervalMs: 200,
      jitterRatio: 0,
      expectedStopMs: 300,
      expectedStartMs: 2000,
      expectedOtherMs: 1000,
      progressIntervalMs: 10_000,
      staleGraceMs: 100,
      maxRaceRetries: 3,
      raceMaxDelayMs: 400,
      maxConsecutiveDescribeErrors: 5,
    });
  });

  it("keeps the default for a malformed or negative knob, and max never below min", () => {
    const settings = readPollerSettings({
      AURORA_POWER_POLL_MIN_INTERVAL_MS: "fast",
      AURORA_POWER_POLL_MAX_INTERVAL_MS: "10",
      AURORA_POWER_STALE_GRACE_MS: "-1",
    });
    expect(settings).toMatchObject({
      minIntervalMs: 500,
      maxIntervalMs: 500,
      staleGraceMs: 30_000,
    });
  });
});

describe("nextPollDelayMs", () => {
  const s = DEFAULT_POLLER_SETTINGS;
  it.each([
    // sinceStatusMs, expectedMs, learned, delay
    [0, 300_000, true, 30_000], // minutes left: the maximum interval
    [0, 40_000, true, 20_000], // half the remaining time
    [39_000, 40_000, true, 500], // near the expected end: the minimum
    [50_000, 40_000, true, 2_500], // overdue by 10 s: a quarter of it
    [400_000, 40_000, true, 30_000], // long overdue: capped
    [0, 300_000, false, 500], // nothing learned: start fast
    [10_000, 300_000, false, 2_000], // … a fifth of the time spent
  ])(
    "after %i ms of %i ms expected (learned %s): %i ms",
    (sinceStatusMs, expectedMs, learned, delay) => {
      expect(nextPollDelayMs({ sinceStatusMs, expectedMs, learned }, s, 0.5)).toBe(delay);
    },
  );

  it("applies ±10% jitter", () => {
    const timing = { sinceStatusMs: 0, expectedMs: 40_000, learned: true };
    expect(nextPollDelayMs(timing, s, 0)).toBe(18_000);
    expect(nextPollDelayMs(timing, s, 1)).toBe(22_000);
  });
});

describe("DurationModel", () => {
  it("starts from the configured defaults and learns a moving average within bounds", () => {
    const model = new DurationModel(DEFAULT_POLLER_SETTINGS);
    expect([
      model.expectedMs("stopping"),
      model.expectedMs("starting"),
      model.expectedMs("backing-up"),
    ]).toEqual([300_000, 600_000, 120_000]);
    model.record("stopping", 4000);
    model.record("stopping", 6000);
    expect(model.expectedMs("stopping")).toBe(5000);
    model.record("starting", 1);
    expect(model.expectedMs("starting")).toBe(100);
    expect(model.isLearned("backing-up")).toBe(false);
  });
});
