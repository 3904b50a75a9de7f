/**
 * The provider's errors, built from ./messages with the structured fields every error carries
 * (cluster, Region, expected and last observed status, elapsed time, the SDK error as `cause`).
 */
import type { PowerAction } from "../aurora/clusterStatus";
import { mentionsBlueGreen, stopRefusals } from "../aurora/stoppability";
import {
  ClusterNotFoundError,
  ClusterPowerError,
  ClusterStateError,
  ClusterTimeoutError,
  UnsupportedClusterError,
  isProgrammingError,
} from "../errors";
import {
  isThrottling,
  isUnreachableEndpoint,
  sdkErrorMessage,
  type RdsErrorKind,
} from "../rds/classifyRdsError";
import {
  actionName,
  messages,
  type ClusterScope,
  type OperationScope,
  type RetryCommand,
} from "./messages";

/** An operation's scope with the seconds since it started. */
export type TimedScope = OperationScope & { elapsedSeconds: number };

function details(scope: TimedScope, cause?: unknown) {
  const { clusterIdentifier, region, desired, status, elapsedSeconds } = scope;
  return {
    clusterIdentifier,
    region,
    expected: desired,
    lastObservedStatus: status,
    elapsedSeconds,
    cause,
  };
}

/**
 * Any failure of an operation on one cluster as the error the user sees: the provider's own
 * errors and programming errors as they are, anything else (a describe the SDK gave up on) as a
 * {@link ClusterPowerError} that names the cluster and the way out.
 */
export function asClusterError(
  error: unknown,
  scope: ClusterScope,
  retry: RetryCommand,
  endpointLabel: string,
): Error {
  if (error instanceof ClusterPowerError || isProgrammingError(error)) return error;
  const { clusterIdentifier, region } = scope;
  const why = sdkErrorMessage(error);
  // Nothing listens there, or the host does not exist: not the credentials' fault.
  const throttling = throttlingOf(error);
  const message = throttling
    ? messages.quotaExhaustedCall(scope, sdkErrorMessage(throttling), retry)
    : isUnreachableEndpoint(error)
      ? messages.endpointUnreachable(scope, endpointLabel, why, retry)
      : messages.describeFailed(scope, why, retry);
  return new ClusterPowerError(message, { clusterIdentifier, region, cause: error });
}

/**
 * The throttling answer that ended a wait: the error itself, or the `cause` the poller gives a
 * timeout whose last describe was throttled. Throttling is the account's quota, never the
 * credentials' or the endpoint's fault.
 */
export function throttlingOf(error: unknown): Error | undefined {
  if (isThrottling(error)) return error as Error;
  const cause = error instanceof Error ? error.cause : undefined;
  return isThrottling(cause) ? (cause as Error) : undefined;
}

/** `timeoutMinutes` ran out while RDS's request quota held the operation up (throttling). */
export function quotaExhaustedError(scope: TimedScope, cause: unknown): ClusterTimeoutError {
  return new ClusterTimeoutError(messages.quotaExhausted(scope), details(scope, cause));
}

/** `timeoutMinutes` ran out while waiting for a status. */
export function timeoutError(scope: TimedScope): ClusterTimeoutError {
  return new ClusterTimeoutError(messages.timedOut(scope), details(scope));
}

/** A power call cut at the deadline: RDS may have received it. */
export function unansweredCallError(scope: TimedScope, action: PowerAction, cause: unknown) {
  return new ClusterTimeoutError(messages.unansweredCall(scope, action), details(scope, cause));
}

/** The cluster is in a status no power call can leave. */
export function terminalStatusError(scope: TimedScope, reason: string): ClusterStateError {
  return new ClusterStateError(messages.terminalStatus(scope, reason), details(scope));
}

/** The cluster keeps returning to a status after power calls. */
export function keptReturningError(scope: TimedScope, action: PowerAction, attempts: number) {
  return new ClusterStateError(messages.keptReturning(scope, action, attempts), details(scope));
}

/** The cluster does not exist (any more). */
export function notFoundError(scope: TimedScope): ClusterNotFoundError {
  return new ClusterNotFoundError(messages.notFound(scope), details(scope));
}

/** RDS refused a power call because the cluster cannot be stopped or started at all. */
export function unsupportedError(
  scope: TimedScope,
  action: PowerAction,
  why: string,
  cause: unknown,
): UnsupportedClusterError {
  // Only Blue/Green is told by RDS's words (no flag on DBCluster); the rest was decided up front.
  const [blueGreen] = stopRefusals({ blueGreenRefusal: mentionsBlueGreen(why) ? why : undefined });
  const refusal = blueGreen ?? {
    why: `RDS refused ${actionName(action)}: ${why}`,
    fix: "see which limitation applies in the RDS console",
  };
  return new UnsupportedClusterError(messages.unsupported(scope, refusal), details(scope, cause));
}

/** Any other failed power call, after retries where they apply. */
export function powerCallError(
  scope: TimedScope,
  action: PowerAction,
  kind: RdsErrorKind,
  why: string,
  cause: unknown,
): ClusterPowerError {
  const message =
    kind === "access-denied"
      ? messages.powerCallDenied(scope, action, why)
      : kind === "kms-key-inaccessible"
        ? messages.kmsKeyInaccessible(scope, action, why)
        : kind === "vpc-encryption-control"
          ? messages.vpcEncryptionControl(scope, action, why)
          : messages.powerCallFailed(scope, action, why);
  return new ClusterPowerError(message, details(scope, cause));
}
