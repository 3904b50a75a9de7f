/* Time for the poller: injectable so that tests run its schedule on a fake clock. */
import { setTimeout as sleep } from "node:timers/promises";

/** Source of the current time in epoch milliseconds. */
export interface Clock {
  now(): number;
}

/** Waits `ms`; must resolve early when `signal` aborts. */
export type Sleep = (ms: number, signal: AbortSignal) => Promise<void>;

/** The real clock. */
export const systemClock: Clock = { now: () => Date.now() };

/**
 * A real sleep that ends early on abort: `node:timers/promises` `setTimeout`, whose rejection on
 * abort (an `AbortError`, also at once for a signal aborted before the call) means "wake up" here.
 */
export const timerSleep: Sleep = (ms, signal) =>
  sleep(ms, undefined, { signal }).catch((error: unknown) => {
    // By name, not `instanceof`: Node's errors come from its own realm (a jest vm has another).
    if ((error as { name?: unknown } | undefined)?.name !== "AbortError") throw error;
  });
