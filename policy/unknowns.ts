import * as policySdk from "@pulumi/policy";
// The engine's sentinels (pulumi/sdk `resource/properties.go`, mirrored by @pulumi/policy's
// `proxy.js`). The policy SDK's proxy throws when one is read; values built by hand (unit tests,
// the bench) carry the raw sentinel, so both forms are recognised.
import { UNKNOWN_VALUE, isUnknownSentinel } from "../provider/aurora/unknownValue";

/**
 * A property whose value the engine cannot know yet (during `pulumi preview` it depends on another
 * resource's outputs). Rules keep evaluating the rest of the stack and report what they could not
 * decide at the end with `throwUndecided`.
 */
export class UnknownValue {
  /** @param path Dotted path of the unknown property, e.g. `clusterIdentifier`. */
  constructor(readonly path: string) {}
}

/** A value read from resource properties: known, unknown at preview, or absent (`undefined`). */
export type Maybe<T> = T | UnknownValue | undefined;

/**
 * The string sentinel, for tests that build preview-time properties by hand.
 *
 * @deprecated Use `UNKNOWN_VALUE` (provider/aurora/unknownValue), the same string.
 */
export const UNKNOWN_STRING = UNKNOWN_VALUE;

type UnknownValueErrorClass = new (sentinel: string, props: string[]) => Error;

/**
 * @pulumi/policy exports `UnknownValueError` at run time but its published typings omit it; the
 * server downgrades a check that throws it to an advisory "can't run … during preview" diagnostic.
 */
const UnknownValueError = (policySdk as unknown as { UnknownValueError: UnknownValueErrorClass })
  .UnknownValueError;

function isUnknownValueError(error: unknown): boolean {
  return error instanceof UnknownValueError;
}

/**
 * Reads `object[key]` without letting the policy SDK's unknown-checking proxy abort the whole rule:
 * an unknown value comes back as an {@link UnknownValue} carrying `path`.
 */
export function readProp(object: unknown, key: string, path: string = key): Maybe<unknown> {
  if (object === null || typeof object !== "object") {
    return undefined;
  }
  try {
    const value: unknown = (object as Record<string, unknown>)[key];
    return isUnknownSentinel(value) ? new UnknownValue(path) : value;
  } catch (error) {
    if (isUnknownValueError(error)) {
      return new UnknownValue(path);
    }
    throw error;
  }
}

/** Reads a string property; any other type counts as absent. */
export function readString(object: unknown, key: string, path: string = key): Maybe<string> {
  const value = readProp(object, key, path);
  return value instanceof UnknownValue || typeof value === "string" ? value : undefined;
}

/**
 * Reads a string-to-string map such as `tags`, entry by entry so a single unknown tag value does
 * not hide the known ones. Returns an {@link UnknownValue} when the whole map is unknown.
 */
export function readTags(object: unknown, key: string): Maybe<ReadonlyMap<string, Maybe<string>>> {
  const value = readProp(object, key);
  if (value === undefined || value instanceof UnknownValue) {
    return value;
  }
  if (value === null || typeof value !== "object") {
    return undefined;
  }
  const tags = new Map<string, Maybe<string>>();
  for (const tagKey of Object.keys(value)) {
    tags.set(tagKey, readString(value, tagKey, `${key}.${tagKey}`));
  }
  return tags;
}

/**
 * Ends a rule whose remaining checks depend on values unknown at preview. The policy SDK reports
 * the thrown error as an advisory diagnostic (after any violations already reported), and the
 * check runs again with real values at `pulumi up`. A reason repeated (members of one
 * `ClusterFleetPowerState` share its `state`) is given once.
 */
export function throwUndecided(reasons: readonly string[]): never {
  const error = new UnknownValueError(UNKNOWN_VALUE, ["?"]);
  const distinct = [...new Set(reasons)];
  error.message = `${distinct.join("; ")}; the check runs again when the values are known (\`pulumi up\`)`;
  throw error;
}
