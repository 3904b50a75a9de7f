/** What every aurora-power error knows about the cluster it concerns. */
export interface ClusterErrorDetails {
  clusterIdentifier: string;
  region: string;
  /** The status or power state the provider was driving the cluster to, when there was one. */
  expected?: string;
  /** The RDS status last seen, when the cluster was seen at all. */
  lastObservedStatus?: string;
  /** Seconds since the operation started. */
  elapsedSeconds?: number;
  /** The AWS SDK error (or the inner error) behind this one. */
  cause?: unknown;
}

/**
 * Base class of the provider's errors: carries the cluster, region, expected and observed status,
 * elapsed time and the underlying SDK error as `cause`.
 */
export class ClusterPowerError extends Error {
  readonly clusterIdentifier: string;
  readonly region: string;
  readonly expected?: string;
  readonly lastObservedStatus?: string;
  readonly elapsedSeconds?: number;

  constructor(message: string, details: ClusterErrorDetails) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = new.target.name;
    this.clusterIdentifier = details.clusterIdentifier;
    this.region = details.region;
    this.expected = details.expected;
    this.lastObservedStatus = details.lastObservedStatus;
    this.elapsedSeconds = details.elapsedSeconds;
  }
}

/** The cluster cannot be stopped at all (Serverless v1, global database member, …). */
export class UnsupportedClusterError extends ClusterPowerError {}

/** No cluster with this identifier exists in the Region for these credentials. */
export class ClusterNotFoundError extends ClusterPowerError {}

/** The cluster is in a status no power action can leave, RDS refused the call, or races persisted. */
export class ClusterStateError extends ClusterPowerError {}

/** The cluster did not reach the expected state within `timeoutMinutes`. */
export class ClusterTimeoutError extends ClusterPowerError {}

/**
 * Thrown from `create` / `update` once a power action was issued (or the wait ran out): the shape
 * the Pulumi dynamic provider host turns into `ErrorResourceInitFailed`, so the engine keeps the
 * resource with `properties` and the next `pulumi up` resumes through `update`.
 */
export class PartialFailureError extends Error {
  /** The resource ID to record. */
  readonly id: string;
  /** Inputs (including `__provider`) spread with the outputs known so far. */
  readonly properties: Record<string, unknown>;
  /** Reasons the engine shows for the failed initialization. */
  readonly reasons: string[];

  constructor(id: string, properties: Record<string, unknown>, cause: Error) {
    super(cause.message, { cause });
    this.name = "PartialFailureError";
    this.id = id;
    this.properties = properties;
    this.reasons = [cause.message];
  }
}

/** One fleet member that failed, with its own error (naming the cluster, the Region and the fix). */
export interface MemberFailure {
  clusterIdentifier: string;
  error: Error;
}

/**
 * Some members of a fleet failed. The message is a summary line, then one line per failed member:
 * that member's own error message. `errors` holds the members' errors, in the same order.
 */
export class FleetMembersError extends AggregateError {
  /** The identifiers of the failed members, in the order of the message. */
  readonly clusterIdentifiers: readonly string[];

  constructor(summary: string, failures: readonly MemberFailure[]) {
    super(
      failures.map((f) => f.error),
      [summary, ...failures.map((f) => `  - ${f.error.message}`)].join("\n"),
    );
    this.name = "FleetMembersError";
    this.clusterIdentifiers = failures.map((f) => f.clusterIdentifier);
  }
}

/**
 * True for an error of this package's own code (a `TypeError`, `RangeError`, …) rather than an
 * answer from RDS or the network: it is never retried, never re-worded, and keeps its stack.
 */
export function isProgrammingError(
  error: unknown,
): error is TypeError | RangeError | ReferenceError {
  return (
    (error instanceof TypeError ||
      error instanceof RangeError ||
      error instanceof ReferenceError) &&
    !("$metadata" in error) &&
    !("code" in error)
  );
}
