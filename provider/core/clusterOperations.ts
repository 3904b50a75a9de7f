/**
 * The four things the provider does to one cluster, engine-agnostic, each returning a typed
 * {@link OperationResult} (never throwing for a cluster's failure): adopt it (create), hold it in a
 * power state (update), release it as `onDelete` says (delete) and observe it (refresh). Both
 * Pulumi adapters call these, a fleet once per member.
 */
import type { DBCluster } from "@aws-sdk/client-rds";
import type { PowerState } from "../aurora/clusterStatus";
import { stopRefusals, type StopFacts } from "../aurora/stoppability";
import {
  ClusterNotFoundError,
  ClusterStateError,
  ClusterTimeoutError,
  UnsupportedClusterError,
} from "../errors";
import { COALESCE_WINDOW_MS } from "../poller/clusterPoller";
import type { RdsTarget } from "../rds/createRdsClient";
import { asClusterError } from "./clusterErrors";
import { gatherStopFacts } from "./gatherStopFacts";
import { initialStateOf, recordHolds, recordOf, type ClusterRecord } from "./clusterRecord";
import { warnOfKeepRunningTag } from "./keepRunningWarning";
import { takeHandover, type Holder } from "./holders";
import { successorOf } from "./lateClaims";
import { messages, type RetryCommand } from "./messages";
import { alreadyHeldLine, heldLine, releasedLine } from "./operationOutcome";
import type { PowerSettings } from "./powerSettings";
import { reconcile, type ReconcileResult } from "./reconcile";
import { failed, succeeded, type OperationResult } from "./operationResult";
import { runtimeFor } from "./runtime";
import type { ProgressSink } from "./statusTracker";

/** One cluster and the settings it is held with; the Region is known. */
export interface ClusterTarget extends RdsTarget {
  clusterIdentifier: string;
  /**
   * How messages and progress name the cluster: its identifier, or for a secret identifier a
   * placeholder naming the resource (`(secret: dev-power)`).
   */
  displayName: string;
  /** The resource that holds the cluster, when the stored state names it. */
  holder?: Holder;
  settings: PowerSettings & { region: string };
  /** Where progress goes; default the runtime's sink (`pulumi.log` in the provider process). */
  progress?: ProgressSink;
}

export { errorOf, type OperationResult } from "./operationResult";

/** One describe, batched with every other describe due in the same {@link COALESCE_WINDOW_MS}. */
async function describeOnce(
  target: ClusterTarget,
  retry: RetryCommand,
): Promise<DBCluster | undefined> {
  const runtime = runtimeFor(target);
  const { clusterIdentifier, settings } = target;
  const scope = { clusterIdentifier: target.displayName, region: settings.region };
  try {
    return await runtime.poller.waitFor({
      clusterIdentifier,
      firstDelayMs: COALESCE_WINDOW_MS,
      deadlineAt: runtime.clock.now() + settings.timeoutMinutes * 60_000,
      observe: () => true,
      nextDelayMs: () => runtime.settings.minIntervalMs,
      timeoutError: (described) => {
        const timed = { ...scope, ...settings, status: undefined, desired: settings.state };
        const { endpointLabel } = runtime;
        return described
          ? new Error(messages.describeUnanswered({ ...timed, endpointLabel }))
          : new ClusterTimeoutError(messages.noTimeForCall(timed), scope);
      },
    });
  } catch (error) {
    throw asClusterError(error, scope, retry, runtime.endpointLabel);
  }
}

function converge(
  target: ClusterTarget,
  desired: PowerState,
  first: DBCluster | undefined,
  goneIsDone: boolean,
) {
  const runtime = runtimeFor(target);
  const { clusterIdentifier, settings } = target;
  const scope = { clusterIdentifier: target.displayName, region: settings.region };
  return reconcile(runtime, {
    clusterIdentifier,
    displayName: target.displayName,
    region: settings.region,
    desired,
    timeoutMinutes: settings.timeoutMinutes,
    first,
    goneIsDone,
    retry: goneIsDone ? "pulumi destroy" : "pulumi up",
    progress: target.progress ?? runtime.progress,
    beforeStop: goneIsDone ? undefined : (c) => warnOfKeepRunningTag(runtime, desired, c, scope),
  });
}

/** The result of a reconcile, recording what was seen with `initialState`. */
function resultOf(result: ReconcileResult, record: ClusterRecord): OperationResult {
  if (result.reached) return succeeded(record);
  const error = result.error ?? new Error("reconcile failed without an error");
  const resumable = result.actionIssued || error instanceof ClusterTimeoutError;
  return { ok: false, record: resumable ? record : undefined, error, resumable };
}

/**
 * Adopts a cluster (create): describes it, refuses one RDS cannot stop before any change, records
 * the power state found as `initialState`, and converges it to `settings.state`.
 */
