import type { RawProperties } from "../dynamic/checkInputs";
import { powerStateOf, type PowerState } from "../aurora/clusterStatus";
import type { FleetMemberOutputs } from "../types";

function text(props: RawProperties, key: string): string | undefined {
  const value = props[key];
  return typeof value === "string" && value !== "" ? value : undefined;
}

function powerState(value: unknown): PowerState | undefined {
  return value === "running" || value === "stopped" ? value : undefined;
}

function isBag(value: unknown): value is RawProperties {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * One member's record, from the outputs of a per-cluster lifecycle function (or the properties of
 * its partial failure, or a stored record). `state` is the power state the observed status amounts
 * to, so it always says what was seen; for a status that is neither (terminal, unknown) it keeps the
 * recorded `state`. `automaticRestartTime` only while stopped, as `ClusterPowerState` has it.
 */
export function memberRecordOf(props: RawProperties): FleetMemberOutputs {
  const status = text(props, "status") ?? "unknown";
  const record: FleetMemberOutputs = {
    state: powerStateOf(status) ?? powerState(props.state) ?? "running",
    status,
    // As `storedInitialState`: a record without it restores to running, which never blocks a delete.
    initialState: powerState(props.initialState) ?? "running",
    clusterArn: text(props, "clusterArn") ?? "",
    engine: text(props, "engine") ?? "",
    engineMode: text(props, "engineMode") ?? "provisioned",
  };
  const restart = text(props, "automaticRestartTime");
  if (status === "stopped" && restart !== undefined) record.automaticRestartTime = restart;
  return record;
}

/** The `members` of stored outputs, keyed by lowercase identifier; anything malformed is ignored. */
export function storedMembers(props: RawProperties): Record<string, FleetMemberOutputs> {
  const members = props.members;
  if (!isBag(members)) return {};
  const records: Record<string, FleetMemberOutputs> = {};
  for (const [id, value] of Object.entries(members))
    if (isBag(value)) records[id.toLowerCase()] = memberRecordOf(value);
  return records;
}
