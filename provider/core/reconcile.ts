import type { DBCluster } from "@aws-sdk/client-rds";
import type { PowerAction } from "../aurora/clusterStatus";
import { planTransition, type TransitionPlan } from "../aurora/planTransition";
import {
  asClusterError,
  keptReturningError,
  notFoundError,
  quotaExhaustedError,
  terminalStatusError,
  timeoutError,
  unansweredCallError,
  type TimedScope,
} from "./clusterErrors";
import { judgeRefusal } from "./judgeRefusal";
import { powerCall } from "./powerCall";
import type { Runtime } from "./runtime";
import type { ReconcileRequest, ReconcileResult } from "./reconcileRequest";
import { StatusTracker } from "./statusTracker";

export type { ReconcileRequest, ReconcileResult } from "./reconcileRequest";

/**
 * Drives one cluster to `desired`: observe, plan, act or wait, and plan again after every
 * observation, until the plan is `done`, the cluster is in a status no action can leave, or
 * `timeoutMinutes` runs out. Races (a refused call, a stale describe) are re-planned, bounded by
 * `maxRaceRetries`. Engine-agnostic: both Pulumi adapters call it, once per cluster.
 */
export async function reconcile(
  runtime: Runtime,
  request: ReconcileRequest,
): Promise<ReconcileResult> {
  const run = new Reconciliation(runtime, request);
  const ended = () => ({
    cluster: run.cluster,
    actionIssued: run.actionIssued,
    firstStatus: run.firstStatus,
    elapsedSeconds: (runtime.clock.now() - run.startedAt) / 1000,
  });
  try {
    await run.execute();
    return { reached: true, ...ended() };
  } catch (error) {
    const scope = { clusterIdentifier: request.displayName, region: request.region };
    const failure = asClusterError(error, scope, request.retry, runtime.endpointLabel);
    return { reached: false, ...ended(), error: failure };
  }
}

class Reconciliation {
  cluster: DBCluster | undefined;
  actionIssued = false;
  firstStatus: string | undefined;
  readonly startedAt: number;
  private readonly tracker: StatusTracker;
  private readonly deadlineAt: number;
  private attempts = 0;
  private stopAnnounced = false;
  private throttledAttempts = 0;
  /** The last `Throttling` answer to a power call, until a power call is accepted. */
  private throttling: Error | undefined;
  private readonly plans = new WeakMap<DBCluster, TransitionPlan>();

  constructor(
    private readonly runtime: Runtime,
    private readonly request: ReconcileRequest,
  ) {
    this.startedAt = runtime.clock.now();
    this.deadlineAt = this.startedAt + request.timeoutMinutes * 60_000;
    const label = `${request.displayName} (${request.region})`;
    const { durations, settings } = runtime;
    this.tracker = new StatusTracker(label, this.startedAt, durations, settings, request.progress);
  }

  async execute(): Promise<void> {
    let cluster = this.request.first;
    if (cluster) {
      this.cluster = cluster;
      this.tracker.observe(cluster.Status, this.startedAt);
    } else cluster = await this.observeAfter(0);
    this.firstStatus = cluster?.Status;
    for (;;) {
      if (!cluster || (this.request.goneIsDone && cluster.Status === "deleting")) {
        if (this.request.goneIsDone) return;
        throw notFoundError(this.scope());
      }
      const status = cluster.Status ?? "unknown";
      const plan = this.planOf(cluster);
      if (plan.kind === "done") return;
      if (plan.kind === "fail") throw terminalStatusError(this.scope(status), plan.reason);
      cluster =
        plan.kind === "act"
          ? await this.act(plan.action, status)
          : await this.waitUntilActionable();
    }
  }

  private async act(action: PowerAction, fromStatus: string): Promise<DBCluster | undefined> {
    if (action === "stop" && !this.stopAnnounced) {
      this.stopAnnounced = true;
      this.request.beforeStop?.(this.cluster);
    }
    this.countAttempt(action);
    const remainingMs = this.deadlineAt - this.runtime.clock.now();
    if (remainingMs <= 0) throw this.timedOut(undefined);
    const { clusterIdentifier } = this.request;
    const outcome = await powerCall(this.runtime, action, clusterIdentifier, remainingMs);
    if (outcome.kind === "refused") return this.handleRefusal(action, outcome.error);
    if (outcome.kind === "unsent")
      throw quotaExhaustedError(this.scope(), this.throttling ?? outcome.error);
    // RDS may have received it: count it as issued, so the engine keeps the resource.
    this.actionIssued = true;
    if (outcome.kind === "unanswered")
      throw unansweredCallError(this.scope(), action, outcome.error);
    const response = outcome.cluster;
    this.throttling = undefined;
    const now = this.runtime.clock.now();
    if (response) this.cluster = response;
    this.tracker.observe(
      response?.Status ?? (action === "stop" ? "stopping" : "starting"),
      now,
      true,
    );
    return this.waitUntilActionable({ status: fromStatus, at: now });
  }

