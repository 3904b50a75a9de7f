import type { ClusterTarget, OperationResult } from "../core/clusterOperations";
import type { ClusterRecord } from "../core/clusterRecord";
import { fleetProgressFor, type FleetProgress } from "../core/fleetProgress";
import { FleetMembersError, PartialFailureError, type MemberFailure } from "../errors";
import type { RawProperties } from "../state/properties";
import { memberTarget, type Fleet } from "./fleetProperties";

/** One core operation for one member. */
export type MemberOperation = (
  target: ClusterTarget,
  clusterIdentifier: string,
) => Promise<OperationResult>;

/** How the members of one fleet operation ended. */
export interface FleetRun {
  /** The records to keep: each result's, else the `previous` one (a failed release stays). */
  members: Record<string, ClusterRecord>;
  failures: MemberFailure[];
  /** Whether any member converged, or was left mid-way by a resumable failure. */
  anyReached: boolean;
}

/**
 * Runs `operation` for every member at once: members are independent (one failing does not stop
 * the others) and their waits share the batched describes of one poller. Progress goes into one
 * summary line for the fleet, announced with `what`.
 */
export async function runMembers(
  fleet: Fleet,
  ids: readonly string[],
  previous: Readonly<Record<string, ClusterRecord>>,
  what: string | undefined,
  operation: MemberOperation,
): Promise<FleetRun> {
  const initial = new Map(ids.map((id) => [id, previous[id]?.status ?? "not yet described"]));
  const progress: FleetProgress | undefined =
    what === undefined ? undefined : fleetProgressFor(fleet.settings, initial);
  progress?.start(what ?? "");
  const results = await Promise.all(
    ids.map((id) => operation(memberTarget(fleet, id, progress?.sinkFor(id)), id)),
  );
  const run: FleetRun = { members: {}, failures: [], anyReached: false };
  results.forEach((result, i) => {
    const id = ids[i] ?? "";
    if (!result.ok) progress?.failed(id);
    if (!result.ok)
      run.failures.push({ clusterIdentifier: id, error: result.error ?? new Error("failed") });
    const record = result.record ?? (result.ok ? undefined : previous[id]);
    if (record) run.members[id] = record;
    run.anyReached ||= result.ok || result.record !== undefined;
  });
  progress?.finish();
  return run;
}

/**
 * What a create or update throws when members failed: once any member was reached, the
 * partial-failure shape, so the engine records `properties` (inputs with `__provider`, spread with
 * the outputs so far) and the next `pulumi up` resumes; with nothing reached, the plain error.
 */
export function fleetFailure(
  run: FleetRun,
  summary: string,
  id: string,
  properties: RawProperties,
): Error {
  const error = new FleetMembersError(summary, run.failures);
  return run.anyReached ? new PartialFailureError(id, properties, error) : error;
}
