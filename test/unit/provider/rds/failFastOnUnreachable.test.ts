import type { RetryErrorInfo, RetryStrategyV2, RetryToken, SdkError } from "@smithy/types";
import {
  isTransientError,
  isUnreachableEndpoint,
  mayHaveBeenApplied,
} from "../../../../provider/rds/classifyRdsError";
import {
  FailFastRetryStrategy,
  UNREACHABLE_MAX_ATTEMPTS,
} from "../../../../provider/rds/failFastRetryStrategy";

/** A Node socket error as `net` raises it, with its `code`. */
function socketError(code: string): Error {
  return Object.assign(new Error(`connect ${code} 127.0.0.1:4566`), { code, $metadata: {} });
}

describe("issue 19: a refused connection is not transient", () => {
  it.each(["ECONNREFUSED", "ENOTFOUND"])("%s is unreachable, never transient", (code) => {
    const error = socketError(code);
    expect(isUnreachableEndpoint(error)).toBe(true);
    expect(isTransientError(error)).toBe(false);
    // The request never reached anything: it cannot have been carried out.
    expect(mayHaveBeenApplied(error)).toBe(false);
  });

  it.each(["ECONNRESET", "ETIMEDOUT", "EHOSTUNREACH", "ENETUNREACH", "EAI_AGAIN", "EPIPE"])(
    "%s stays transient (a path that may come back)",
    (code) => {
      expect(isUnreachableEndpoint(socketError(code))).toBe(false);
      expect(isTransientError(socketError(code))).toBe(true);
    },
  );

  it("judges Node's AggregateError (every address tried) by all of its errors", () => {
    const refused = [socketError("ECONNREFUSED"), socketError("ECONNREFUSED")];
    const allRefused = Object.assign(new AggregateError(refused), { code: "ECONNREFUSED" });
    expect(isUnreachableEndpoint(allRefused)).toBe(true);
    const mixed = [socketError("ECONNREFUSED"), socketError("ETIMEDOUT")];
    const oneTimedOut = Object.assign(new AggregateError(mixed), { code: "ECONNREFUSED" });
    expect(isUnreachableEndpoint(oneTimedOut)).toBe(false);
  });

  it("is false for anything without a socket code", () => {
    for (const value of [undefined, null, "ECONNREFUSED", new Error("connect ECONNREFUSED")])
      expect(isUnreachableEndpoint(value)).toBe(false);
  });
});

/** A token after `retries` retries. */
const tokenAfter = (retries: number): RetryToken => ({
  getRetryCount: () => retries,
  getRetryDelay: () => 0,
});

/** The inner strategy's answers and every call it received. */
function fakeInner() {
  const refreshed: RetryErrorInfo[] = [];
  const inner: RetryStrategyV2 = {
    acquireInitialRetryToken: () => Promise.resolve(tokenAfter(0)),
    refreshRetryTokenForRetry: (token, info) => {
      refreshed.push(info);
      return Promise.resolve(tokenAfter(token.getRetryCount() + 1));
    },
    recordSuccess: () => undefined,
  };
  return { inner, refreshed };
}

const info = (error: Error): RetryErrorInfo => ({
  error: error as SdkError,
  errorType: "TRANSIENT",
});

describe("FailFastRetryStrategy", () => {
  it("retries a refused connection once, then gives up without asking the SDK's strategy", async () => {
    expect(UNREACHABLE_MAX_ATTEMPTS).toBe(2);
    const { inner, refreshed } = fakeInner();
    const strategy = new FailFastRetryStrategy(inner);
    const refused = info(socketError("ECONNREFUSED"));
    expect((await strategy.refreshRetryTokenForRetry(tokenAfter(0), refused)).getRetryCount()).toBe(
      1,
    );
    await expect(strategy.refreshRetryTokenForRetry(tokenAfter(1), refused)).rejects.toThrow(
      "No retry token available: the endpoint is unreachable",
    );
    expect(refreshed).toEqual([refused]);
  });

  it("leaves every other error to the SDK's strategy, however many retries", async () => {
    const { inner, refreshed } = fakeInner();
    const strategy = new FailFastRetryStrategy(inner);
    const reset = info(socketError("ECONNRESET"));
    const throttled: RetryErrorInfo = { errorType: "THROTTLING" };
    await strategy.refreshRetryTokenForRetry(tokenAfter(6), reset);
    await strategy.refreshRetryTokenForRetry(tokenAfter(6), throttled);
    expect(refreshed).toEqual([reset, throttled]);
  });

  it("builds the SDK's standard and adaptive strategies", async () => {
    for (const mode of ["standard", "adaptive"] as const) {
      const strategy = FailFastRetryStrategy.forMode(mode, 8);
      const token = await strategy.acquireInitialRetryToken("");
      expect(token.getRetryCount()).toBe(0);
      strategy.recordSuccess(token);
    }
  });
});
