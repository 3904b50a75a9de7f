import type { PowerState } from "../aurora/clusterStatus";
import { recordHolds, type ClusterRecord } from "./clusterRecord";
import type { ClusterTarget, OperationResult } from "./clusterOperations";
import { fleetProgressFor } from "./fleetProgress";
import type { MemberFailure } from "../errors";
import type { RdsTarget } from "../rds/createRdsClient";
import { messages } from "./messages";
import { runtimeFor } from "./runtime";
import type { ProgressSink } from "./statusTracker";

/** One core operation for one member's target. */
export type MemberOperation = (
  target: ClusterTarget,
  clusterIdentifier: string,
) => Promise<OperationResult>;

/** A member's target, with the sink its progress goes to. */
export type MemberTargetOf = (
  clusterIdentifier: string,
  progress: ProgressSink | undefined,
) => ClusterTarget;

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
 * the others) and their waits share the batched describes of one poller. With `what`, progress is
 * one summary line for the whole fleet (announced with `what`) instead of lines per member.
 */
export async function runMembers(
  target: RdsTarget,
  targetOf: MemberTargetOf,
  ids: readonly string[],
  previous: Readonly<Record<string, ClusterRecord>>,
  what: string | undefined,
  operation: MemberOperation,
): Promise<FleetRun> {
  const initial = new Map(ids.map((id) => [id, previous[id]?.status ?? "not yet described"]));
  const progress = what === undefined ? undefined : fleetProgressFor(target, initial);
  progress?.start(what ?? "");
  const results = await Promise.all(
    ids.map((id) => operation(targetOf(id, progress?.sinkFor(id)), id)),
  );
  const run: FleetRun = { members: {}, failures: [], anyReached: false };
  results.forEach((result, i) => {
    const id = ids[i] ?? "";
    if (!result.ok) {
      progress?.failed(id);
      run.failures.push({ clusterIdentifier: id, error: result.error ?? new Error("failed") });
    }
    const record = result.record ?? (result.ok ? undefined : previous[id]);
    if (record) run.members[id] = record;
    run.anyReached ||= result.ok || result.record !== undefined;
  });
  progress?.finish();
  return run;
}

/** Where `fleetNeedsWork` says what `pulumi up` will do: member names and the fleet's target. */
export interface PendingReport {
  nameOf: (clusterIdentifier: string) => string;
  fleet: RdsTarget;
}

/**
 * True when a fleet's records do not hold `desired` for its `wanted` members: one was seen in
 * another power state or a status that does not satisfy it (drift, a partial failure), a wanted
 * member has no record (never reached, or gone), or a member no longer wanted is still recorded
 * (its release failed). With `report`, says (as progress, at preview) what `pulumi up` will do for
 * each recorded member that needs work, at most 20 lines: the engine shows no per-member diff.
 */
export function fleetNeedsWork(
  records: Readonly<Record<string, ClusterRecord>>,
  wanted: readonly string[],
  desired: PowerState,
  report?: PendingReport,
): boolean {
  const listed = new Set(wanted);
  const pending = wanted.filter((id) => records[id] && !recordHolds(records[id], desired));
  if (report) {
    const { region } = report.fleet;
    const { note } = runtimeFor(report.fleet);
    for (const id of pending.slice(0, 20)) {
      const scope = { clusterIdentifier: report.nameOf(id), region };
      note(messages.pendingWork(scope, records[id]?.status, desired));
    }
  }
  if (pending.length > 0 || Object.keys(records).some((id) => !listed.has(id))) return true;
  return wanted.some((id) => !records[id]);
}
