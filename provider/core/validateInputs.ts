/**
 * Input checks for `check`, before any AWS call: one reason per bad property, phrased for the
 * user (never a throw), unknown preview values passed through.
 */
import { isUnknown, type RawProperties } from "../state/properties";
import { ON_DELETE_VALUES, POWER_STATES } from "../types";
import { claimCluster, displayNameOf, type Holder } from "./holders";
import { messages, shown } from "./messages";
import type { SettingField } from "./powerSettings";

/** One bad property and why (the shape of Pulumi's `CheckFailure`). */
export interface InputFailure {
  property: string;
  reason: string;
}

/** Most members of one fleet: it keeps the stored `members`, rewritten at every step, bounded. */
export const MAX_FLEET_MEMBERS = 1000;

// DBClusterIdentifier rules (RDS API reference, CreateDBCluster): 1–63 letters, digits or hyphens;
// first character a letter; no hyphen at the end and no two consecutive hyphens.
const IDENTIFIER = /^[A-Za-z](?:[A-Za-z0-9]|-(?!-))*$/;
/** Region names: two-letter area, optional partition word (gov, iso, …), a direction, a digit. */
export const REGION = /^[a-z]{2}(?:-[a-z]+){1,2}-\d{1,2}$/;
// Profile names: what the shared config files accept without quoting.
const PROFILE = /^[A-Za-z0-9_.@+=,-]{1,128}$/;
// IAM role ARNs in any partition (IAM API reference, Role: path and name characters).
const ROLE_ARN = /^arn:aws[a-z-]*:iam::\d{12}:role\/[A-Za-z0-9_+=,.@/-]{1,512}$/;

/**
 * Why `value` is not a valid DB cluster identifier, naming it as `property` (a fleet names each
 * element, `clusterIdentifiers[3]`); undefined when it is valid.
 */
export function checkIdentifier(
  value: unknown,
  property = "clusterIdentifier",
): string | undefined {
  if (typeof value !== "string" || value.length === 0)
    return `\`${property}\` is required (a string)`;
  const fromArn = /^arn:aws[a-z-]*:rds:[^:]*:\d*:cluster:([^:/]+)$/.exec(value)?.[1];
  if (fromArn !== undefined)
    return `\`${property}\` takes the DB cluster identifier, not its ARN: pass ${shown(fromArn)} (the part after \`:cluster:\`); got ${shown(value)}`;
  if (value.length > 63 || !IDENTIFIER.test(value) || value.endsWith("-")) {
    return `\`${property}\` must be 1–63 letters, digits or hyphens, start with a letter, and not end with a hyphen or contain two consecutive hyphens; got ${shown(value)}`;
  }
  return undefined;
}

function checkOneOf(name: string, value: unknown, allowed: readonly string[], required: boolean) {
  if (value === undefined && !required) return undefined;
  if (typeof value === "string" && allowed.includes(value)) return undefined;
  const choices = allowed.map((a) => `"${a}"`).join(", ");
  return `\`${name}\` must be one of ${choices}; got ${value === undefined ? "nothing" : shown(value)}`;
}

function checkPattern(name: string, value: unknown, pattern: RegExp, what: string) {
  if (value === undefined) return undefined;
  if (typeof value === "string" && pattern.test(value)) return undefined;
  return `\`${name}\` must be ${what}; got ${shown(value)}`;
}

function checkTimeout(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value === "number" && Number.isFinite(value) && value > 0) return undefined;
  return `\`timeoutMinutes\` must be a number greater than 0; got ${shown(value)}`;
}

const SETTING_CHECKS: Record<SettingField, (value: unknown) => string | undefined> = {
  state: (v) => checkOneOf("state", v, POWER_STATES, true),
  onDelete: (v) => checkOneOf("onDelete", v, ON_DELETE_VALUES, false),
  region: (v) => checkPattern("region", v, REGION, 'an AWS Region name such as "eu-west-1"'),
  timeoutMinutes: checkTimeout,
  profile: (v) => checkPattern("profile", v, PROFILE, "a shared-config profile name"),
  roleArn: (v) =>
    checkPattern(
      "roleArn",
      v,
      ROLE_ARN,
      'an IAM role ARN such as "arn:aws:iam::123456789012:role/name"',
    ),
};

