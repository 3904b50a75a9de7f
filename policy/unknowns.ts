import * as policySdk from "@pulumi/policy";

/**
 * A property whose value the engine cannot know yet (during `pulumi preview` it depends on another
 * resource's outputs). Rules keep evaluating the rest of the stack and report what they could not
 * decide at the end with {@link throwUndecided}.
 */
export class UnknownValue {
  /** @param path Dotted path of the unknown property, e.g. `clusterIdentifier`. */
  constructor(readonly path: string) {}
}

/** A value read from resource properties: known, unknown at preview, or absent (`undefined`). */
export type Maybe<T> = T | UnknownValue | undefined;

/**
 * The engine's sentinels for unknown values (pulumi/sdk `resource/properties.go`, mirrored by
 * @pulumi/policy's `proxy.js`). The policy SDK's proxy throws when one is read; values built by
 * hand (unit tests, the bench) carry the raw sentinel, so both forms are recognised.
 */
const UNKNOWN_SENTINELS: ReadonlySet<string> = new Set([
  "1c4a061d-8072-4f0a-a4cb-0ff528b18fe7",
  "3eeb2bf0-c639-47a8-9e75-3b44932eb421",
  "04da6b54-80e4-46f7-96ec-b56ff0331ba9",
  "6a19a0b0-7e62-4c92-b797-7f8e31da9cc2",
  "030794c1-ac77-496b-92df-f27374a8bd58",
  "e48ece36-62e2-4504-bad9-02848725956a",
  "dd056dcd-154b-4c76-9bd3-c8f88648b5ff",
]);

/** The string sentinel, exported for tests that build preview-time properties by hand. */
export const UNKNOWN_STRING = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

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

/** True when `value` is one of the engine's unknown sentinels. */
export function isUnknownSentinel(value: unknown): boolean {
  return typeof value === "string" && UNKNOWN_SENTINELS.has(value);
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
  const error = new UnknownValueError(UNKNOWN_STRING, ["?"]);
  const distinct = [...new Set(reasons)];
  error.message = `${distinct.join("; ")}; the check runs again when the values are known (\`pulumi up\`)`;
  throw error;
}
