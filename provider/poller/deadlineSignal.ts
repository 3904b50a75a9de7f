// Deadlines in real time, for calls that may never answer (a silent or dripping endpoint).

/** Longest delay `setTimeout` takes; a longer one fires at once (Node.js timers documentation). */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** The abort reason of `signal` as an Error. */
export function abortError(signal: AbortSignal | undefined): Error {
  const reason: unknown = signal?.reason;
  return reason instanceof Error ? reason : new Error("the wait was aborted", { cause: reason });
}

/**
 * `promise`, or a rejection as soon as `signal` aborts: a call that ignores its abort signal (or a
 * response body that never ends) must not hold up the caller past its deadline.
 */
export function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(abortError(signal));
    if (signal.aborted) return onAbort();
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
  });
}

/**
 * A signal that aborts `ms` from now in real time, and a function that cancels it. Deadlines are
 * also enforced with the injected clock between ticks; this real-time watchdog enforces them while
 * a describe is in flight, which no injected sleep can interrupt.
 */
export function abortAfter(ms: number): { signal: AbortSignal; cancel: () => void } {
  const controller = new AbortController();
  // Beyond ~24.8 days (a huge `timeoutMinutes`) the injected-clock deadline alone has to do.
  if (!(ms <= MAX_TIMER_MS)) return { signal: controller.signal, cancel: () => undefined };
  const timer = setTimeout(
    () => controller.abort(new Error(`deadline of ${ms} ms reached`)),
    Math.max(0, ms),
  );
  // A watchdog must never be what keeps the process alive (an operation that ends without
  // `cancel`, e.g. on an unexpected throw, would otherwise pin the process for `timeoutMinutes`).
  timer.unref();
  return { signal: controller.signal, cancel: () => clearTimeout(timer) };
}
