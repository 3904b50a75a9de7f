/**
 * The engine's sentinels for values not known yet (during `pulumi preview`): the string the Pulumi
 * SDK's `rpc.unknownValue` puts in place of any unknown in a property bag, and the typed sentinels
 * of the engine's `resource/properties.go` that `@pulumi/policy`'s proxy recognises.
 */

/** The unknown sentinel a dynamic provider's `check` / `diff` receives (`rpc.unknownValue`). */
export const UNKNOWN_VALUE = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

/** Every unknown sentinel of the engine, the one above included. */
export const UNKNOWN_SENTINELS: ReadonlySet<string> = new Set([
  "1c4a061d-8072-4f0a-a4cb-0ff528b18fe7",
  "3eeb2bf0-c639-47a8-9e75-3b44932eb421",
  UNKNOWN_VALUE,
  "6a19a0b0-7e62-4c92-b797-7f8e31da9cc2",
  "030794c1-ac77-496b-92df-f27374a8bd58",
  "e48ece36-62e2-4504-bad9-02848725956a",
  "dd056dcd-154b-4c76-9bd3-c8f88648b5ff",
]);

/** True when `value` is one of the engine's unknown sentinels. */
export function isUnknownSentinel(value: unknown): boolean {
  return typeof value === "string" && UNKNOWN_SENTINELS.has(value);
}
