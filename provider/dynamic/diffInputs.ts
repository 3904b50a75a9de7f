import type { DiffResult } from "@pulumi/pulumi/dynamic";
import { DEFAULT_ON_DELETE, DEFAULT_TIMEOUT_MINUTES } from "../types";
import { isUnknown, type RawProperties } from "./checkInputs";

/** Inputs whose change means another cluster: the old resource is deleted first, then created. */
const IDENTITY_FIELDS = ["clusterIdentifier", "region"] as const;

/** Inputs that change behaviour but not the cluster; `state` converges, the others make no call. */
const OTHER_FIELDS = ["state", "onDelete", "timeoutMinutes", "profile", "roleArn"] as const;

/** An input `diffInputs` compares. */
export type InputField = (typeof IDENTITY_FIELDS)[number] | (typeof OTHER_FIELDS)[number];

/** The value a field effectively has, defaults applied (an older state may lack them). */
function effective(
  field: InputField,
  props: RawProperties,
  defaultRegion: string | undefined,
): unknown {
  const value = props[field];
  switch (field) {
    case "clusterIdentifier":
      // RDS stores identifiers lowercase: `Dev-Orders` and `dev-orders` are the same cluster.
      return typeof value === "string" && !isUnknown(value) ? value.toLowerCase() : value;
    case "region":
      return value ?? defaultRegion;
    case "onDelete":
      return value ?? DEFAULT_ON_DELETE;
    case "timeoutMinutes":
      return value ?? DEFAULT_TIMEOUT_MINUTES;
    default:
      return value;
  }
}

/**
 * Compares the stored outputs (`olds`, which echo the inputs) with the new inputs, field by field.
 * Sets `changes` explicitly (left undefined, the engine would diff every input, `__provider`
 * included). An unknown value at preview counts as a change, and as a replacement for an identity
 * field: the safe prediction.
 */
export function diffInputs(
  olds: RawProperties,
  news: RawProperties,
  defaultRegion: string | undefined,
): DiffResult {
  const changed = changedInputs([...IDENTITY_FIELDS, ...OTHER_FIELDS], olds, news, defaultRegion);
  const replaces = changed.filter((f): f is (typeof IDENTITY_FIELDS)[number] =>
    (IDENTITY_FIELDS as readonly string[]).includes(f),
  );
  return {
    changes: changed.length > 0,
    replaces,
    deleteBeforeReplace: replaces.length > 0,
  };
}

/**
 * The `fields` whose effective value (defaults applied, identifiers lowercase) differs between the
 * stored outputs and the new inputs; an unknown new value counts as changed. A fleet compares its
 * shared settings with it.
 */
export function changedInputs<F extends InputField>(
  fields: readonly F[],
  olds: RawProperties,
  news: RawProperties,
  defaultRegion: string | undefined,
): F[] {
  return fields.filter((field) => {
    const next = effective(field, news, defaultRegion);
    return isUnknown(next) || effective(field, olds, defaultRegion) !== next;
  });
}
