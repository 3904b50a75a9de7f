/**
 * The `ClusterFleetPowerState` provider, loaded by name (`aurora-power/fleet-dynamic`) by the
 * serialized shim: a thin adapter from the dynamic-provider contract to the core, which it runs
 * once per member (../core/clusterOperations), exactly as `ClusterPowerState` runs it once.
 */
import type * as dynamic from "@pulumi/pulumi/dynamic";
import {
  adoptCluster,
  holdCluster,
  observeCluster,
  releaseCluster,
} from "../core/clusterOperations";
import { storedRecords } from "../core/clusterRecord";
import { messages } from "../core/messages";
import { changedSettings } from "../core/powerSettings";
import { defaultRegion, setLogSinks } from "../core/runtime";
import { fleetNeedsWork, type FleetRun } from "../core/runMembers";
import { checkFleetInputs } from "../core/checkInputs";
import { identifierListChanged, normalizeIdentifiers } from "../core/validateInputs";
import { FleetMembersError, PartialFailureError } from "../errors";
import type { RawProperties } from "../state/properties";
import { quietly } from "../state/hostErrors";
import { FLEET_FORMAT, upgradeState } from "../state/stateFormat";
import type { ClusterFleetPowerStateOutputs } from "../types";
import { engineLog } from "../state/engineLog";
import { fleetOf, fleetOutputsOf, memberTargets, newFleetId, runFleet } from "./fleetProperties";

// This module runs in the dynamic provider process: the core's lines go to the engine's log.
setLogSinks(engineLog);

/** `configure`: the stack's `aws:region` config becomes the default Region. */
export { configure } from "../core/runtime";

/** `check`: the settings as `ClusterPowerState`'s, the identifier list; no AWS call. */
export function check(
  olds: RawProperties,
  news: RawProperties,
): Promise<dynamic.CheckResult<RawProperties>> {
  return Promise.resolve(checkFleetInputs(olds, news, defaultRegion()));
}

/**
 * `diff`: a new `region` means other clusters: replace, deleting first. Everything else is an
 * update: the member list, the settings, and members whose record does not hold `state` (drift
 * seen by refresh, a partial failure, a member never reached or whose release failed); the last
 * must be found here, or the engine skips the update. Unknown values count as changes.
 */
export function diff(
  id: string,
  olds: RawProperties,
  news: RawProperties,
): Promise<dynamic.DiffResult> {
  // A throw (a state in a newer format) becomes the rejection the contract expects.
  return quietly(() => new Promise((resolve) => resolve(diffOf(id, olds, news))));
}

function diffOf(id: string, olds: RawProperties, news: RawProperties): dynamic.DiffResult {
  const stored = upgradeState(FLEET_FORMAT, id, olds);
  const settings = changedSettings(stored, news, defaultRegion());
  const replaces = settings.filter((field) => field === "region");
  const changes =
    settings.length > 0 ||
    identifierListChanged(stored.clusterIdentifiers, news.clusterIdentifiers) ||
    membersNeedWork(stored, news);
  return { changes, replaces, deleteBeforeReplace: replaces.length > 0 };
}

function membersNeedWork(olds: RawProperties, news: RawProperties): boolean {
  const desired = news.state;
  // An unknown or invalid `state` is a settings change already (or a check failure).
  if (desired !== "running" && desired !== "stopped") return false;
  const fleet = fleetOf(olds);
  const targetOf = memberTargets(fleet);
  const report = {
    nameOf: (id: string) => targetOf(id, undefined).displayName,
    fleet: fleet.settings,
  };
  const wanted = normalizeIdentifiers(news.clusterIdentifiers);
  return fleetNeedsWork(storedRecords(olds.members), wanted, desired, report);
}

/** A create's or update's failure: partial (the engine keeps the fleet) once any member was reached. */
function fleetFailure(run: FleetRun, summary: string, id: string, properties: RawProperties) {
  const error = new FleetMembersError(summary, run.failures);
  return run.anyReached ? new PartialFailureError(id, properties, error) : error;
}

/** `create`: adopts every member at once, each as `ClusterPowerState`'s create would. */
export async function create(
  raw: RawProperties,
): Promise<dynamic.CreateResult<ClusterFleetPowerStateOutputs>> {
  const fleet = fleetOf(raw);
  const id = newFleetId(fleet.settings.region);
  const ids = fleet.clusterIdentifiers;
  const run = await runFleet(
    fleet,
    ids,
    {},
    `create, every member to \`${fleet.settings.state}\``,
    adoptCluster,
  );
  const outs = fleetOutputsOf(fleet, run.members);
  if (run.failures.length === 0) return { id, outs };
  const summary = messages.fleetConverge(run.failures.length, ids.length, fleet.settings.region);
  throw fleetFailure(run, summary, id, { ...raw, ...outs });
}

