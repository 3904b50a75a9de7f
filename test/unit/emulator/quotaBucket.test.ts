import { QuotaBucket } from "../../../emulator/quotaBucket";
import { DEFAULT_CONFIG, mergeConfig } from "../../../emulator/config";
import { parseCliArgs } from "../../../emulator/cli";

const RDS_QUOTA = { quotaBurst: 300, quotaRatePerSecond: 12 };

function takeMany(bucket: QuotaBucket, nowMs: number, count: number, quota = RDS_QUOTA): number {
  let served = 0;
  for (let i = 0; i < count; i += 1) if (bucket.take(nowMs, quota)) served += 1;
  return served;
}

describe("quota mode: RDS's token bucket (300 burst, 12/s)", () => {
  it("defaults to RDS's documented numbers, off", () => {
    expect([DEFAULT_CONFIG.quotaMode, DEFAULT_CONFIG.quotaBurst]).toEqual([false, 300]);
    expect(DEFAULT_CONFIG.quotaRatePerSecond).toBe(12);
  });

  it("serves a burst of 300 at once and refuses the 301st", () => {
    const bucket = new QuotaBucket();
    expect(takeMany(bucket, 0, 301)).toBe(300);
    expect(bucket.take(0, RDS_QUOTA)).toBe(false);
  });

  it("refills 12 tokens per second, never above the burst", () => {
    const bucket = new QuotaBucket();
    takeMany(bucket, 0, 300);
    expect(takeMany(bucket, 1000, 20)).toBe(12);
    expect(takeMany(bucket, 1250, 5)).toBe(3);
    expect(takeMany(bucket, 3_600_000, 400)).toBe(300);
  });

  it("serves T seconds of steady load at 12/s after the burst", () => {
    const bucket = new QuotaBucket();
    let served = 0;
    // 100 requests per second for 10 s: 300 + 12 × 10 get through (within one token).
    for (let ms = 0; ms < 10_000; ms += 10) if (bucket.take(ms, RDS_QUOTA)) served += 1;
    expect(served).toBeGreaterThanOrEqual(419);
    expect(served).toBeLessThanOrEqual(420);
  });

  it("starts full again when the quota changes", () => {
    const bucket = new QuotaBucket();
    takeMany(bucket, 0, 300);
    expect(takeMany(bucket, 0, 10, { quotaBurst: 5, quotaRatePerSecond: 1 })).toBe(5);
  });

  it("a rate of 0 never refills", () => {
    const bucket = new QuotaBucket();
    const quota = { quotaBurst: 2, quotaRatePerSecond: 0 };
    expect(takeMany(bucket, 0, 3, quota)).toBe(2);
    expect(takeMany(bucket, 1e9, 1, quota)).toBe(0);
  });
});

describe("quota settings are validated like every other setting", () => {
  it.each([
    ["quotaMode", 1, "`quotaMode` must be true or false, got 1."],
    ["quotaMode", "yes", '`quotaMode` must be true or false, got "yes".'],
    ["quotaBurst", 0, "`quotaBurst` must be an integer from 1 to 1000000 (requests), got 0."],
    ["quotaBurst", 2.5, "`quotaBurst` must be an integer from 1 to 1000000 (requests), got 2.5."],
    [
      "quotaRatePerSecond",
      -1,
      "`quotaRatePerSecond` must be a number from 0 to 1000000 (requests per second), got -1.",
    ],
  ])("%s = %p is refused", (key, value, message) => {
    expect(() => mergeConfig(DEFAULT_CONFIG, { [key]: value })).toThrow(message);
  });

  it("accepts a valid quota", () => {
    const patch = { quotaMode: true, quotaBurst: 10, quotaRatePerSecond: 0.5 };
    expect(mergeConfig(DEFAULT_CONFIG, patch)).toMatchObject(patch);
  });

  it("has CLI flags", () => {
    const args = ["--quota", "--quota-burst", "50", "--quota-rate-per-second", "2.5"];
    expect(parseCliArgs(args).options).toEqual({
      quotaMode: true,
      quotaBurst: 50,
      quotaRatePerSecond: 2.5,
    });
    expect(() => parseCliArgs(["--quota-burst", "0"])).toThrow(
      "`--quota-burst` must be an integer from 1 to 1000000 (requests), got `0`",
    );
  });
});
