import { Maybe, UnknownValue, readProp, readString } from "./unknowns";

/**
 * What a resource holding a cluster's power state (a `ClusterPowerState`, or one member of a
 * `ClusterFleetPowerState`) says about its Region and about what happens when it lets go.
 */
export interface HolderFacts {
  /** The `region` input (an output once created); absent means the provider's default. */
  region: Maybe<string>;
  /** The `onDelete` setting; absent means the default, `restore`. */
  onDelete: Maybe<string>;
  /**
   * The power state recorded at adoption (`initialState`, or a fleet's
   * `members.<id>.initialState`): an output, so stack checks see it once the resource exists and
   * resource checks (inputs only) never do.
   */
  initialState: Maybe<string>;
  /** Where `initialState` was read, quoted in messages. */
  initialStatePath: string;
}

/** Reads a `ClusterPowerState`'s {@link HolderFacts}. */
export function powerStateHolderFacts(props: unknown): HolderFacts {
  return {
    region: readString(props, "region"),
    onDelete: readString(props, "onDelete"),
    initialState: readString(props, "initialState"),
    initialStatePath: "initialState",
  };
}

/**
 * Reads the {@link HolderFacts} of one member of a `ClusterFleetPowerState`; its record is
 * `members.<lowercase identifier>` (absent until the fleet adopted it).
 */
export function fleetMemberHolderFacts(props: unknown, identifier: Maybe<string>): HolderFacts {
  const facts: HolderFacts = {
    region: readString(props, "region"),
    onDelete: readString(props, "onDelete"),
    initialState: undefined,
    initialStatePath: "members.<id>.initialState",
  };
  if (typeof identifier !== "string") {
    return facts;
  }
  const key = identifier.toLowerCase();
  const path = `members.${key}.initialState`;
  const members = readProp(props, "members");
  const record =
    members instanceof UnknownValue ? members : readProp(members, key, `members.${key}`);
  const initialState =
    record instanceof UnknownValue
      ? new UnknownValue(path)
      : readString(record, "initialState", path);
  return { ...facts, initialState, initialStatePath: path };
}

/**
 * How letting go of a cluster would stop it: `onDelete: "stopped"`, or `onDelete: "restore"` (the
 * default) when the state recorded at adoption is `stopped`. `undefined` when it would not (or when
 * the recorded state is not knowable: a resource check, or the preview of a new resource); an
 * {@link UnknownValue} when `onDelete` itself is unknown at preview.
 */
export type DeletionStop = "onDelete-stopped" | "restore-to-stopped";

/** The {@link DeletionStop} of a holder, if any. */
export function deletionStopOf(holder: HolderFacts): DeletionStop | UnknownValue | undefined {
  const onDelete = holder.onDelete ?? "restore";
  if (onDelete instanceof UnknownValue) {
    return onDelete;
  }
  if (onDelete === "stopped") {
    return "onDelete-stopped";
  }
  return onDelete === "restore" && holder.initialState === "stopped"
    ? "restore-to-stopped"
    : undefined;
}
