/**
 * `ClusterFleetPowerState`'s property bags and the core's types, both ways: inputs (or stored
 * outputs of any format) to the fleet's settings and member targets, member records to outputs.
 */
import { randomUUID } from "node:crypto";
import type { ClusterTarget } from "../core/clusterOperations";
import type { ClusterRecord } from "../core/clusterRecord";
import { holderOf, identityOutputs } from "../core/checkInputs";
import { displayNameOf, type Holder } from "../core/holders";
import { messages } from "../core/messages";
import { normalizeSettings, type PowerSettings } from "../core/powerSettings";
import { defaultRegion } from "../core/runtime";
import { normalizeIdentifiers } from "../core/validateInputs";
import {
  runMembers,
  type FleetRun,
  type MemberOperation,
  type MemberTargetOf,
} from "../core/runMembers";
import type { ProgressSink } from "../core/statusTracker";
import type { RawProperties } from "../state/properties";
import { FLEET_FORMAT, formatFields } from "../state/stateFormat";
import type { ClusterFleetPowerStateOutputs } from "../types";

/** A fleet's settings (the Region known) and its members: lowercase, each once, sorted. */
export interface Fleet {
  settings: PowerSettings & { region: string };
  clusterIdentifiers: string[];
  /** The fleet as messages name it, and whether its identifiers are secret. */
  holder: Holder;
}

/** The fleet a bag names; the ID (`<region>/fleet/<uuid>`) fills in the Region of a bag without. */
export function fleetOf(props: RawProperties, id?: string): Fleet {
  const settings = normalizeSettings(props, defaultRegion(), id?.split("/", 1)[0]);
  const { region } = settings;
  if (region === undefined) throw new Error(messages.noRegion());
  return {
    settings: { ...settings, region },
    clusterIdentifiers: normalizeIdentifiers(props.clusterIdentifiers),
    holder: holderOf(props, "ClusterFleetPowerState"),
  };
}

/** Each member as the core sees it: the fleet's settings and the member's identifier. */
export const memberTargets =
  (fleet: Fleet): MemberTargetOf =>
  (clusterIdentifier: string, progress?: ProgressSink): ClusterTarget => {
    const { settings, holder } = fleet;
    const index = fleet.clusterIdentifiers.indexOf(clusterIdentifier);
    const displayName = displayNameOf(clusterIdentifier, holder, index < 0 ? undefined : index);
    const target: ClusterTarget = {
      clusterIdentifier,
      displayName,
      holder,
      region: settings.region,
      settings,
    };
    if (settings.profile) target.profile = settings.profile;
    if (settings.roleArn) target.roleArn = settings.roleArn;
    if (progress) target.progress = progress;
    return target;
  };

/** Runs a core operation on every member of `fleet` at once (see `runMembers`). */
export function runFleet(
  fleet: Fleet,
  ids: readonly string[],
  previous: Readonly<Record<string, ClusterRecord>>,
  what: string | undefined,
  operation: MemberOperation,
): Promise<FleetRun> {
  return runMembers(fleet.settings, memberTargets(fleet), ids, previous, what, operation);
}

/** A new fleet's ID: it names the Region, not the members (they change by update). */
export function newFleetId(region: string): string {
  return `${region}/fleet/${randomUUID()}`;
}

/** The outputs, member keys sorted so the state does not depend on which member finished first. */
export function fleetOutputsOf(
  fleet: Fleet,
  members: Record<string, ClusterRecord>,
): ClusterFleetPowerStateOutputs {
  const sorted = Object.keys(members)
    .sort()
    .map((id) => [id, members[id]] as const);
  const outputs: ClusterFleetPowerStateOutputs = {
    ...fleet.settings,
    clusterIdentifiers: fleet.clusterIdentifiers,
    members: Object.fromEntries(sorted) as Record<string, ClusterRecord>,
    ...formatFields(FLEET_FORMAT),
    ...identityOutputs(fleet.holder),
  };
  if (outputs.profile === undefined) delete outputs.profile;
  if (outputs.roleArn === undefined) delete outputs.roleArn;
  return outputs;
}