/**
 * `read` (refresh): every recorded member's live power state, so drift shows per member
 * (`members.<id>.state`); a member gone leaves `members`, the fleet stays. A describe error fails
 * the refresh: an endpoint that cannot answer must never make members disappear.
 */
async function readOf(
  id: string,
  props?: RawProperties,
): Promise<dynamic.ReadResult<ClusterFleetPowerStateOutputs>> {
  const stored = upgradeState(FLEET_FORMAT, id, props ?? {});
  const fleet = fleetOf(stored, id);
  const previous = storedRecords(stored.members);
  const ids = Object.keys(previous).sort();
  const run = await runFleet(fleet, ids, previous, undefined, (target, member) =>
    observeCluster(target, previous[member]),
  );
  if (run.failures.length > 0) {
    const summary = messages.fleetRefresh(run.failures.length, ids.length, fleet.settings.region);
    throw new FleetMembersError(summary, run.failures);
  }
  return { id, props: fleetOutputsOf(fleet, run.members) };
}

/**
 * `update`, all members at once: a listed member without a record is adopted, a recorded one held
 * (no call when its record holds `state`), one no longer listed released with the (new)
 * `onDelete`. Failed members keep their previous record: the next `pulumi up` retries them.
 */
export async function update(
  id: string,
  olds: RawProperties,
  news: RawProperties,
): Promise<dynamic.UpdateResult<ClusterFleetPowerStateOutputs>> {
  const previous = storedRecords(upgradeState(FLEET_FORMAT, id, olds).members);
  const fleet = fleetOf(news, id);
  const listed = new Set(fleet.clusterIdentifiers);
  const removed = Object.keys(previous)
    .filter((m) => !listed.has(m))
    .sort();
  const ids = [...fleet.clusterIdentifiers, ...removed];
  const added = fleet.clusterIdentifiers.filter((m) => !previous[m]).length;
  const { state, onDelete, region } = fleet.settings;
  const what = `update, every member to \`${state}\` (${added} to adopt, ${removed.length} to release with \`onDelete: ${onDelete}\`)`;
  const run = await runFleet(fleet, ids, previous, what, (target, member) => {
    const record = previous[member];
    if (!listed.has(member)) return releaseCluster(target, record, true);
    return record ? holdCluster(target, record) : adoptCluster(target);
  });
  const outs = fleetOutputsOf(fleet, run.members);
  if (run.failures.length === 0) return { outs };
  throw fleetFailure(run, messages.fleetConverge(run.failures.length, ids.length, region), id, {
    ...news,
    ...outs,
  });
}

/**
 * `delete`: `onDelete` for every recorded member at once (`restore` returns each to its own
 * `initialState`). If members fail, the fleet stays in the stack; `pulumi destroy` again retries.
 */
async function deleteClusterFleetPowerState(id: string, props: RawProperties): Promise<void> {
  const stored = upgradeState(FLEET_FORMAT, id, props);
  const fleet = fleetOf(stored, id);
  if (fleet.settings.onDelete === "retain") return;
  const previous = storedRecords(stored.members);
  const ids = Object.keys(previous).sort();
  const what = `delete, \`onDelete: ${fleet.settings.onDelete}\` for every member`;
  const run = await runFleet(fleet, ids, previous, what, (target, member) =>
    releaseCluster(target, previous[member]),
  );
  if (run.failures.length === 0) return;
  const { region, onDelete } = fleet.settings;
  throw new FleetMembersError(
    messages.fleetRelease(run.failures.length, ids.length, region, onDelete),
    run.failures,
  );
}

/** `read`, its expected failures shown once (see ../state/hostErrors). */
export function read(
  id: string,
  props?: RawProperties,
): Promise<dynamic.ReadResult<ClusterFleetPowerStateOutputs>> {
  return quietly(() => readOf(id, props));
}

/** `delete`, its expected failures shown once. */
function deleteQuietly(id: string, props: RawProperties): Promise<void> {
  return quietly(() => deleteClusterFleetPowerState(id, props));
}

export { deleteQuietly as delete };

/** Poller counters and test hooks (not part of the provider contract), as in ../dynamic. */
export { pollerStats, setRuntimeHooks } from "../core/runtime";
