/* Time for the poller: injectable so that tests run its schedule on a fake clock. */

/** Source of the current time in epoch milliseconds. */
export interface Clock {
  now(): number;
}

/** Waits `ms`; must resolve early when `signal` aborts. */
export type Sleep = (ms: number, signal: AbortSignal) => Promise<void>;

/** The real clock. */
export const systemClock: Clock = { now: () => Date.now() };

/** A `setTimeout` sleep that ends early on abort. */
export const timerSleep: Sleep = (ms, signal) =>
  new Promise<void>((resolve) => {
    const finish = (): void => {
      clearTimeout(timer);
      signal.removeEventListener("abort", finish);
      resolve();
    };
    const timer = setTimeout(finish, ms);
    signal.addEventListener("abort", finish, { once: true });
  });
