import type { DBCluster } from "@aws-sdk/client-rds";
import {
  ClusterNotFoundError,
  ClusterPowerError,
  ClusterStateError,
  ClusterTimeoutError,
  describeCluster,
} from "../errors";
import { planTransition, type PowerAction, type PowerState } from "../planTransition";
import type { ClusterPoller, Clock } from "../poller/clusterPoller";
import type { PollerSettings } from "../poller/pollerSettings";
import type { ClusterApi } from "../rds/clusterApi";
import { classifyRdsError, mentionsBlueGreen, sdkErrorMessage } from "../rds/classifyRdsError";
import { unsupportedClusterError } from "./assertStoppable";
import type { DurationModel } from "../poller/durationModel";
import { StatusTracker, type ProgressSink } from "./statusTracker";

/** Everything one converge needs; built per operation by the lifecycle functions. */
export interface ConvergeContext {
  clusterIdentifier: string;
  region: string;
  desired: PowerState;
  timeoutMinutes: number;
  api: ClusterApi;
  poller: ClusterPoller;
  durations: DurationModel;
  settings: PollerSettings;
  clock: Clock;
  random: () => number;
  progress: ProgressSink;
  /** The cluster as just described, if the caller has it (saves one describe). */
  initial?: DBCluster;
  /** Delete treats a cluster that disappears (or is being deleted) as done. */
  goneIsDone?: boolean;
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
        throw this.notFound();
      }
      const status = cluster.Status ?? "unknown";
      const plan = planTransition(status, this.ctx.desired);
      if (plan.kind === "done") return;
      if (plan.kind === "fail") throw this.stateError(`is \`${status}\`: ${plan.reason}`, status);
      cluster =
        plan.kind === "act"
          ? await this.act(plan.action, status)
          : await this.waitUntilActionable();
    }
  }

  private async act(action: PowerAction, fromStatus: string): Promise<DBCluster | undefined> {
    this.countAttempt(action);
    const { api, clusterIdentifier } = this.ctx;
    let response: DBCluster | undefined;
    try {
      response = await (action === "stop"
        ? api.stopCluster(clusterIdentifier)
        : api.startCluster(clusterIdentifier));
    } catch (error) {
      return this.handleRefusal(action, error);
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
      throw this.stateError(
        `kept returning to \`${status}\` after ${this.attempts - 1} attempts to call ${ACTION_NAMES[action]}; check what else starts or stops it`,
        status,
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
    if (kind === "invalid-state") {
      const delayMs = Math.min(
        this.ctx.settings.raceMaxDelayMs,
        this.ctx.settings.minIntervalMs * 2 ** this.attempts,
      );
      return this.observeAfter(delayMs);
    }
    const status = this.tracker.current;
    const fix =
      kind === "access-denied"
        ? "grant the permissions of `clusterPowerStatePolicy()` to the credentials (`profile`, `roleArn` or the default chain)"
        : "check the RDS console and run `pulumi up` again";
    throw new ClusterPowerError(
      `${describeCluster(clusterIdentifier, region)}: ${ACTION_NAMES[action]} failed: ${sdkErrorMessage(error)}; ${fix}`,
      this.details(status, error),
    );
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
      timeoutError: () => this.timeoutError(),
    });
  }

  private details(status: string | undefined, cause?: unknown) {
    const elapsedSeconds = Math.round((this.ctx.clock.now() - this.startedAt) / 1000);
    const { clusterIdentifier, region, desired } = this.ctx;
    return {
      clusterIdentifier,
      region,
      expected: desired,
      lastObservedStatus: status,
      elapsedSeconds,
      cause,
    };
  }

  private timeoutError(): ClusterTimeoutError {
    const status = this.tracker.current ?? "unknown";
    const { clusterIdentifier, region, timeoutMinutes, desired } = this.ctx;
    return new ClusterTimeoutError(
      `${describeCluster(clusterIdentifier, region)} is still \`${status}\` after ${formatMinutes(timeoutMinutes)} min ` +
        `(expected \`${desired}\`); raise \`timeoutMinutes\` or check the RDS console`,
      this.details(status),
    );
  }

  private stateError(what: string, status: string): ClusterStateError {
    const { clusterIdentifier, region } = this.ctx;
    return new ClusterStateError(
      `${describeCluster(clusterIdentifier, region)} ${what}`,
      this.details(status),
    );
  }

  private notFound(): ClusterNotFoundError {
    const { clusterIdentifier, region } = this.ctx;
    return new ClusterNotFoundError(
      `${describeCluster(clusterIdentifier, region)} was not found; check \`clusterIdentifier\`, \`region\` and the account of the credentials`,
      this.details(this.tracker.current),
    );
  }
}

function formatMinutes(minutes: number): string {
  return String(Math.round(minutes * 100) / 100);
}
