import {
  isTransientError,
  mayHaveBeenApplied,
  sdkErrorMessage,
} from "../../../provider/rds/classifyRdsError";
import { UnexpectedRdsResponseError } from "../../../provider/rds/clusterApi";

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
    // An abort is no answer of RDS; the deadline's own abort is told apart by the reconciler first.
    ["an abort", sdkError("AbortError", "Request aborted"), false, false],
    ["access denied", sdkError("AccessDenied", "no", 403), false, false],
    ["credentials", sdkError("CredentialsProviderError", "none"), false, false],
    ["not RDS", sdkError("UnexpectedRdsResponseError", "html"), false, false],
  ])("%s: transient %s, maybe applied %s", (_what, error, transient, maybeApplied) => {
    expect(isTransientError(error)).toBe(transient);
    expect(mayHaveBeenApplied(error)).toBe(maybeApplied);
  });
});

describe("isTransientError", () => {
  const networkError = (code: string) =>
    Object.assign(new Error(`connect ${code} 127.0.0.1:443`), { code });

  it.each([
    ["Throttling", sdkError("Throttling", "Rate exceeded", 400)],
    ["ThrottlingException", sdkError("ThrottlingException", "Rate exceeded", 400)],
    ["HTTP 429", sdkError("TooManyRequests", "slow down", 429)],
    ["HTTP 500", sdkError("InternalFailure", "oops", 500)],
    ["HTTP 502", sdkError("BadGateway", "bad gateway", 502)],
    ["HTTP 503", sdkError("ServiceUnavailable", "unavailable", 503)],
    ["ECONNRESET", networkError("ECONNRESET")],
    ["TimeoutError", sdkError("TimeoutError", "timed out")],
  ])("%s is transient", (_what, error) => {
    expect(isTransientError(error)).toBe(true);
  });

  it.each([
    ["an Error with no HTTP status and no network code", new Error("something broke")],
    ["a TypeError", new TypeError("Cannot read properties of undefined (reading 'Status')")],
    ["AccessDenied 403", sdkError("AccessDenied", "not authorized", 403)],
    ["InvalidParameterValue 400", sdkError("InvalidParameterValue", "bad value", 400)],
    ["UnexpectedRdsResponseError", new UnexpectedRdsResponseError()],
    [
      "CredentialsProviderError",
      sdkError("CredentialsProviderError", "Could not load credentials"),
    ],
  ])("%s is not transient", (_what, error) => {
    expect(isTransientError(error)).toBe(false);
  });
});
