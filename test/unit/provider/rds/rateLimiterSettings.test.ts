import {
  RateLimiterSettingsError,
  readRateLimiterSettings,
} from "../../../../provider/rds/rateLimiterSettings";

describe("readRateLimiterSettings", () => {
  it("takes at most 11 requests a second and 270 at once of RDS's 12 and 300 by default", () => {
    expect(readRateLimiterSettings({})).toEqual({ ratePerSecond: 11, burst: 270 });
  });

  it("reads AURORA_POWER_RDS_RATE and AURORA_POWER_RDS_BURST", () => {
    const env = { AURORA_POWER_RDS_RATE: "2.5", AURORA_POWER_RDS_BURST: "40" };
    expect(readRateLimiterSettings(env)).toEqual({ ratePerSecond: 2.5, burst: 40 });
  });

  it.each([
    ["AURORA_POWER_RDS_RATE", "abc", "a number of requests a second above 0 and at most 1000"],
    ["AURORA_POWER_RDS_RATE", "0", "a number of requests a second above 0 and at most 1000"],
    ["AURORA_POWER_RDS_BURST", "1.5", "a whole number of requests above 0 and at most 10000"],
    ["AURORA_POWER_RDS_BURST", "-3", "a whole number of requests above 0 and at most 10000"],
  ])("refuses %s=%s, naming it and the range", (name, value, what) => {
    const read = () => readRateLimiterSettings({ [name]: value });
    expect(read).toThrow(RateLimiterSettingsError);
    expect(read).toThrow(
      `\`${name}\` must be ${what}, got ${JSON.stringify(value)}; RDS allows 12 requests a second and 300 at once per account and Region by default, the provider takes at most 11 and 270 unless told otherwise`,
    );
  });
});
