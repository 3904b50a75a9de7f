import type { DBCluster } from "@aws-sdk/client-rds";
import { powerStateOf, type PowerState } from "../aurora/clusterStatus";
import {
  DEFAULT_ON_DELETE,
  DEFAULT_TIMEOUT_MINUTES,
  ON_DELETE_VALUES,
  SCHEMA_VERSION,
  type ClusterPowerStateOutputs,
  type OnDelete,
} from "../types";
import type { RawProperties } from "./checkInputs";

/** Inputs with defaults applied and the Region resolved: what the lifecycle functions work with. */
export interface ResolvedInputs {
  clusterIdentifier: string;
  state: PowerState;
  region: string;
  onDelete: OnDelete;
  timeoutMinutes: number;
  profile?: string;
  roleArn?: string;
}

function str(props: RawProperties, key: string): string | undefined {
  const value = props[key];
  return typeof value === "string" && value !== "" ? value : undefined;
}

/** The resource ID: the Region and the identifier, so `read` works from the ID alone. */
export function resourceId(inputs: Pick<ResolvedInputs, "region" | "clusterIdentifier">): string {
  return `${inputs.region}/${inputs.clusterIdentifier}`;
}

/**
 * Reads inputs (or stored outputs of any `schemaVersion` so far) into {@link ResolvedInputs}; the
 * ID fills in what an old or empty property bag lacks.
 */
export function resolveInputs(
  props: RawProperties,
  defaultRegion: string | undefined,
  id?: string,
): ResolvedInputs {
  const [idRegion, idCluster] = id?.includes("/") ? id.split("/", 2) : [undefined, undefined];
  const onDelete = str(props, "onDelete");
  const timeout = props.timeoutMinutes;
  const region = str(props, "region") ?? idRegion ?? defaultRegion;
  if (!region)
    throw new Error("no AWS Region: set `region`, the stack's `aws:region` config, or AWS_REGION");
  const resolved: ResolvedInputs = {
    clusterIdentifier: str(props, "clusterIdentifier") ?? idCluster ?? "",
    state: props.state === "stopped" ? "stopped" : "running",
    region,
    onDelete: ON_DELETE_VALUES.find((v) => v === onDelete) ?? DEFAULT_ON_DELETE,
    timeoutMinutes: typeof timeout === "number" && timeout > 0 ? timeout : DEFAULT_TIMEOUT_MINUTES,
  };
  const profile = str(props, "profile");
  const roleArn = str(props, "roleArn");
  if (profile) resolved.profile = profile;
  if (roleArn) resolved.roleArn = roleArn;
  return resolved;
}

/** `initialState` of stored outputs; for a state without it, assume running (the safe restore). */
export function storedInitialState(props: RawProperties): PowerState {
  return props.initialState === "stopped" ? "stopped" : "running";
}

/**
 * The power state found at create. A cluster in a status that is neither (unknown, or one the
 * planner refuses) is taken as running: restoring to running never blocks the cluster's deletion.
 */
export function initialStateOf(cluster: DBCluster): PowerState {
  return powerStateOf(cluster.Status ?? "") ?? "running";
}

/**
 * Builds the outputs: the inputs echoed (so `diff` sees them as `olds`) plus what RDS reported.
 * Only strings and numbers: no `undefined`, `Date` or `bigint` reaches the engine.
 */
export function buildOutputs(
  inputs: ResolvedInputs,
  cluster: DBCluster | undefined,
  initialState: PowerState,
  previous: RawProperties = {},
): ClusterPowerStateOutputs {
  const status = cluster?.Status ?? str(previous, "status") ?? "unknown";
  const outputs: ClusterPowerStateOutputs = {
    ...inputs,
    status,
    initialState,
    clusterArn: cluster?.DBClusterArn ?? str(previous, "clusterArn") ?? "",
    engine: cluster?.Engine ?? str(previous, "engine") ?? "",
    engineMode: cluster?.EngineMode ?? str(previous, "engineMode") ?? "provisioned",
    schemaVersion: SCHEMA_VERSION,
  };
  const restart = cluster ? cluster.AutomaticRestartTime : previous.automaticRestartTime;
  // RDS sets AutomaticRestartTime while the cluster is stopped (the 7-day automatic start).
  if (status === "stopped" && restart !== undefined) {
    if (restart instanceof Date) outputs.automaticRestartTime = restart.toISOString();
    else if (typeof restart === "string") outputs.automaticRestartTime = restart;
  }
  return outputs;
}
