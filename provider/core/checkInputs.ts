/**
 * `check` for both resource types, before any AWS call: every failure phrased for the user (never
 * a throw), defaults filled in (../core/powerSettings), and the clusters claimed for the resource
 * in this run (./holders).
 */
import { isUnknown, textOf, type RawProperties } from "../state/properties";
import type { Holder } from "./holders";
import { withDefaults } from "./powerSettings";
import {
  REGION,
  checkHolders,
  checkIdentifier,
  checkIdentifierList,
  checkSettings,
  identifierListInput,
  normalizeIdentifiers,
  type InputFailure,
} from "./validateInputs";

/** What `check` returns: the completed inputs and the failures. */
export interface CheckedInputs {
  inputs: RawProperties;
  failures: InputFailure[];
}

/** The resource a bag belongs to: its name in the program (absent in states before 0.2). */
export function holderOf(props: RawProperties, kind: Holder["kind"]): Holder {
  return { kind, name: textOf(props, "resourceName"), secret: props.identifierIsSecret === true };
}

/**
 * The resource's own inputs echoed in its outputs (`delete` and `read` see only the outputs): its
 * name and whether its identifiers are secret, when known.
 */
export function identityOutputs(holder: Holder | undefined): {
  resourceName?: string;
  identifierIsSecret?: boolean;
} {
  if (!holder?.name) return {};
  return { resourceName: holder.name, identifierIsSecret: holder.secret === true };
}

const isRegion = (region: string) => REGION.test(region);

/** `ClusterPowerState`'s check: the identifier and the settings. */
export function checkClusterInputs(
  olds: RawProperties,
  news: RawProperties,
  defaultRegion: string | undefined,
): CheckedInputs {
  const identifier = news.clusterIdentifier;
  const reason = isUnknown(identifier) ? undefined : checkIdentifier(identifier);
  const failures = reason ? [{ property: "clusterIdentifier", reason }] : [];
  failures.push(...checkSettings(news, defaultRegion));
  const inputs = withDefaults(news, olds, defaultRegion, isRegion);
  const { region } = inputs;
  if (failures.length === 0 && typeof region === "string" && typeof identifier === "string") {
    const holder = holderOf(inputs, "ClusterPowerState");
    failures.push(...checkHolders(region, [identifier], holder, "clusterIdentifier"));
  }
  return { inputs, failures };
}

/**
 * `ClusterFleetPowerState`'s check: the settings exactly as `ClusterPowerState`'s, and the list;
 * identifiers come back lowercase and (once all known) sorted, so order and case are no change.
 */
export function checkFleetInputs(
  olds: RawProperties,
  news: RawProperties,
  defaultRegion: string | undefined,
): CheckedInputs {
  const list = news.clusterIdentifiers;
  const failures = [...checkIdentifierList(list), ...checkSettings(news, defaultRegion)];
  const inputs = withDefaults(news, olds, defaultRegion, isRegion);
  if (Array.isArray(list)) inputs.clusterIdentifiers = identifierListInput(list);
  const { region } = inputs;
  if (failures.length === 0 && typeof region === "string") {
    const holder = holderOf(inputs, "ClusterFleetPowerState");
    const ids = normalizeIdentifiers(inputs.clusterIdentifiers);
    failures.push(...checkHolders(region, ids, holder, "clusterIdentifiers"));
  }
  return { inputs, failures };
}
