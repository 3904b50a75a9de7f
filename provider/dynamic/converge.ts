import type { DBCluster } from "@aws-sdk/client-rds";
import { ClusterPowerError, type ClusterTimeoutError, describeCluster } from "../errors";
import { planTransition } from "../aurora/planTransition";
import { type PowerAction, type PowerState } from "../aurora/clusterStatus";
import {
  classifyRdsError,
  isTransientError,
  mayHaveBeenApplied,
  mentionsBlueGreen,
  sdkErrorMessage,
} from "../rds/classifyRdsError";
import { abortAfter, untilAborted } from "../poller/deadlineSignal";
import { unsupportedClusterError } from "./assertStoppable";
import { StatusTracker } from "./statusTracker";
import type { Runtime } from "./runtime";
import {
  failureDetails,
  notFoundError,
  stateError,
  timeoutError,
  unansweredCallError,
  type FailureScope,
} from "./convergeErrors";

/** Everything one converge needs; built per operation by the lifecycle functions. */
export interface ConvergeContext extends Omit<Runtime, "endpointLabel"> {
  clusterIdentifier: string;
  region: string;
  desired: PowerState;
  timeoutMinutes: number;
  /** The cluster as just described, if the caller has it (saves one describe). */
  initial?: DBCluster;
  /** Delete treats a cluster that disappears (or is being deleted) as done. */
  goneIsDone?: boolean;
  /** The RDS endpoint as messages show it (see `endpointLabel`). */
  endpointLabel?: string;
}

/** What a converge did, readable after it throws (to decide on a partial failure). */
export interface ConvergeOutcome {
  actionIssued: boolean;
  /** The cluster as last seen; undefined when it does not exist. */
  cluster: DBCluster | undefined;
}

const ACTION_NAMES: Record<PowerAction, string> = {
  stop: "StopDBCluster",
  start: "StartDBCluster",
};

/**
 * Drives one cluster to `ctx.desired`: observe, plan, act or wait, and plan again after every
 * observation, until the plan is `done`, the cluster is in a status no action can leave, or
 * `timeoutMinutes` runs out. Races (a refused call, a stale describe) are re-planned, bounded by
 * `maxRaceRetries`.
 */
export async function converge(ctx: ConvergeContext, outcome: ConvergeOutcome): Promise<void> {
  const startedAt = ctx.clock.now();
  const run = new ConvergeRun(ctx, outcome, startedAt);
  await run.execute();
}

class ConvergeRun {
  private readonly tracker: StatusTracker;
  private readonly deadlineAt: number;
  private attempts = 0;

  constructor(
    private readonly ctx: ConvergeContext,
    private readonly outcome: ConvergeOutcome,
    private readonly startedAt: number,
  ) {
    const label = `${ctx.clusterIdentifier} (${ctx.region})`;
    this.tracker = new StatusTracker(label, startedAt, ctx.durations, ctx.settings, ctx.progress);
    this.deadlineAt = startedAt + ctx.timeoutMinutes * 60_000;
  }

  async execute(): Promise<void> {
    let cluster = this.ctx.initial;
    if (cluster) this.tracker.observe(cluster.Status, this.startedAt);
    else cluster = await this.observeAfter(0);
    for (;;) {
      if (!cluster || (this.ctx.goneIsDone && cluster.Status === "deleting")) {
        if (this.ctx.goneIsDone) return;
        throw notFoundError(this.scope());
      }
      const status = cluster.Status ?? "unknown";
      const plan = planTransition(status, this.ctx.desired);
      if (plan.kind === "done") return;
      if (plan.kind === "fail")
        throw stateError(this.scope(status), `is \`${status}\`: ${plan.reason}`);
      cluster =
        plan.kind === "act"
          ? await this.act(plan.action, status)
          : await this.waitUntilActionable();
    }
  }

  private async act(action: PowerAction, fromStatus: string): Promise<DBCluster | undefined> {
    this.countAttempt(action);
    const { api, clusterIdentifier } = this.ctx;
    const remainingMs = this.deadlineAt - this.ctx.clock.now();
    if (remainingMs <= 0) throw timeoutError(this.scope());
    // The call, SDK retries included, may take no longer than what is left of `timeoutMinutes`.
    const deadline = abortAfter(remainingMs);
    let response: DBCluster | undefined;
    try {
      const call =
        action === "stop"
          ? api.stopCluster(clusterIdentifier, deadline.signal)
          : api.startCluster(clusterIdentifier, deadline.signal);
      response = await untilAborted(call, deadline.signal);
    } catch (error) {
      if (deadline.signal.aborted) throw this.unansweredError(action, error);
      return this.handleRefusal(action, error);
    } finally {
      deadline.cancel();
    }
    this.outcome.actionIssued = true;
    const now = this.ctx.clock.now();
    const status = response?.Status ?? (action === "stop" ? "stopping" : "starting");
    if (response) this.outcome.cluster = response;
    this.tracker.observe(status, now, true);
    return this.waitUntilActionable({ status: fromStatus, at: now });
  }

