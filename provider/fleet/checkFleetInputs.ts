import type { CheckFailure, CheckResult } from "@pulumi/pulumi/dynamic";
import {
  checkIdentifier,
  checkSettings,
  isUnknown,
  shown,
  type RawProperties,
} from "../dynamic/checkInputs";

/**
 * Most members of one fleet. Far above what one stack should hold in one power state, and it keeps
 * the stored `members` (about 300 bytes each), which the engine rewrites at every step, bounded.
 */
export const MAX_FLEET_MEMBERS = 1000;

const PROPERTY = "clusterIdentifiers";

interface IdentifiersCheck {
  failures: CheckFailure[];
  /** The list as the fleet keeps it; undefined when it cannot be normalized (unknown, not a list). */
  normalized?: unknown[];
}

function failure(reason: string): IdentifiersCheck {
  return { failures: [{ property: PROPERTY, reason }] };
}

/** Why one element is not a valid identifier, or repeats an earlier one; undefined when fine. */
function checkElement(element: unknown, index: number, seen: Map<string, number>) {
  const property = `${PROPERTY}[${index}]`;
  if (typeof element !== "string")
    return `\`${property}\` must be a cluster identifier (a string); got ${shown(element)}`;
  if (element === "") return `\`${property}\` is empty; give a cluster identifier`;
  const invalid = checkIdentifier(element, property);
  if (invalid) return invalid;
  const first = seen.get(element.toLowerCase());
  if (first !== undefined) {
    return `\`${property}\` ${shown(element)} repeats \`${PROPERTY}[${first}]\` (RDS identifiers are case-insensitive); list each cluster once`;
  }
  seen.set(element.toLowerCase(), index);
  return undefined;
}

/**
 * Checks `clusterIdentifiers`: a list of 1 to {@link MAX_FLEET_MEMBERS} valid identifiers, each once
 * (case-insensitively), every failure naming its element. Unknown values (the whole list or an
 * element, at preview) pass. Normalized: lowercase and, once every element is known, sorted.
 */
function checkIdentifiers(value: unknown): IdentifiersCheck {
  if (isUnknown(value)) return { failures: [] };
  if (value === undefined)
    return failure("`clusterIdentifiers` is required (a list of 1 to 1,000 cluster identifiers)");
  if (!Array.isArray(value))
    return failure(
      `\`clusterIdentifiers\` must be a list of cluster identifiers; got ${shown(value)}`,
    );
  if (value.length === 0) {
    return failure(
      "`clusterIdentifiers` is empty; list at least one cluster identifier (to release every cluster, delete the fleet)",
    );
  }
  if (value.length > MAX_FLEET_MEMBERS) {
    return failure(
      `\`clusterIdentifiers\` lists ${value.length} clusters; one fleet holds at most 1,000: split them over several \`ClusterFleetPowerState\`s`,
    );
  }
  const seen = new Map<string, number>();
  const failures: CheckFailure[] = [];
  value.forEach((element: unknown, index) => {
    if (isUnknown(element)) return;
    const reason = checkElement(element, index, seen);
    if (reason) failures.push({ property: `${PROPERTY}[${index}]`, reason });
  });
  const lowered = value.map((v: unknown) =>
    typeof v === "string" && !isUnknown(v) ? v.toLowerCase() : v,
  );
  return { failures, normalized: value.some(isUnknown) ? lowered : lowered.sort() };
}

/**
 * Validates and completes a fleet's inputs before any AWS call, never throwing: the shared settings
 * exactly as `ClusterPowerState` checks them (same failures, same defaults, the Region from
 * `aws:region` / `AWS_REGION`), and the identifier list. The identifiers come back lowercase and
 * sorted, so reordering the list or changing its case is no change.
 */
export function checkFleetInputs(
  news: RawProperties,
  defaultRegion: string | undefined,
): CheckResult<RawProperties> {
  const identifiers = checkIdentifiers(news.clusterIdentifiers);
  const settings = checkSettings(news, defaultRegion);
  const inputs: RawProperties = { ...settings.inputs };
  if (identifiers.normalized) inputs.clusterIdentifiers = identifiers.normalized;
  return { inputs, failures: [...identifiers.failures, ...(settings.failures ?? [])] };
}