/**
 * The settings every resource shares (`state`, `region`, `onDelete`, `timeoutMinutes`, `profile`,
 * `roleArn`), checked; and the Region the resource will use, which must exist.
 */
export function checkSettings(
  news: RawProperties,
  defaultRegion: string | undefined,
): InputFailure[] {
  const failures: InputFailure[] = [];
  for (const [property, check] of Object.entries(SETTING_CHECKS)) {
    const value = news[property];
    if (isUnknown(value)) continue;
    const reason = check(value);
    if (reason) failures.push({ property, reason });
  }
  if (news.region === undefined && (defaultRegion === undefined || !REGION.test(defaultRegion)))
    failures.push({ property: "region", reason: noRegionReason(defaultRegion) });
  return failures;
}

function noRegionReason(defaultRegion: string | undefined): string {
  if (defaultRegion === undefined) {
    return "no AWS Region: set `region`, the stack's `aws:region` config, or AWS_REGION in the environment of `pulumi`";
  }
  return `the default AWS Region (from \`aws:region\` or AWS_REGION) is not a Region name; got ${shown(defaultRegion)}`;
}

const LIST = "clusterIdentifiers";

/** Why one element of `clusterIdentifiers` is bad or repeats an earlier one; undefined when fine. */
function checkElement(element: unknown, index: number, seen: Map<string, number>) {
  const property = `${LIST}[${index}]`;
  if (typeof element !== "string")
    return `\`${property}\` must be a cluster identifier (a string); got ${shown(element)}`;
  if (element === "") return `\`${property}\` is empty; give a cluster identifier`;
  const invalid = checkIdentifier(element, property);
  if (invalid) return invalid;
  const first = seen.get(element.toLowerCase());
  if (first !== undefined) {
    return `\`${property}\` ${shown(element)} repeats \`${LIST}[${first}]\` (RDS identifiers are case-insensitive); list each cluster once`;
  }
  seen.set(element.toLowerCase(), index);
  return undefined;
}

/**
 * Checks a fleet's `clusterIdentifiers`: 1 to {@link MAX_FLEET_MEMBERS} valid identifiers, each
 * once (case-insensitively), every failure naming its element; unknown values pass.
 */
export function checkIdentifierList(value: unknown): InputFailure[] {
  const failure = (reason: string) => [{ property: LIST, reason }];
  if (isUnknown(value)) return [];
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
  return value.flatMap((element: unknown, index) => {
    const reason = isUnknown(element) ? undefined : checkElement(element, index, seen);
    return reason ? [{ property: LIST, reason }] : [];
  });
}

/** Identifiers as a fleet keeps them: strings only, lowercase (as RDS stores them), once, sorted. */
export function normalizeIdentifiers(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  const ids = value
    .filter((v): v is string => typeof v === "string" && v !== "")
    .map((v) => v.toLowerCase());
  return [...new Set(ids)].sort();
}

/** True when a member list changed (order and case do not count), or is not known yet. */
export function identifierListChanged(before: unknown, after: unknown): boolean {
  if (isUnknown(after) || (Array.isArray(after) && after.some(isUnknown))) return true;
  return normalizeIdentifiers(before).join() !== normalizeIdentifiers(after).join();
}

/**
 * `check`'s `clusterIdentifiers`: lowercase and, once every element is known, sorted, so reordering
 * the list or changing its case is no change. Anything but a list is left for the check to refuse.
 */
export function identifierListInput(value: unknown): unknown {
  if (!Array.isArray(value)) return value;
  const lowered = value.map((v: unknown) =>
    typeof v === "string" && !isUnknown(v) ? v.toLowerCase() : v,
  );
  return value.some(isUnknown) ? lowered : lowered.sort();
}

/**
 * Claims each cluster of `ids` for `holder` in this run (see ./holders) and refuses every one that
 * another resource of the stack holds already, naming both. Resources whose state records no
 * name (direct calls, tests) claim nothing.
 */
export function checkHolders(
  region: string,
  ids: readonly string[],
  holder: Holder,
  property: string,
): InputFailure[] {
  if (!holder.name) return [];
  return ids.flatMap((id, i) => {
    const first = claimCluster(region, id, holder);
    const index = holder.kind === "ClusterFleetPowerState" ? i : undefined;
    const scope = { clusterIdentifier: displayNameOf(id, holder, index), region };
    return first ? [{ property, reason: messages.secondHolder(scope, first) }] : [];
  });
}
