import {
  AdaptiveRate,
  CEILING_RECOVERY_MS,
  RECOVERY_MS,
  SETTLE_MS,
} from "../../../../provider/rds/adaptiveRate";

describe("AdaptiveRate", () => {
  it("is the configured rate and ceiling until RDS throttles", () => {
    const rate = new AdaptiveRate(10);
    expect(rate.rateAt(0)).toBe(10);
    expect(rate.rateAt(3_600_000)).toBe(10);
    expect(rate.ceilingAt(0)).toBe(10);
  });

  it("halves the rate on a throttle and learns a ceiling of three quarters of it", () => {
    const rate = new AdaptiveRate(10);
    expect(rate.cut(5_000, 4_900)).toBe(true);
    expect(rate.rateAt(5_000)).toBe(5);
    expect(rate.ceilingAt(5_000)).toBe(7.5);
  });

  it("climbs back linearly to the learned ceiling in 60 s, then with the ceiling to the configured rate in 10 min", () => {
    const rate = new AdaptiveRate(10);
    rate.cut(0, 0);
    // The ceiling climbs 2.5/s over 600 s: +0.25 at 60 s; the rate climbs from 5 towards it.
    expect(rate.ceilingAt(RECOVERY_MS)).toBeCloseTo(7.75, 10);
    expect(rate.rateAt(RECOVERY_MS / 2)).toBeCloseTo(6.25, 10);
    expect(rate.rateAt(RECOVERY_MS)).toBeCloseTo(7.5, 10);
    expect(rate.rateAt(2 * RECOVERY_MS)).toBeCloseTo(8, 10);
    expect(rate.rateAt(CEILING_RECOVERY_MS / 2)).toBeCloseTo(8.75, 10);
    expect(rate.rateAt(CEILING_RECOVERY_MS)).toBe(10);
    expect(rate.rateAt(CEILING_RECOVERY_MS + 1)).toBe(10);
  });

  it("treats answers to requests granted before the last cut settled as that cut's signal", () => {
    const rate = new AdaptiveRate(10);
    expect(rate.cut(1_000, 900)).toBe(true);
    expect(rate.cut(1_400, 950)).toBe(false); // in flight at the cut
    expect(rate.cut(2_500, 1_000 + SETTLE_MS - 1)).toBe(false); // left while RDS's bucket refilled
    expect(rate.rateAt(2_500)).toBeCloseTo(5 + (2.5 * 1_500) / RECOVERY_MS, 10);
    expect(rate.cut(2_500, 1_000 + SETTLE_MS)).toBe(true);
  });

  it("a throttle while climbing back halves the rate but lowers the ceiling by a quarter at most", () => {
    const rate = new AdaptiveRate(10);
    rate.cut(0, 0); // rate 5, ceiling 7.5
    rate.cut(12_000, 12_000); // rate 5.5 (5 + 2.5 × 12/60), ceiling 7.55 (7.5 + 2.5 × 12/600)
    expect(rate.rateAt(12_000)).toBeCloseTo(2.75, 10);
    expect(rate.ceilingAt(12_000)).toBeCloseTo(0.75 * 7.55, 10);
  });

  it("a throttle at the steady learned ceiling learns three quarters of that rate", () => {
    const rate = new AdaptiveRate(10);
    rate.cut(0, 0);
    const at = 2 * RECOVERY_MS; // the rate caught up with the climbing ceiling: both 8
    expect(rate.rateAt(at)).toBeCloseTo(rate.ceilingAt(at), 10);
    rate.cut(at, at);
    expect(rate.rateAt(at)).toBeCloseTo(4, 10);
    expect(rate.ceilingAt(at)).toBeCloseTo(6, 10);
  });

  it("never cuts below an eighth of the configured rate, nor learns a ceiling under the rate", () => {
    const rate = new AdaptiveRate(8);
    for (let i = 0; i < 10; i++) rate.cut(i * 2_000, i * 2_000);
    expect(rate.rateAt(18_000)).toBe(1);
    expect(rate.ceilingAt(18_000)).toBeGreaterThanOrEqual(1);
    expect(rate.ceilingAt(18_000)).toBeCloseTo(Math.max(1, 8 * 0.75 ** 10), 1);
  });
});
