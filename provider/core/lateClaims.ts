/**
 * Whether another resource of this run took a cluster over before it is released — waiting a
 * moment first for a member leaving a fleet.
 *
 * Why the wait: a cluster moved from a fleet into another resource reaches the provider as the
 * fleet's *update*, which the engine runs as soon as it has diffed the fleet — possibly before it
 * has sent the `check` of the new holder that the same program registers a moment later (a delete,
 * by contrast, runs after every create and update of the run). Without the wait the fleet would
 * restore the cluster (start it) and the new holder would stop it again: a start and a stop for a
 * cluster the stack says is stopped. The release itself then takes minutes; the wait is short.
 */
import type { PowerState } from "../aurora/clusterStatus";
import { timerSleep } from "../poller/clock";
import { takenOverBy, type Holder } from "./holders";
import type { Runtime } from "./runtime";

/** How long a member leaving a fleet waits for the `check` of a resource that takes it over. */
export const LATE_CLAIM_GRACE_MS = 3000;

/** The cluster being released and by whom (see `takenOverBy`). */
export interface Release {
  region: string;
  clusterIdentifier: string;
  releaser: Holder;
  initialState: PowerState | undefined;
  /** A member leaving a fleet in an update (not a delete): wait for late claims. */
  leavingFleet: boolean;
}

/** The resource that took the cluster over in this run, if any, after the wait a fleet update needs. */
export async function successorOf(
  runtime: Pick<Runtime, "sleep">,
  release: Release,
): Promise<Holder | undefined> {
  const { region, clusterIdentifier, releaser, initialState } = release;
  const now = takenOverBy(region, clusterIdentifier, releaser, initialState);
  if (now || !release.leavingFleet) return now;
  await (runtime.sleep ?? timerSleep)(LATE_CLAIM_GRACE_MS, new AbortController().signal);
  return takenOverBy(region, clusterIdentifier, releaser, initialState);
}
