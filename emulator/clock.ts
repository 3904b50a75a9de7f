import type { Clock } from "./types";

/** The real wall clock. */
export const systemClock: Clock = { now: () => Date.now() };

/**
 * A clock that only moves when told to, for unit tests of timed transitions.
 *
 * @example
 * const clock = new ManualClock(Date.parse("2026-01-01T00:00:00Z"));
 * clock.advanceSeconds(5);
 */
export class ManualClock implements Clock {
  constructor(private currentMs = 0) {}
  /** Current time in epoch milliseconds. */
  now(): number {
    return this.currentMs;
  }
  /** Moves time forward by `seconds`. */
  advanceSeconds(seconds: number): void {
    this.currentMs += seconds * 1000;
  }
}
