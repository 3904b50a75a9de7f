import type { PowerAction } from "../aurora/clusterStatus";
import { mentionsBlueGreen } from "../aurora/stoppability";
import {
  classifyRdsError,
  isThrottling,
  isTransientError,
  mayHaveBeenApplied,
  sdkErrorMessage,
} from "../rds/classifyRdsError";
import { powerCallError, unsupportedError, type TimedScope } from "./clusterErrors";
import { isProgrammingError } from "../errors";

/** What to do after StopDBCluster / StartDBCluster failed. */
export type RefusalStep =
  /** The cluster is gone: observe that (the plan decides whether gone is done). */
  | { kind: "gone" }
  /**
   * A state race or a transient failure: describe again after a back-off and re-plan. `throttled`:
   * RDS's request quota refused it; that attempt does not count against `maxRaceRetries`.
   */
  | { kind: "replan"; maybeApplied: boolean; throttled?: boolean }
  | { kind: "fail"; error: Error };

/**
 * Judges a failed power call, purely. State races (`InvalidDBClusterStateFault`, instances still
 * settling: `InvalidDBInstanceStateFault`) and transient failures (5xx, no answer, as long as
 * `retriesLeft`; throttling always) are re-planned; a cluster RDS cannot stop at all, a refusal, or a bug of
 * this package's own (a `TypeError`, kept as it is, with its stack) fails at once.
 */
export function judgeRefusal(
  error: unknown,
  action: PowerAction,
  scope: TimedScope,
  retriesLeft: boolean,
): RefusalStep {
  const kind = classifyRdsError(error);
  if (kind === "not-found") return { kind: "gone" };
  const why = sdkErrorMessage(error);
  if (kind === "not-eligible" || (kind === "invalid-state" && mentionsBlueGreen(why)))
    return { kind: "fail", error: unsupportedError(scope, action, why, error) };
  if (kind === "invalid-state") return { kind: "replan", maybeApplied: false };
  // The account's request quota, not this cluster: a throttled call was refused before any work,
  // and it only slows the operation down, bounded by `timeoutMinutes` alone.
  if (isThrottling(error)) return { kind: "replan", maybeApplied: false, throttled: true };
  // Throttling or a 5xx still failing after the SDK's retries, or no answer at all: a call
  // without a clear refusal may have been carried out.
  if (isTransientError(error) && retriesLeft)
    return { kind: "replan", maybeApplied: mayHaveBeenApplied(error) };
  if (isProgrammingError(error)) return { kind: "fail", error };
  return { kind: "fail", error: powerCallError(scope, action, kind, why, error) };
}
