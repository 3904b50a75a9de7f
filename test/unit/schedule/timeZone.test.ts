import { MAX_CACHED_TIME_ZONES, isValidTimeZone } from "../../../provider/schedule/timeZone";

afterEach(() => {
  jest.restoreAllMocks();
});

describe("isValidTimeZone", () => {
  it.each([
    ["Europe/Berlin", true],
    ["UTC", true],
    ["europe/berlin", false],
    ["CEST", false],
    ["+01:00", false],
    ["Mars/Olympus_Mons", false],
  ])("answers %s -> %s", (timeZone, expected) => {
    expect(isValidTimeZone(timeZone)).toBe(expected);
  });

  it("asks Intl once per name, remembering valid and invalid answers", () => {
    const format = jest.spyOn(Intl, "DateTimeFormat");
    const answers = [1, 2, 3].flatMap(() => [
      isValidTimeZone("America/New_York"),
      isValidTimeZone("Moon/Tranquility_Base"),
    ]);
    expect(answers).toEqual([true, false, true, false, true, false]);
    expect(format).toHaveBeenCalledTimes(2);
  });

  it(`keeps at most ${MAX_CACHED_TIME_ZONES} answers, forgetting the oldest first`, () => {
    const names = Array.from({ length: MAX_CACHED_TIME_ZONES + 1 }, (_, i) => `Nowhere/Zone_${i}`);
    for (const name of names) expect(isValidTimeZone(name)).toBe(false);
    const format = jest.spyOn(Intl, "DateTimeFormat");
    // The newest answer is still known; the first one was evicted and is asked again.
    expect(isValidTimeZone(`Nowhere/Zone_${MAX_CACHED_TIME_ZONES}`)).toBe(false);
    expect(format).toHaveBeenCalledTimes(0);
    expect(isValidTimeZone("Nowhere/Zone_0")).toBe(false);
    expect(format).toHaveBeenCalledTimes(1);
  });
});
