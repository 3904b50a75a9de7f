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
 * response body that never ends) must not hold up the caller past its deadline. Node has no
 * built-in for this race (`AbortSignal.any` combines signals, not a promise with a signal; the
 * `events.once(target, name, { signal })` helpers reject on abort but wait for an event, not a
 * promise), and a dependency (e.g. `p-timeout`, ESM-only) would replace these eight lines with an
 * import; the listener is removed when the promise settles.
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
 * A signal that aborts `ms` from now in real time (`AbortSignal.timeout`, whose timer does not keep
 * the process alive). Deadlines are also enforced with the injected clock between ticks; this
 * real-time watchdog enforces them while a call is in flight, which no injected sleep can
 * interrupt. A listener added to it must be removed once the wait ends: Node keeps a timeout
 * signal that has listeners (and what they hold) until it fires.
 *
 * Not `AbortSignal.timeout(ms)` alone: it takes only whole milliseconds up to 2^32 − 1 (else
 * ERR_OUT_OF_RANGE) and, like every Node timer, fires after 1 ms when asked for more than
 * 2^31 − 1 ms (about 24.8 days; TimeoutOverflowWarning), checked on Node 22.23, while
 * `timeoutMinutes` has no upper bound. Beyond that range the injected-clock deadline alone has to do.
 */
export function deadlineSignal(ms: number): AbortSignal {
  if (!(ms <= MAX_TIMER_MS)) return new AbortController().signal;
  return AbortSignal.timeout(Math.max(0, Math.ceil(ms)));
}
