import { PartialFailureError } from "../errors";
import type { ProgressSink } from "../dynamic/statusTracker";
import type { FleetMemberOutputs } from "../types";
import type { FleetProgress } from "./fleetProgress";
import type { MemberFailure } from "./fleetErrors";
import { memberRecordOf } from "./memberRecord";

/**
 * One member's operation: a per-cluster lifecycle function run with the member's inputs. Resolves
 * to the member's new record, or undefined when the member is gone (removed, deleted outside).
 */
export type MemberOperation = (
  clusterIdentifier: string,
  progress: ProgressSink | undefined,
) => Promise<FleetMemberOutputs | undefined>;

/** How one member's operation ended. */
export type MemberResult =
  | { clusterIdentifier: string; ok: true; record: FleetMemberOutputs | undefined }
  | (MemberFailure & {
      ok: false;
      /** What was recorded when the member's own failure was partial (a power call issued). */
      reached: FleetMemberOutputs | undefined;
    });

function asError(reason: unknown): Error {
  return reason instanceof Error ? reason : new Error(String(reason));
}

/**
 * Runs `operation` for every member at once (`Promise.allSettled`): the members are independent,
 * one failing does not stop the others, and their waits land in the same batched describes of the
 * one poller. Results come back in the order of `clusterIdentifiers`.
 */
export async function runMembers(
  clusterIdentifiers: readonly string[],
  operation: MemberOperation,
  progress?: FleetProgress,
): Promise<MemberResult[]> {
  const settled = await Promise.allSettled(
    clusterIdentifiers.map((id) =>
      operation(id, progress?.sinkFor(id)).catch((error: unknown) => {
        progress?.failed(id);
        throw error;
      }),
    ),
  );
  progress?.finish();
  return settled.map((result, i): MemberResult => {
    const clusterIdentifier = clusterIdentifiers[i] ?? "";
    if (result.status === "fulfilled") return { clusterIdentifier, ok: true, record: result.value };
    const error = asError(result.reason);
    const reached =
      error instanceof PartialFailureError ? memberRecordOf(error.properties) : undefined;
    return { clusterIdentifier, ok: false, error, reached };
  });
}

/** The failures among `results`, for the fleet's error. */
export function failuresOf(results: readonly MemberResult[]): MemberFailure[] {
  return results.flatMap((r) =>
    r.ok ? [] : [{ clusterIdentifier: r.clusterIdentifier, error: r.error }],
  );
}

/** True when any member converged, or was left mid-way by a partial failure of its own. */
export function anyReached(results: readonly MemberResult[]): boolean {
  return results.some((r) => r.ok || r.reached !== undefined);
}

/**
 * The members to record after an operation: each success's record (none for a member that is
 * gone), each partial failure's record, and for any other failure the `previous` record if there
 * was one (a removal that failed stays a member, so the next `pulumi up` retries it).
 */
export function membersAfter(
  results: readonly MemberResult[],
  previous: Readonly<Record<string, FleetMemberOutputs>>,
): Record<string, FleetMemberOutputs> {
  const members: Record<string, FleetMemberOutputs> = {};
  for (const r of results) {
    const record = r.ok ? r.record : (r.reached ?? previous[r.clusterIdentifier]);
    if (record) members[r.clusterIdentifier] = record;
  }
  return members;
}