  private countAttempt(action: PowerAction): void {
    this.attempts += 1;
    if (this.attempts > this.ctx.settings.maxRaceRetries + 1) {
      const status = this.tracker.current ?? "unknown";
      throw stateError(
        this.scope(status),
        `kept returning to \`${status}\` after ${this.attempts - 1} attempts to call ${ACTION_NAMES[action]}; check what else starts or stops it`,
      );
    }
  }

  /** A refused power call: re-describe and re-plan after a back-off when it is a state race. */
  private async handleRefusal(action: PowerAction, error: unknown): Promise<DBCluster | undefined> {
    const kind = classifyRdsError(error);
    const { clusterIdentifier, region } = this.ctx;
    if (kind === "not-found") return undefined;
    if (kind === "not-eligible" || (kind === "invalid-state" && mentionsBlueGreen(error))) {
      const why = `RDS refused ${ACTION_NAMES[action]}: ${sdkErrorMessage(error)}`;
      throw unsupportedClusterError(
        clusterIdentifier,
        region,
        { why, fix: "leave it running" },
        error,
      );
    }
    if (kind === "invalid-state") return this.observeAfter(this.raceDelayMs());
    if (kind === "other" && isTransientError(error)) {
      // Throttling or a 5xx still failing after the SDK's retries (or no answer at all): like a
      // state race, re-describe and re-plan after a back-off. A call without a clear refusal may
      // have been carried out: count it as issued, so a later failure is a partial failure.
      if (mayHaveBeenApplied(error)) this.outcome.actionIssued = true;
      if (this.attempts <= this.ctx.settings.maxRaceRetries)
        return this.observeAfter(this.raceDelayMs());
    }
    const status = this.tracker.current;
    const fix =
      kind === "access-denied"
        ? "grant the permissions of `clusterPowerStatePolicy()` to the credentials (`profile`, `roleArn` or the default chain)"
        : "check the RDS console and run `pulumi up` again";
    throw new ClusterPowerError(
      `${describeCluster(clusterIdentifier, region)}: ${ACTION_NAMES[action]} failed: ${sdkErrorMessage(error)}; ${fix}`,
      failureDetails(this.scope(status), error),
    );
  }

  /** Back-off before re-planning after a refused call: doubling, from the poll interval. */
  private raceDelayMs(): number {
    const { raceMaxDelayMs, minIntervalMs } = this.ctx.settings;
    return Math.min(raceMaxDelayMs, minIntervalMs * 2 ** this.attempts);
  }

  /**
   * A power call cut at the deadline: RDS may have received it, so it counts as issued (the engine
   * records a partial failure and the next `pulumi up` re-describes and converges).
   */
  private unansweredError(action: PowerAction, cause: unknown): ClusterTimeoutError {
    this.outcome.actionIssued = true;
    return unansweredCallError(this.scope(), ACTION_NAMES[action], cause);
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
    const { desired, settings } = this.ctx;
    const firstDelayMs = this.tracker.nextDelayMs(this.ctx.clock.now(), this.ctx.random());
    // Describes are eventually consistent: right after an accepted call they may still show the
    // status from before it (DESIGN.md §1). Such an answer is no observation at all: it must not
    // trigger a second call, be reported as progress, or teach the duration model.
    const isStale = (cluster: DBCluster, now: number) =>
      stale !== undefined &&
      (cluster.Status ?? "unknown") === stale.status &&
      now - stale.at < settings.staleGraceMs;
    return this.wait(
      firstDelayMs,
      (cluster) => planTransition(cluster.Status ?? "unknown", desired).kind !== "wait",
      isStale,
    );
  }

  private wait(
    firstDelayMs: number,
    accept: (cluster: DBCluster, now: number) => boolean,
    isStale: (cluster: DBCluster, now: number) => boolean = () => false,
  ): Promise<DBCluster | undefined> {
    return this.ctx.poller.waitFor({
      clusterIdentifier: this.ctx.clusterIdentifier,
      firstDelayMs,
      deadlineAt: this.deadlineAt,
      observe: (cluster, now) => {
        if (cluster !== undefined && isStale(cluster, now)) return false;
        this.outcome.cluster = cluster;
        this.tracker.observe(cluster?.Status, now);
        return cluster === undefined || accept(cluster, now);
      },
      nextDelayMs: (now) => this.tracker.nextDelayMs(now, this.ctx.random()),
      timeoutError: () => timeoutError(this.scope()),
    });
  }

  /** What a failure message names, as of now. */
  private scope(status: string | undefined = this.tracker.current): FailureScope {
    const elapsedSeconds = Math.round((this.ctx.clock.now() - this.startedAt) / 1000);
    return { ...this.ctx, status, elapsedSeconds };
  }
}
