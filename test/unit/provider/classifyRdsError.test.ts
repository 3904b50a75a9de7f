import {
  isTransientError,
  mayHaveBeenApplied,
  sdkErrorMessage,
} from "../../../provider/rds/classifyRdsError";

function sdkError(name: string, message: string, httpStatusCode?: number): Error {
  return Object.assign(new Error(message), {
    name,
    $metadata: httpStatusCode === undefined ? {} : { httpStatusCode },
  });
}

describe("sdkErrorMessage", () => {
  it("B5 regression: collapses control and format characters and cuts endpoint text to 300", () => {
    const forged = sdkError(
      "Evil<script>",
      "line1\nline2 <b>\"';--\r\n\u202eINFO forged\u2028x",
      400,
    );
    expect(sdkErrorMessage(forged)).toBe("line1 line2 <b>\"';-- INFO forged x");
    expect(sdkErrorMessage(sdkError("Evil\u0007Code", "", 400))).toBe("Evil Code");
    expect(sdkErrorMessage(sdkError("Huge", "x".repeat(100_000), 400))).toBe(`${"x".repeat(300)}…`);
  });

  it("leaves an ordinary message as it is", () => {
    expect(sdkErrorMessage(sdkError("Throttling", "Rate exceeded", 400))).toBe("Rate exceeded");
  });
});

describe("transient errors and power calls that may have been applied", () => {
  it.each([
    ["throttling", sdkError("Throttling", "Rate exceeded", 400), true, false],
    ["a 5xx", sdkError("InternalFailure", "oops", 500), true, true],
    ["no answer", sdkError("TimeoutError", "timed out"), true, true],
    ["an abort at the deadline", sdkError("AbortError", "Request aborted"), true, true],
    ["access denied", sdkError("AccessDenied", "no", 403), false, false],
    ["credentials", sdkError("CredentialsProviderError", "none"), false, false],
    ["not RDS", sdkError("UnexpectedRdsResponseError", "html"), false, false],
  ])("%s: transient %s, maybe applied %s", (_what, error, transient, maybeApplied) => {
    expect(isTransientError(error)).toBe(transient);
    expect(mayHaveBeenApplied(error)).toBe(maybeApplied);
  });
});
