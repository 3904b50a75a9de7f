import type { Retrier } from "./aslTypes";
import { RDS_EXCEPTION, SDK_CLIENT_EXCEPTION } from "./sdkErrorNames";

/**
 * The `Retry` of every RDS task. Throttling (`Rate exceeded`, RDS User Guide "Request throttling
 * for the Amazon RDS API"), 5xx and network errors are retried in place with full jitter
 * ("Handling errors in Step Functions workflows": `JitterStrategy: FULL` waits a random time up to
 * the interval, which grows by `BackoffRate` and is capped by `MaxDelaySeconds`).
 *
 * The cap is the poll interval: a throttled describe or stop then never waits longer than the
 * workflow would between two describes anyway, so throttling delays a stop by at most about one
 * poll per throttled call instead of up to a minute (the previous cap). With the first interval
 * of 1 s and eight attempts a call gives up after at most 1 + 2 + 4 + 8 + 16 + 3 × cap seconds.
 */
export function transientRetry(maxDelaySeconds: number): Retrier {
  return {
    ErrorEquals: [RDS_EXCEPTION, SDK_CLIENT_EXCEPTION],
    IntervalSeconds: 1,
    MaxAttempts: 8,
    BackoffRate: 2,
    MaxDelaySeconds: Math.max(1, Math.round(maxDelaySeconds)),
    JitterStrategy: "FULL",
  };
}
