import { randomInt } from "node:crypto";

/** The environment variable that fixes the fault-injection seed, so a failed run can be replayed. */
export const FAULT_SEED_ENV = "AURORA_POWER_FAULT_SEED";

/** Largest seed: seeds are unsigned 32-bit integers (the state of {@link mulberry32}). */
export const MAX_FAULT_SEED = 0xffff_ffff;

/**
 * mulberry32: a 32-bit seeded PRNG returning numbers in [0, 1). Small, fast and well
 * distributed for test fault injection (not for cryptography). The same seed always gives the
 * same sequence, so a run's faults can be replayed from its seed.
 */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** True when `value` is a usable seed: an integer from 0 to {@link MAX_FAULT_SEED}. */
export function isFaultSeed(value: unknown): value is number {
  return Number.isInteger(value) && (value as number) >= 0 && (value as number) <= MAX_FAULT_SEED;
}

/**
 * Parses a seed given as text (a CLI flag or {@link FAULT_SEED_ENV}); `source` names it in the
 * error, e.g. "`--fault-seed`".
 */
export function parseFaultSeed(raw: string, source: string): number {
  const value = Number(raw);
  if (raw.trim() === "" || !isFaultSeed(value)) {
    throw new Error(
      `${source} must be an integer from 0 to ${MAX_FAULT_SEED}, got \`${raw}\`; ` +
        "use the seed a previous run reported to replay its faults",
    );
  }
  return value;
}

/**
 * The fault seed to use: `explicit` if given, else {@link FAULT_SEED_ENV} from `env`, else a
 * fresh random one (which the caller reports, so the run can be replayed).
 */
export function resolveFaultSeed(
  explicit: number | undefined,
  env: NodeJS.ProcessEnv = process.env,
): number {
  if (explicit !== undefined) {
    if (!isFaultSeed(explicit)) return parseFaultSeed(String(explicit), "`faultSeed`");
    return explicit;
  }
  const fromEnv = env[FAULT_SEED_ENV];
  if (fromEnv !== undefined && fromEnv !== "") return parseFaultSeed(fromEnv, FAULT_SEED_ENV);
  return randomInt(0, MAX_FAULT_SEED);
}