export async function adoptCluster(target: ClusterTarget): Promise<OperationResult> {
  const { clusterIdentifier, settings } = target;
  const scope = { clusterIdentifier: target.displayName, region: settings.region };
  let cluster: DBCluster | undefined;
  try {
    cluster = await describeOnce(target, "pulumi up");
  } catch (error) {
    return failed(error as Error);
  }
  if (!cluster) {
    const notFound = new ClusterNotFoundError(messages.notFound(scope), {
      ...scope,
      expected: settings.state,
    });
    return failed(notFound);
  }
  // Before any change: the global database's member count and Blue/Green deployments too.
  const runtime = runtimeFor(target);
  let facts: StopFacts;
  try {
    facts = await gatherStopFacts({ ...scope, retry: "pulumi up", runtime }, cluster);
  } catch (error) {
    return failed(error as Error);
  }
  const [refusal] = stopRefusals(facts);
  if (refusal)
    return failed(new UnsupportedClusterError(messages.unsupported(scope, refusal), scope));
  // A resource released in this run in favour of this one (a rename, a move) handed over the
  // state it had found the cluster in: that, not today's status, is what `restore` returns to.
  const initialState = takeHandover(settings.region, clusterIdentifier) ?? initialStateOf(cluster);
  const result = await converge(target, settings.state, cluster, false);
  if (result.reached) runtimeFor(target).note(heldLine(scope, result, settings.state));
  return resultOf(
    result,
    recordOf(result.cluster ?? cluster, initialState, undefined, settings.state),
  );
}

/**
 * Holds an adopted cluster in `settings.state` (update): no call when the record already holds
 * it, else converges. `previous` undefined: nothing is known of the cluster, describe it first.
 */
export async function holdCluster(
  target: ClusterTarget,
  previous: ClusterRecord | undefined,
): Promise<OperationResult> {
  const desired = target.settings.state;
  const scope = { clusterIdentifier: target.displayName, region: target.settings.region };
  const { note } = runtimeFor(target);
  if (recordHolds(previous, desired)) {
    note(alreadyHeldLine(scope, desired));
    return succeeded(previous);
  }
  const result = await converge(target, desired, undefined, false);
  if (result.reached) note(heldLine(scope, result, desired));
  const initialState = previous?.initialState ?? "running";
  return resultOf(result, recordOf(result.cluster, initialState, previous, desired));
}

/**
 * Releases a cluster as `onDelete` says (delete, or a member leaving a fleet: `leavingFleet`, see
 * `lateClaims`): `restore` returns it to the recorded `initialState`, `retain` makes no call; a
 * cluster gone or being deleted is done.
 */
export async function releaseCluster(
  target: ClusterTarget,
  record: ClusterRecord | undefined,
  leavingFleet = false,
): Promise<OperationResult> {
  const { onDelete, region } = target.settings;
  const scope = { clusterIdentifier: target.displayName, region };
  const runtime = runtimeFor(target);
  const { note } = runtime;
  if (onDelete === "retain") {
    note(messages.retained(scope));
    return succeeded(undefined);
  }
  const releaser = target.holder ?? { kind: "ClusterPowerState", name: undefined };
  const { clusterIdentifier } = target;
  const release = { region, clusterIdentifier, releaser, initialState: record?.initialState };
  const successor = await successorOf(runtime, { ...release, leavingFleet });
  if (successor) {
    note(messages.takenOver(scope, onDelete, releaser, successor));
    return succeeded(undefined);
  }
  const desired: PowerState =
    onDelete === "restore" ? (record?.initialState ?? "running") : onDelete;
  const result = await converge(target, desired, undefined, true);
  if (result.reached) {
    note(releasedLine(scope, onDelete, result, desired));
    return succeeded(undefined);
  }
  const error = result.error ?? new Error("release failed");
  // A status no power call can leave blocks the release: name the ways out of the deadlock.
  if (!(error instanceof ClusterStateError)) return failed(error);
  const blocked = messages.releaseBlocked(scope, error.message, onDelete);
  return failed(new ClusterStateError(blocked, { ...scope, cause: error }));
}

/**
 * Observes a cluster (refresh): its live status and the power state it amounts to, so drift (the
 * 7-day automatic start, a manual start) shows. Gone or being deleted: no record.
 */
export async function observeCluster(
  target: ClusterTarget,
  previous: ClusterRecord | undefined,
): Promise<OperationResult> {
  let cluster: DBCluster | undefined;
  try {
    cluster = await describeOnce(target, "pulumi refresh");
  } catch (error) {
    return failed(error as Error);
  }
  if (!cluster || cluster.Status === "deleting") return succeeded(undefined);
  const initialState = previous?.initialState ?? initialStateOf(cluster);
  return succeeded(recordOf(cluster, initialState, previous, target.settings.state));
}
