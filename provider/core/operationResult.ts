/**
 * What an operation on one cluster returns (see `clusterOperations`): never a thrown error for a
 * cluster's failure, so a fleet can report every member.
 */
import type { ClusterRecord } from "./clusterRecord";

/** How an operation on one cluster ended. */
export interface OperationResult {
  ok: boolean;
  /** What to record of the cluster now; undefined when it is gone, released or never seen. */
  record: ClusterRecord | undefined;
  /** Why it failed. */
  error?: Error;
  /**
   * A failure after which the record must be kept (a power call was or may have been issued, or
   * the wait ran out): the next `pulumi up` resumes from it.
   */
  resumable: boolean;
}

/** A successful operation that leaves `record`. */
export const succeeded = (record: ClusterRecord | undefined): OperationResult => ({
  ok: true,
  record,
  resumable: false,
});
/** An operation that failed before any call (nothing to resume). */
export const failed = (error: Error): OperationResult => ({
  ok: false,
  record: undefined,
  error,
  resumable: false,
});

/** The error of a failed result. */
export function errorOf(result: OperationResult): Error {
  return result.error ?? new Error("the operation failed without an error");
}
