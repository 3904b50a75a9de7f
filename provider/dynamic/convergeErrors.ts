import {
  ClusterNotFoundError,
  ClusterStateError,
  ClusterTimeoutError,
  describeCluster,
} from "../errors";
import type { PowerState } from "../aurora/clusterStatus";

/** What a converge failure message names: the cluster, where, what was expected and seen. */
export interface FailureScope {
  clusterIdentifier: string;
  region: string;
  desired: PowerState;
  timeoutMinutes: number;
  /** The RDS endpoint as messages show it (see `endpointLabel`). */
  endpointLabel?: string;
  /** Last observed status; undefined when none was seen. */
  status: string | undefined;
  elapsedSeconds: number;
}

/** `timeoutMinutes` as messages show it (at most two decimals). */
export function formatMinutes(minutes: number): string {
  return String(Math.round(minutes * 100) / 100);
}

/** The structured fields every provider error carries. */
export function failureDetails(scope: FailureScope, cause?: unknown) {
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

/** `timeoutMinutes` ran out while waiting for a status. */
export function timeoutError(scope: FailureScope): ClusterTimeoutError {
  const status = scope.status ?? "unknown";
  const { clusterIdentifier, region, timeoutMinutes, desired } = scope;
  return new ClusterTimeoutError(
    `${describeCluster(clusterIdentifier, region)} is still \`${status}\` after ${formatMinutes(timeoutMinutes)} min ` +
      `(expected \`${desired}\`); raise \`timeoutMinutes\` or check the RDS console`,
    failureDetails({ ...scope, status }),
  );
}

/**
 * A StopDBCluster / StartDBCluster cut at the deadline: RDS may have received it, so the message
 * says so and the next `pulumi up` re-describes.
 */
export function unansweredCallError(
  scope: FailureScope,
  actionName: string,
  cause: unknown,
): ClusterTimeoutError {
  const status = scope.status ?? "unknown";
  const { clusterIdentifier, region, timeoutMinutes } = scope;
  const endpoint = scope.endpointLabel ?? `the RDS endpoint of ${region}`;
  return new ClusterTimeoutError(
    `${describeCluster(clusterIdentifier, region)}: ${actionName} got no answer from ${endpoint} within ${formatMinutes(timeoutMinutes)} min (last seen \`${status}\`); ` +
      "it may have been carried out: run `pulumi up` again to re-check, raise `timeoutMinutes`, or check the endpoint",
    failureDetails({ ...scope, status }, cause),
  );
}

/** The cluster is in a status no power call can leave, or keeps returning to one. */
export function stateError(scope: FailureScope, what: string): ClusterStateError {
  return new ClusterStateError(
    `${describeCluster(scope.clusterIdentifier, scope.region)} ${what}`,
    failureDetails(scope),
  );
}

/** The cluster does not exist (any more). */
export function notFoundError(scope: FailureScope): ClusterNotFoundError {
  return new ClusterNotFoundError(
    `${describeCluster(scope.clusterIdentifier, scope.region)} was not found; check \`clusterIdentifier\`, \`region\` and the account of the credentials`,
    failureDetails(scope),
  );
}
