/**
 * The real-time deadline of a wait or call (`deadlineSignal`): `AbortSignal.timeout` within Node's
 * timer range, never aborting beyond it, where `AbortSignal.timeout` alone would abort at once or
 * throw (why the wrapper exists; see provider/poller/deadlineSignal.ts).
 */
import { abortError, deadlineSignal, untilAborted } from "../../../provider/poller/deadlineSignal";
import { timerSleep } from "../../../provider/poller/clock";

const MAX_TIMER_MS = 2 ** 31 - 1;
const aborted = (signal: AbortSignal) =>
  new Promise<unknown>((resolve) => signal.addEventListener("abort", () => resolve(signal.reason)));

describe("deadlineSignal", () => {
  it("aborts after the delay with a TimeoutError, also for a fractional or negative delay", async () => {
    for (const ms of [5, 2.5, -10]) {
      // A DOMException (an Error in Node's realm; jest's realm has its own Error class).
      expect(await aborted(deadlineSignal(ms))).toMatchObject({ name: "TimeoutError" });
    }
  });

  it("never aborts beyond Node's timer range (a `timeoutMinutes` over 24.8 days), nor for NaN", async () => {
    const signals = [MAX_TIMER_MS + 1, 2 ** 32, Number.POSITIVE_INFINITY, Number.NaN].map(
      deadlineSignal,
    );
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(signals.map((s) => s.aborted)).toEqual([false, false, false, false]);
  });

  it("is needed: AbortSignal.timeout alone aborts at once beyond 2^31 - 1 ms and throws at 2^32", async () => {
    const warn = jest.spyOn(process, "emitWarning").mockImplementation(() => undefined);
    try {
      const early = AbortSignal.timeout(MAX_TIMER_MS + 1);
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(early.aborted).toBe(true);
      expect(() => AbortSignal.timeout(2 ** 32)).toThrow('The value of "delay" is out of range');
      expect(() => AbortSignal.timeout(2.5)).toThrow('The value of "delay" is out of range');
    } finally {
      warn.mockRestore();
    }
  });
});

describe("untilAborted", () => {
  it("settles with the promise when it settles first, and removes its listener", async () => {
    const controller = new AbortController();
    const remove = jest.spyOn(controller.signal, "removeEventListener");
    await expect(untilAborted(Promise.resolve(7), controller.signal)).resolves.toBe(7);
    expect(remove).toHaveBeenCalledWith("abort", expect.any(Function));
  });

  it("rejects with the abort reason when the signal aborts first, however long the promise takes", async () => {
    const never = new Promise<never>(() => undefined);
    const reason = new Error("deadline");
    const controller = new AbortController();
    const waiting = untilAborted(never, controller.signal);
    controller.abort(reason);
    await expect(waiting).rejects.toBe(reason);
  });

  it("wraps a reason that is not an Error", () => {
    const controller = new AbortController();
    controller.abort("stop");
    expect(abortError(controller.signal)).toMatchObject({
      message: "the wait was aborted",
      cause: "stop",
    });
  });
});

describe("timerSleep", () => {
  it("waits the delay, and wakes early when its signal aborts, also one aborted before", async () => {
    const started = Date.now();
    await timerSleep(30, new AbortController().signal);
    expect(Date.now() - started).toBeGreaterThanOrEqual(25);

    const controller = new AbortController();
    const early = Date.now();
    const sleeping = timerSleep(60_000, controller.signal);
    controller.abort();
    await sleeping;
    await timerSleep(60_000, controller.signal);
    expect(Date.now() - early).toBeLessThan(1_000);
  });
});