  private countAttempt(action: PowerAction): void {
    this.attempts += 1;
    if (this.attempts > this.runtime.settings.maxRaceRetries + 1) {
      throw keptReturningError(this.scope(), action, this.attempts - 1);
    }
  }

  /** A refused power call: re-plan after a back-off, or fail (see {@link judgeRefusal}). */
  private handleRefusal(action: PowerAction, error: unknown): Promise<DBCluster | undefined> {
    const retriesLeft = this.attempts <= this.runtime.settings.maxRaceRetries;
    const step = judgeRefusal(error, action, this.scope(), retriesLeft);
    if (step.kind === "fail") throw step.error;
    if (step.kind === "gone") return Promise.resolve(undefined);
    if (step.throttled) {
      // The account's quota, not a race: the attempt does not count against `maxRaceRetries`.
      this.attempts -= 1;
      this.throttledAttempts += 1;
      this.throttling = error as Error;
    }
    if (step.maybeApplied) this.actionIssued = true;
    return this.observeAfter(this.raceDelayMs());
  }

  /** Back-off before re-planning after a refused call: doubling, from the poll interval. */
  private raceDelayMs(): number {
    const { raceMaxDelayMs, minIntervalMs } = this.runtime.settings;
    return Math.min(raceMaxDelayMs, minIntervalMs * 2 ** (this.attempts + this.throttledAttempts));
  }

  /** One describe (batched with every other wait) after `delayMs`. */
  private observeAfter(delayMs: number): Promise<DBCluster | undefined> {
    return this.wait(delayMs, () => true);
  }

  /** Waits until the plan is no longer `wait`, ignoring a stale pre-action status for a grace period. */
  private waitUntilActionable(stale?: {
    status: string;
    at: number;
  }): Promise<DBCluster | undefined> {
    const { clock, random, settings } = this.runtime;
    const firstDelayMs = this.tracker.nextDelayMs(clock.now(), random());
    // Describes are eventually consistent: right after an accepted call they may still show the
    // status from before it (DESIGN.md §1). Such an answer is no observation at all: it must not
    // trigger a second call, be reported as progress, or teach the duration model.
    const isStale = (cluster: DBCluster, now: number) =>
      stale !== undefined &&
      (cluster.Status ?? "unknown") === stale.status &&
      now - stale.at < settings.staleGraceMs;
    return this.wait(firstDelayMs, (cluster) => this.planOf(cluster).kind !== "wait", isStale);
  }

  /** The plan for one observation, made once: the wait and the loop both read it. */
  private planOf(cluster: DBCluster): TransitionPlan {
    let plan = this.plans.get(cluster);
    if (!plan) {
      plan = planTransition(cluster.Status ?? "unknown", this.request.desired);
      this.plans.set(cluster, plan);
    }
    return plan;
  }

  private wait(
    firstDelayMs: number,
    accept: (cluster: DBCluster) => boolean,
    isStale: (cluster: DBCluster, now: number) => boolean = () => false,
  ): Promise<DBCluster | undefined> {
    const { poller, random } = this.runtime;
    return poller.waitFor({
      clusterIdentifier: this.request.clusterIdentifier,
      firstDelayMs,
      deadlineAt: this.deadlineAt,
      observe: (cluster, now) => {
        if (cluster !== undefined && isStale(cluster, now)) return false;
        this.cluster = cluster;
        this.tracker.observe(cluster?.Status, now);
        return cluster === undefined || accept(cluster);
      },
      nextDelayMs: (now) => {
        this.tracker.heartbeat(now);
        return this.tracker.nextDelayMs(now, random());
      },
      timeoutError: (_described, throttling) => this.timedOut(throttling),
    });
  }

  /**
   * `timeoutMinutes` ran out: because RDS kept throttling this cluster's last describe or power
   * call (the account's request quota), or because the cluster did not get there in time.
   */
  private timedOut(describeThrottling: Error | undefined): Error {
    const throttling = describeThrottling ?? this.throttling;
    return throttling ? quotaExhaustedError(this.scope(), throttling) : timeoutError(this.scope());
  }

  /** What a failure message names, as of now. */
  private scope(status: string | undefined = this.tracker.current): TimedScope {
    const elapsedSeconds = Math.round((this.runtime.clock.now() - this.startedAt) / 1000);
    const { displayName: clusterIdentifier, region, desired, timeoutMinutes, retry } = this.request;
    const endpointLabel = this.runtime.endpointLabel;
    return {
      clusterIdentifier,
      region,
      desired,
      timeoutMinutes,
      status,
      endpointLabel,
      elapsedSeconds,
      retry,
    };
  }
}
