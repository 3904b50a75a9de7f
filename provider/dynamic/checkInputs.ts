import type { CheckFailure, CheckResult } from "@pulumi/pulumi/dynamic";
import {
  DEFAULT_ON_DELETE,
  DEFAULT_TIMEOUT_MINUTES,
  ON_DELETE_VALUES,
  POWER_STATES,
  type ClusterPowerStateInputs,
} from "../types";

import { UNKNOWN_VALUE } from "../aurora/unknownValue";

export { UNKNOWN_VALUE };

/** Raw properties as the engine sends them: anything may be anything. */
export type RawProperties = Record<string, unknown>;

/** True for the preview sentinel of an unknown value. */
export function isUnknown(value: unknown): boolean {
  return value === UNKNOWN_VALUE;
}

// DBClusterIdentifier rules (RDS API reference, CreateDBCluster): 1–63 letters, digits or hyphens;
// first character a letter; no hyphen at the end and no two consecutive hyphens.
const IDENTIFIER = /^[A-Za-z](?:[A-Za-z0-9]|-(?!-))*$/;
// Region names: two-letter area, optional partition word (gov, iso, isob, …), a direction, a digit.
const REGION = /^[a-z]{2}(?:-[a-z]+){1,2}-\d{1,2}$/;
// Profile names: what the shared config files accept without quoting.
const PROFILE = /^[A-Za-z0-9_.@+=,-]{1,128}$/;
// IAM role ARNs in any partition (IAM API reference, Role: path and name characters).
const ROLE_ARN = /^arn:aws[a-z-]*:iam::\d{12}:role\/[A-Za-z0-9_+=,.@/-]{1,512}$/;

// Format (bidi overrides, zero-width), private-use and unassigned characters: JSON.stringify leaves
// them raw, and they can reorder or hide what the CLI shows ("Trojan Source", CVE-2021-42574).
const INVISIBLE = /[\p{Cf}\p{Co}\p{Cn}\u2028\u2029]/gu;

function escapeCodePoint(char: string): string {
  const code = char.codePointAt(0) ?? 0;
  const hex = code.toString(16).toUpperCase();
  return code > 0xffff ? `\\u{${hex}}` : `\\u${hex.padStart(4, "0")}`;
}

/** A user value quoted for a message: JSON-escaped and cut, so hostile input cannot forge text. */
export function shown(value: unknown): string {
  const text = typeof value === "string" ? value : String(JSON.stringify(value));
  const cut = text.length > 64 ? `${text.slice(0, 64)}…` : text;
  return JSON.stringify(cut).replace(INVISIBLE, escapeCodePoint);
}

/**
 * Why `value` is not a valid DB cluster identifier, naming it as `property` (the fleet checks each
 * element as `clusterIdentifiers[3]`); undefined when it is valid.
 */
export function checkIdentifier(
  value: unknown,
  property = "clusterIdentifier",
): string | undefined {
  if (typeof value !== "string" || value.length === 0)
    return `\`${property}\` is required (a string)`;
  if (value.length > 63 || !IDENTIFIER.test(value) || value.endsWith("-")) {
    return `\`${property}\` must be 1–63 letters, digits or hyphens, start with a letter, and not end with a hyphen or contain two consecutive hyphens; got ${shown(value)}`;
  }
  return undefined;
}

function checkOneOf(
  name: string,
  value: unknown,
  allowed: readonly string[],
  required: boolean,
): string | undefined {
  if (value === undefined && !required) return undefined;
  if (typeof value === "string" && allowed.includes(value)) return undefined;
  const choices = allowed.map((a) => `"${a}"`).join(", ");
  return `\`${name}\` must be one of ${choices}; got ${value === undefined ? "nothing" : shown(value)}`;
}

function checkPattern(
  name: string,
  value: unknown,
  pattern: RegExp,
  what: string,
): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value === "string" && pattern.test(value)) return undefined;
  return `\`${name}\` must be ${what}; got ${shown(value)}`;
}

function checkTimeout(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value === "number" && Number.isFinite(value) && value > 0) return undefined;
  return `\`timeoutMinutes\` must be a number greater than 0; got ${shown(value)}`;
}

/** The inputs every member of a fleet shares with a `ClusterPowerState`: all but the identifier. */
type SettingName = Exclude<keyof ClusterPowerStateInputs, "clusterIdentifier">;

const SETTING_CHECKS: Record<SettingName, (value: unknown) => string | undefined> = {
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
 * Validates and completes the inputs before any AWS call: returns a failure per bad property
 * (never throws), passes unknown preview values through, and fills in the defaults (`onDelete`
 * `restore`, `timeoutMinutes` 60, `region` from `aws:region` / `AWS_REGION`) so they are echoed in
 * the outputs and a later explicit default causes no diff.
 */
export function checkInputs(
  news: RawProperties,
  defaultRegion: string | undefined,
): CheckResult<RawProperties> {
  const failures: CheckFailure[] = [];
  const identifier = news.clusterIdentifier;
  const reason = isUnknown(identifier) ? undefined : checkIdentifier(identifier);
  if (reason) failures.push({ property: "clusterIdentifier", reason });
  const settings = checkSettings(news, defaultRegion);
  return { inputs: settings.inputs, failures: [...failures, ...(settings.failures ?? [])] };
}

/**
 * {@link checkInputs} without the identifier: `state`, `region`, `onDelete`, `timeoutMinutes`,
 * `profile` and `roleArn` checked, and their defaults filled in. A fleet shares these with every
 * member.
 */
export function checkSettings(
  news: RawProperties,
  defaultRegion: string | undefined,
): CheckResult<RawProperties> {
  const failures: CheckFailure[] = [];
  for (const [property, check] of Object.entries(SETTING_CHECKS)) {
    const value = news[property];
    if (isUnknown(value)) continue;
    const reason = check(value);
    if (reason) failures.push({ property, reason });
  }
  const inputs: RawProperties = { ...news };
  inputs.onDelete ??= DEFAULT_ON_DELETE;
  inputs.timeoutMinutes ??= DEFAULT_TIMEOUT_MINUTES;
  if (inputs.region === undefined) {
    if (defaultRegion !== undefined && REGION.test(defaultRegion)) inputs.region = defaultRegion;
    else failures.push({ property: "region", reason: noRegionReason(defaultRegion) });
  }
  return { inputs, failures };
}

function noRegionReason(defaultRegion: string | undefined): string {
  if (defaultRegion === undefined) {
    return "no AWS Region: set `region`, the stack's `aws:region` config, or AWS_REGION in the environment of `pulumi`";
  }
  return `the default AWS Region (from \`aws:region\` or AWS_REGION) is not a Region name; got ${shown(defaultRegion)}`;
}
