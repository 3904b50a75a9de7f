import { randomUUID } from "node:crypto";
/**
 * `ClusterPowerState`'s property bags and the core's types, both ways: inputs (or stored outputs of
 * any format) to a {@link ClusterTarget}, a {@link ClusterRecord} to outputs.
 */
import type { PowerState } from "../aurora/clusterStatus";
import type { ClusterTarget } from "../core/clusterOperations";
import type { ClusterRecord } from "../core/clusterRecord";
import { holderOf, identityOutputs } from "../core/checkInputs";
import { displayNameOf } from "../core/holders";
import { messages } from "../core/messages";
import { normalizeSettings } from "../core/powerSettings";
import { defaultRegion } from "../core/runtime";
import { textOf, type RawProperties } from "../state/properties";
import { POWER_STATE_FORMAT, formatFields } from "../state/stateFormat";
import type { ClusterPowerStateOutputs } from "../types";

/**
 * A new resource's ID: the Region and the identifier, so `read` works from the ID alone — or, for
 * a secret identifier, the Region and a random UUID (an ID is never secret; the stored inputs
 * carry the identifier). IDs of existing resources are kept as they are.
 */
export function resourceId(target: ClusterTarget): string {
  return target.holder?.secret
    ? `${target.region}/secret/${randomUUID()}`
    : `${target.region}/${target.clusterIdentifier}`;
}

/**
 * The cluster and settings a property bag names; the ID (`<region>/<identifier>`) fills in what
 * an old or empty bag lacks.
 */
export function targetOf(props: RawProperties, id?: string): ClusterTarget {
  const [idRegion, idCluster] = id?.includes("/") ? id.split("/", 2) : [undefined, undefined];
  const settings = normalizeSettings(props, defaultRegion(), idRegion);
  const { region } = settings;
  if (region === undefined) throw new Error(messages.noRegion());
  const clusterIdentifier = textOf(props, "clusterIdentifier") ?? idCluster ?? "";
  const holder = holderOf(props, "ClusterPowerState");
  return {
    clusterIdentifier,
    displayName: displayNameOf(clusterIdentifier, holder),
    holder,
    region,
    profile: settings.profile,
    roleArn: settings.roleArn,
    settings: { ...settings, region },
  };
}

/** The outputs: the settings echoed (so `diff` sees them as `olds`), the record, the format. */
export function outputsOf(
  target: ClusterTarget,
  record: ClusterRecord,
  state: PowerState,
): ClusterPowerStateOutputs {
  const { settings, clusterIdentifier } = target;
  const outputs: ClusterPowerStateOutputs = {
    clusterIdentifier,
    ...settings,
    ...record,
    state,
    ...formatFields(POWER_STATE_FORMAT),
    ...identityOutputs(target.holder),
  };
  if (outputs.profile === undefined) delete outputs.profile;
  if (outputs.roleArn === undefined) delete outputs.roleArn;
  return outputs;
}
