import type { Retrier } from "./aslTypes";
import { RDS_EXCEPTION, SDK_CLIENT_EXCEPTION } from "./sdkErrorNames";

/**
 * The `Retry` of every RDS task. Throttling (`Rate exceeded`, RDS User Guide "Request throttling
 * for the Amazon RDS API"), 5xx and network errors are retried in place with full jitter
 * ("Handling errors in Step Functions workflows").
 */
export const TRANSIENT_RETRY: Retrier = {
  ErrorEquals: [RDS_EXCEPTION, SDK_CLIENT_EXCEPTION],
  IntervalSeconds: 2,
  MaxAttempts: 8,
  BackoffRate: 2,
  MaxDelaySeconds: 60,
  JitterStrategy: "FULL",
};
