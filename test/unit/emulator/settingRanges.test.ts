import { DEFAULT_CONFIG, mergeConfig } from "../../../emulator/config";
import { parseCliArgs } from "../../../emulator/cli";
import { MAX_TIMER_MS, SETTING_RANGES } from "../../../emulator/settingRanges";
import type { EmulatorConfig } from "../../../emulator/types";

const SECONDS_RANGE = "a number from 0 to 2147483.647 (seconds)";
const SECONDS_KEYS = [
  ["createSeconds", "--create-seconds"],
  ["stopSeconds", "--stop-seconds"],
  ["startSeconds", "--start-seconds"],
  ["backingUpSeconds", "--backing-up-seconds"],
  ["instanceSettleSeconds", "--instance-settle-seconds"],
  ["autoRestartSeconds", "--auto-restart-seconds"],
  ["staleReadSeconds", "--stale-read-seconds"],
] as const;

describe("issue 19: the emulator refuses out-of-range settings", () => {
  it("has a range for every setting, and the defaults are inside them", () => {
    expect(Object.keys(SETTING_RANGES).sort()).toEqual(Object.keys(DEFAULT_CONFIG).sort());
    expect(() => mergeConfig(DEFAULT_CONFIG, { ...DEFAULT_CONFIG })).not.toThrow();
  });

  it("latencyMs: Node's timer range, both ends included", () => {
    expect(MAX_TIMER_MS).toBe(2_147_483_647);
    expect(mergeConfig(DEFAULT_CONFIG, { latencyMs: MAX_TIMER_MS }).latencyMs).toBe(MAX_TIMER_MS);
    expect(() => mergeConfig(DEFAULT_CONFIG, { latencyMs: 2 ** 31 })).toThrow(
      "`latencyMs` must be a number from 0 to 2147483647 (milliseconds), got 2147483648.",
    );
  });

  it.each([
    ["throttleRate", 1.5, "`throttleRate` must be a number from 0 to 1 (a probability), got 1.5."],
    ["errorRate", -0.1, "`errorRate` must be a number from 0 to 1 (a probability), got -0.1."],
    [
      "latencyMs",
      "10",
      '`latencyMs` must be a number from 0 to 2147483647 (milliseconds), got "10".',
    ],
    [
      "latencyMs",
      null,
      "`latencyMs` must be a number from 0 to 2147483647 (milliseconds), got null.",
    ],
    ["stopSeconds", Infinity, `\`stopSeconds\` must be ${SECONDS_RANGE}, got Infinity.`],
  ])("%s = %p is refused", (key, value, message) => {
    expect(() => mergeConfig(DEFAULT_CONFIG, { [key]: value })).toThrow(message);
  });

  it.each(SECONDS_KEYS)("%s: 0 to 2^31-1 ms in seconds", (key: keyof EmulatorConfig, flag) => {
    expect(mergeConfig(DEFAULT_CONFIG, { [key]: 2_147_483.647 })[key]).toBe(2_147_483.647);
    expect(() => mergeConfig(DEFAULT_CONFIG, { [key]: 2_147_484 })).toThrow(
      `\`${key}\` must be ${SECONDS_RANGE}, got 2147484.`,
    );
    expect(() => parseCliArgs([flag, "1e9"])).toThrow(
      `\`${flag}\` must be ${SECONDS_RANGE}, got \`1e9\``,
    );
  });

  it("the CLI names the flag and the text it was given", () => {
    expect(() => parseCliArgs(["--latency-ms", "2147483648"])).toThrow(
      "`--latency-ms` must be a number from 0 to 2147483647 (milliseconds), got `2147483648`",
    );
    expect(() => parseCliArgs(["--throttle-rate", "2"])).toThrow(
      "`--throttle-rate` must be a number from 0 to 1 (a probability), got `2`",
    );
    expect(() => parseCliArgs(["--port", "65536"])).toThrow(
      "`--port` must be an integer from 0 to 65535 (a TCP port), got `65536`",
    );
    expect(() => parseCliArgs(["--port", "80.5"])).toThrow(
      "`--port` must be an integer from 0 to 65535 (a TCP port), got `80.5`",
    );
    expect(parseCliArgs(["--latency-ms", "2147483647"]).options).toEqual({
      latencyMs: 2_147_483_647,
    });
  });

  it("a refused patch changes nothing", () => {
    const base = { ...DEFAULT_CONFIG };
    expect(() => mergeConfig(base, { stopSeconds: 1, latencyMs: -5 })).toThrow(/latencyMs/);
    expect(base).toEqual(DEFAULT_CONFIG);
  });
});
