/**
 * Which resource holds which cluster in this run. The Pulumi engine starts one dynamic provider
 * process per operation and sends it every resource of the stack, so module state here sees the
 * whole run: `check` claims each cluster for the resource that declares it, and a release (a
 * delete, a cluster leaving a fleet) consults the claims before undoing anything.
 */
import type { PowerState } from "../aurora/clusterStatus";

/** A resource of the stack, as messages name it. */
export interface Holder {
  kind: "ClusterPowerState" | "ClusterFleetPowerState";
  /** The resource's name in the program; undefined for a state written before names were recorded. */
  name: string | undefined;
  /** Whether the program passed the cluster identifier(s) as a secret. */
  secret?: boolean;
}

/**
 * How messages and progress name a cluster: its identifier, or for a secret one a placeholder
 * naming the resource (and the member's place in a fleet), never the identifier itself.
 */
export function displayNameOf(
  clusterIdentifier: string,
  holder: Holder,
  memberIndex?: number,
): string {
  if (!holder.secret) return clusterIdentifier;
  const place = memberIndex === undefined ? "" : `[${memberIndex}]`;
  return `(secret: ${holder.name ?? "unnamed"}${place})`;
}

const claims = new Map<string, Holder>();
const handovers = new Map<string, PowerState>();

function keyOf(region: string, clusterIdentifier: string): string {
  return `${region}/${clusterIdentifier.toLowerCase()}`;
}

function same(a: Holder, b: Holder): boolean {
  return a.kind === b.kind && a.name === b.name;
}

/**
 * Claims a cluster for `holder` in this run; returns the other resource that claimed it first, if
 * any (two resources must not hold one cluster: they would undo each other on every `pulumi up`).
 */
export function claimCluster(
  region: string,
  clusterIdentifier: string,
  holder: Holder,
): Holder | undefined {
  const key = keyOf(region, clusterIdentifier);
  const first = claims.get(key);
  if (first && !same(first, holder)) return first;
  claims.set(key, holder);
  return undefined;
}

/**
 * The resource that holds the cluster in this run if it is not `releaser`: a release must then
 * leave the cluster alone (a rename or a move: the new holder was created before the old one is
 * deleted, and restoring would undo what the new holder holds). The releaser's `initialState` is
 * handed over to a later adoption of the cluster in this run.
 */
export function takenOverBy(
  region: string,
  clusterIdentifier: string,
  releaser: Holder,
  initialState: PowerState | undefined,
): Holder | undefined {
  const key = keyOf(region, clusterIdentifier);
  const holder = claims.get(key);
  if (!holder || same(holder, releaser)) return undefined;
  if (initialState) handovers.set(key, initialState);
  return holder;
}

/** The `initialState` a released holder handed over for this cluster in this run, taken once. */
export function takeHandover(region: string, clusterIdentifier: string): PowerState | undefined {
  const key = keyOf(region, clusterIdentifier);
  const state = handovers.get(key);
  handovers.delete(key);
  return state;
}

/** Forgets every claim (tests: one process runs many operations). */
export function resetHolders(): void {
  claims.clear();
  handovers.clear();
}
