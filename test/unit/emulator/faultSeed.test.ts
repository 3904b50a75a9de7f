import { DEFAULT_CONFIG } from "../../../emulator/config";
import { pickFault } from "../../../emulator/faults";
import {
  FAULT_SEED_ENV,
  mulberry32,
  parseFaultSeed,
  resolveFaultSeed,
} from "../../../emulator/faultSeed";
import { parseCliArgs } from "../../../emulator/cli";

// The reliability tests' mix: 30 % Throttling, 5 % InternalFailure.
const MIX = { ...DEFAULT_CONFIG, throttleRate: 0.3, errorRate: 0.05 };

/** The fault (or `ok`) of each of `requests` requests, drawn from a PRNG seeded with `seed`. */
function faultSequence(seed: number, requests = 200): string[] {
  const random = mulberry32(seed);
  return Array.from({ length: requests }, () => pickFault(MIX, random)?.code ?? "ok");
}

describe("seeded fault injection", () => {
  it("gives the same fault sequence for the same seed", () => {
    expect(faultSequence(1234)).toEqual(faultSequence(1234));
  });

  it("gives different fault sequences for different seeds", () => {
    expect(faultSequence(1234)).not.toEqual(faultSequence(1235));
    expect(faultSequence(0)).not.toEqual(faultSequence(0xffff_ffff));
  });

  it("draws the documented mix, not a degenerate sequence", () => {
    const codes = faultSequence(42, 10_000);
    const share = (code: string) => codes.filter((c) => c === code).length / codes.length;
    // Throttling is drawn first (30 %), InternalFailure from the rest (5 % of 70 % = 3.5 %).
    expect(share("Throttling")).toBeCloseTo(0.3, 1);
    expect(share("InternalFailure")).toBeCloseTo(0.035, 1);
  });

  it("draws numbers in [0, 1)", () => {
    const random = mulberry32(7);
    const draws = Array.from({ length: 1000 }, () => random());
    expect(draws.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(new Set(draws).size).toBe(1000);
  });
});

describe("resolveFaultSeed", () => {
  it("prefers the explicit seed, then the environment variable", () => {
    expect(resolveFaultSeed(5, { [FAULT_SEED_ENV]: "9" })).toBe(5);
    expect(resolveFaultSeed(undefined, { [FAULT_SEED_ENV]: "9" })).toBe(9);
  });

  it("picks a fresh random seed when neither is given", () => {
    const seeds = new Set(Array.from({ length: 20 }, () => resolveFaultSeed(undefined, {})));
    expect(seeds.size).toBeGreaterThan(1);
    for (const seed of seeds) expect(Number.isInteger(seed) && seed >= 0).toBe(true);
  });

  it("names the source of a bad seed", () => {
    expect(() => resolveFaultSeed(undefined, { [FAULT_SEED_ENV]: "abc" })).toThrow(
      "AURORA_POWER_FAULT_SEED must be an integer from 0 to 4294967295, got `abc`; " +
        "use the seed a previous run reported to replay its faults",
    );
    expect(() => resolveFaultSeed(-1, {})).toThrow(
      "`faultSeed` must be an integer from 0 to 4294967295, got `-1`",
    );
    expect(() => parseFaultSeed("4294967296", "`--fault-seed`")).toThrow(
      "`--fault-seed` must be an integer from 0 to 4294967295, got `4294967296`",
    );
  });

  it("is read from the CLI's --fault-seed", () => {
    expect(parseCliArgs(["--fault-seed", "77"]).options).toEqual({ faultSeed: 77 });
    expect(() => parseCliArgs(["--fault-seed", "1.5"])).toThrow(
      "`--fault-seed` must be an integer from 0 to 4294967295, got `1.5`",
    );
  });
});
