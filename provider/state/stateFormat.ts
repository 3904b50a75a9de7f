/**
 * The stored state of each resource type is a versioned format. The serialized `__provider` always
 * runs the newest installed implementation, so it reads every older format, and refuses a newer
 * one, written by a later aurora-power, instead of misreading it.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { isBag, textOf, type RawProperties } from "./properties";

/** Format of `ClusterPowerState`'s outputs. 1: 0.1.0 and later. */
export const SCHEMA_VERSION = 1;

/** Format of `ClusterFleetPowerState`'s outputs. 1: its first release. */
export const FLEET_SCHEMA_VERSION = 1;

/** The installed package's version, which every state this code writes records in `writtenBy`. */
export const PACKAGE_VERSION = findPackageVersion(__dirname);

function findPackageVersion(start: string): string {
  // From provider/state (sources) or dist/provider/state (built): the nearest package.json of ours.
  for (let dir = start; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    try {
      const manifest: unknown = JSON.parse(readFileSync(path.join(dir, "package.json"), "utf8"));
      if (
        isBag(manifest) &&
        manifest.name === "aurora-power" &&
        typeof manifest.version === "string"
      )
        return manifest.version;
    } catch {
      // No package.json here (or not ours): keep walking up.
    }
  }
  return "unknown";
}

/** A stored state written by a later aurora-power, in a format this one cannot read. */
export class NewerStateError extends Error {
  constructor(
    resource: string,
    id: string,
    version: number,
    supported: number,
    writtenBy?: string,
  ) {
    const by = writtenBy ? `aurora-power ${writtenBy}` : "a newer aurora-power";
    const install = writtenBy
      ? `aurora-power ${writtenBy} or later (\`npm install aurora-power@^${writtenBy}\`)`
      : "the newest aurora-power (`npm install aurora-power@latest`)";
    super(
      `the state of ${resource} \`${id}\` was written by ${by} (state format ${version}); the installed aurora-power ${PACKAGE_VERSION} reads formats up to ${supported}. ` +
        `Install ${install} in the program's directory and run the command again; nothing was changed`,
    );
    this.name = "NewerStateError";
  }
}

/** Which resource type a stored bag belongs to, and the newest format this code reads for it. */
export interface StateKind {
  resource: "ClusterPowerState" | "ClusterFleetPowerState";
  current: number;
}

/** `ClusterPowerState`'s format. */
export const POWER_STATE_FORMAT: StateKind = {
  resource: "ClusterPowerState",
  current: SCHEMA_VERSION,
};

/** `ClusterFleetPowerState`'s format. */
export const FLEET_FORMAT: StateKind = {
  resource: "ClusterFleetPowerState",
  current: FLEET_SCHEMA_VERSION,
};

/**
 * Reads stored properties in any format this code knows into the current one, or throws
 * {@link NewerStateError}. A bag without `schemaVersion` holds inputs only (a resource whose first
 * operation recorded nothing else): it is current. Format 1 is the only one so far; a future
 * format adds its migration here, from the version it replaces.
 */
export function upgradeState(kind: StateKind, id: string, props: RawProperties): RawProperties {
  const version = props.schemaVersion;
  if (typeof version === "number" && version > kind.current)
    throw new NewerStateError(kind.resource, id, version, kind.current, textOf(props, "writtenBy"));
  return props;
}

/** The fields every stored state carries about its own format. */
export function formatFields(kind: StateKind): { schemaVersion: number; writtenBy: string } {
  return { schemaVersion: kind.current, writtenBy: PACKAGE_VERSION };
}
