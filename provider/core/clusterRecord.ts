import type { DBCluster } from "@aws-sdk/client-rds";
import { powerStateOf, type PowerState } from "../aurora/clusterStatus";
import { planTransition } from "../aurora/planTransition";
import { isBag, textOf, type RawProperties } from "../state/properties";

/**
 * What the provider knows of one cluster after an operation: a `ClusterPowerState`'s outputs
 * beyond its inputs, and one `members` entry of a `ClusterFleetPowerState`.
 */
export interface ClusterRecord {
  /** The power state the last observed status amounts to (refresh sets it, so drift shows). */
  state: PowerState;
  /** Last observed RDS `Status`, e.g. `stopped`, `available`, `backing-up`. */
  status: string;
  /** The power state found when the cluster was adopted; `onDelete: "restore"` returns to it. */
  initialState: PowerState;
  clusterArn: string;
  engine: string;
  engineMode: string;
  /** ISO 8601 time of RDS's automatic start (the 7-day limit), present while stopped. */
  automaticRestartTime?: string;
}

function powerState(value: unknown): PowerState | undefined {
  return value === "running" || value === "stopped" ? value : undefined;
}

/**
 * The power state found at adoption. A status that is neither (unknown, or one the planner
 * refuses) is taken as running: restoring to running never blocks the cluster's deletion.
 */
export function initialStateOf(cluster: DBCluster): PowerState {
  return powerStateOf(cluster.Status ?? "") ?? "running";
}

/**
 * The record after observing `cluster` (undefined: nothing new was seen, keep `previous`). `state`
 * is what the status amounts to; for a status that is neither, the previous record's, else
 * `fallbackState`. Only strings: no `Date` or `undefined` reaches the engine.
 */
export function recordOf(
  cluster: DBCluster | undefined,
  initialState: PowerState,
  previous: Partial<ClusterRecord> | undefined,
  fallbackState: PowerState,
): ClusterRecord {
  const status = cluster?.Status ?? previous?.status ?? "unknown";
  const record: ClusterRecord = {
    state: powerStateOf(status) ?? previous?.state ?? fallbackState,
    status,
    initialState,
    clusterArn: cluster?.DBClusterArn ?? previous?.clusterArn ?? "",
    engine: cluster?.Engine ?? previous?.engine ?? "",
    engineMode: cluster?.EngineMode ?? previous?.engineMode ?? "provisioned",
  };
  const restart = cluster ? cluster.AutomaticRestartTime : previous?.automaticRestartTime;
  // RDS sets AutomaticRestartTime while the cluster is stopped (the 7-day automatic start).
  if (status === "stopped" && restart !== undefined) {
    record.automaticRestartTime = restart instanceof Date ? restart.toISOString() : restart;
  }
  return record;
}

/**
 * A record as stored (a `ClusterPowerState`'s outputs, a fleet member), or undefined when the bag
 * holds no observation. Malformed fields fall back as {@link recordOf} does; a record without
 * `initialState` restores to running, which never blocks a delete.
 */
export function storedRecord(props: RawProperties): ClusterRecord | undefined {
  const status = textOf(props, "status");
  if (status === undefined) return undefined;
  const previous: Partial<ClusterRecord> = {
    status,
    clusterArn: textOf(props, "clusterArn"),
    engine: textOf(props, "engine"),
    engineMode: textOf(props, "engineMode"),
    automaticRestartTime: textOf(props, "automaticRestartTime"),
  };
  const state = powerState(props.state) ?? "running";
  return recordOf(undefined, powerState(props.initialState) ?? "running", previous, state);
}

/** A fleet's stored `members`, keyed by lowercase identifier; anything malformed is ignored. */
export function storedRecords(members: unknown): Record<string, ClusterRecord> {
  const records: Record<string, ClusterRecord> = {};
  if (!isBag(members)) return records;
  for (const [id, value] of Object.entries(members)) {
    const record = isBag(value) ? storedRecord(value) : undefined;
    if (record) records[id.toLowerCase()] = record;
  }
  return records;
}

/**
 * True when a record already holds `desired`, so converging has nothing to do: the state seen is
 * the desired one and its status plans `done`. No record: the cluster must be described again.
 */
export function recordHolds(record: ClusterRecord | undefined, desired: PowerState): boolean {
  return (
    record !== undefined &&
    record.state === desired &&
    planTransition(record.status, desired).kind === "done"
  );
}
