import { randomUUID } from "node:crypto";
import type { RawProperties } from "../dynamic/checkInputs";
import { resolveInputs, resourceId, type ResolvedInputs } from "../dynamic/outputs";

/** What every member of a fleet shares: a `ClusterPowerState`'s resolved inputs but the identifier. */
export type FleetSettings = Omit<ResolvedInputs, "clusterIdentifier">;

/** A fleet's inputs with defaults applied, the Region resolved and the identifiers normalized. */
export type FleetInputs = FleetSettings & {
  /** Lowercase (RDS stores identifiers lowercase), without duplicates, sorted. */
  clusterIdentifiers: string[];
};

/** Identifiers as a fleet keeps them: strings only, lowercase, each once, sorted. */
export function normalizeIdentifiers(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  const ids = value
    .filter((v): v is string => typeof v === "string" && v !== "")
    .map((v) => v.toLowerCase());
  return [...new Set(ids)].sort();
}

/**
 * Reads a fleet's inputs (or stored outputs) with the same defaults as `ClusterPowerState`; the ID
 * (`<region>/fleet/<uuid>`) fills in the Region of a property bag that lacks it.
 */
export function resolveFleetInputs(
  props: RawProperties,
  defaultRegion: string | undefined,
  id?: string,
): FleetInputs {
  const resolved = resolveInputs(props, defaultRegion, id);
  const inputs: FleetInputs = {
    clusterIdentifiers: normalizeIdentifiers(props.clusterIdentifiers),
    state: resolved.state,
    region: resolved.region,
    onDelete: resolved.onDelete,
    timeoutMinutes: resolved.timeoutMinutes,
  };
  if (resolved.profile) inputs.profile = resolved.profile;
  if (resolved.roleArn) inputs.roleArn = resolved.roleArn;
  return inputs;
}

/** The inputs of one member: the fleet's settings and its identifier, as a `ClusterPowerState`'s. */
export function memberInputs(inputs: FleetInputs, clusterIdentifier: string): RawProperties {
  const { state, region, onDelete, timeoutMinutes, profile, roleArn } = inputs;
  const member: RawProperties = { clusterIdentifier, state, region, onDelete, timeoutMinutes };
  if (profile) member.profile = profile;
  if (roleArn) member.roleArn = roleArn;
  return member;
}

/** The ID the per-cluster lifecycle functions know a member by (`<region>/<identifier>`). */
export function memberId(inputs: FleetInputs, clusterIdentifier: string): string {
  return resourceId({ region: inputs.region, clusterIdentifier });
}

/**
 * A new fleet's ID. It names the Region (for `read` of a bag without it) but not the members, which
 * change by update; the UUID keeps two fleets of one Region apart.
 */
export function newFleetId(region: string): string {
  return `${region}/fleet/${randomUUID()}`;
}
