/**
 * Fakes only `Date` for the tests of the calling file, frozen at `now` (jest's modern fake timers
 * with every timer API left real): Pulumi's mocked runtime settles its outputs through real
 * timers and microtasks, while schedule code computing "the next run" reads the faked clock.
 */
export function fakeDateOnly(now: Date): void {
  beforeAll(() => {
    jest.useFakeTimers({
      now,
      doNotFake: [
        "hrtime",
        "nextTick",
        "performance",
        "queueMicrotask",
        "requestAnimationFrame",
        "cancelAnimationFrame",
        "requestIdleCallback",
        "cancelIdleCallback",
        "setImmediate",
        "clearImmediate",
        "setInterval",
        "clearInterval",
        "setTimeout",
        "clearTimeout",
      ],
    });
  });
  afterAll(() => jest.useRealTimers());
}
