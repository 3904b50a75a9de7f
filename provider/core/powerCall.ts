import type { DBCluster } from "@aws-sdk/client-rds";
import type { PowerAction } from "../aurora/clusterStatus";
import { deadlineSignal, untilAborted } from "../poller/deadlineSignal";
import type { Runtime } from "./runtime";

/** How one StopDBCluster / StartDBCluster, bounded by what is left of `timeoutMinutes`, ended. */
export type PowerCallOutcome =
  | { kind: "answered"; cluster: DBCluster | undefined }
  /** RDS (or the SDK) refused it before the deadline: the reconciler judges the refusal. */
  | { kind: "refused"; error: unknown }
  /** The deadline came while it waited for its share of the request quota: never sent. */
  | { kind: "unsent"; error: unknown }
  /** The deadline came while it was in flight: RDS may have carried it out. */
  | { kind: "unanswered"; error: unknown };

/**
 * Sends one power call that may take, SDK retries and the wait for a rate-limiter token included,
 * no longer than `remainingMs`.
 */
export async function powerCall(
  runtime: Pick<Runtime, "api" | "limiter">,
  action: PowerAction,
  clusterIdentifier: string,
  remainingMs: number,
): Promise<PowerCallOutcome> {
  const signal = deadlineSignal(remainingMs);
  try {
    const { api } = runtime;
    const call =
      action === "stop"
        ? api.stopCluster(clusterIdentifier, signal)
        : api.startCluster(clusterIdentifier, signal);
    return { kind: "answered", cluster: await untilAborted(call, signal) };
  } catch (error) {
    if (!signal.aborted) return { kind: "refused", error };
    // The limiter marks a call it gave up before the call's own abort handling runs.
    const unsent = runtime.limiter?.neverSent(signal) ?? false;
    return { kind: unsent ? "unsent" : "unanswered", error };
  }
}
