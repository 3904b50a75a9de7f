import { AdaptiveRetryStrategy, StandardRetryStrategy } from "@smithy/core/retry";
import type { RetryErrorInfo, RetryStrategyV2, RetryToken } from "@smithy/types";
import { isThrottling, isUnreachableEndpoint } from "./classifyRdsError";

/**
 * Attempts of one call whose endpoint is not there ({@link isUnreachableEndpoint}): the first and
 * one quick retry, which covers an endpoint that was restarting; the SDK's 8 attempts with back-off
 * would only delay the failure by seconds per call.
 */
export const UNREACHABLE_MAX_ATTEMPTS = 2;

/**
 * The SDK's retry strategy (`standard` or `adaptive`) unchanged for 5xx and dropped or timed-out
 * connections, but giving up after {@link UNREACHABLE_MAX_ATTEMPTS} attempts on a refused
 * connection or an unknown host, and at once on throttling: a throttled call goes back to the
 * paced client (./pacedRdsClient), which sends it again for a token of the shared rate limiter
 * (./rdsRateLimiter), with every other call of the process, abortable at the deadline. The SDK then throws the last error, as for any
 * retry it refuses.
 *
 * @example
 * new RDSClient({ maxAttempts: 8, retryStrategy: FailFastRetryStrategy.forMode("standard", 8) });
 */
export class FailFastRetryStrategy implements RetryStrategyV2 {
  constructor(
    private readonly inner: RetryStrategyV2,
    private readonly unreachableMaxAttempts: number = UNREACHABLE_MAX_ATTEMPTS,
  ) {}

  /** Wraps the SDK's own strategy for `mode`, as the client would build it from `retryMode`. */
  static forMode(mode: "standard" | "adaptive", maxAttempts: number): FailFastRetryStrategy {
    const maxAttemptsProvider = () => Promise.resolve(maxAttempts);
    return new FailFastRetryStrategy(
      mode === "adaptive"
        ? new AdaptiveRetryStrategy(maxAttemptsProvider)
        : new StandardRetryStrategy(maxAttemptsProvider),
    );
  }

  acquireInitialRetryToken(retryTokenScope: string): Promise<RetryToken> {
    return this.inner.acquireInitialRetryToken(retryTokenScope);
  }

  refreshRetryTokenForRetry(token: RetryToken, errorInfo: RetryErrorInfo): Promise<RetryToken> {
    if (isThrottling(errorInfo.error))
      return Promise.reject(
        new Error("No retry token available: throttled, the provider paces it"),
      );
    const attempts = token.getRetryCount() + 1;
    if (isUnreachableEndpoint(errorInfo.error) && attempts >= this.unreachableMaxAttempts)
      return Promise.reject(new Error("No retry token available: the endpoint is unreachable"));
    return this.inner.refreshRetryTokenForRetry(token, errorInfo);
  }

  recordSuccess(token: RetryToken): void {
    this.inner.recordSuccess(token);
  }
}
