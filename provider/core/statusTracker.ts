import { formatElapsed } from "./messages";
import type { DurationModel } from "../poller/durationModel";
import { nextPollDelayMs } from "../poller/nextPollDelay";
import type { PollerSettings } from "../poller/pollerSettings";

/**
 * Where progress messages go: in the provider process an ephemeral engine log line, shown while
 * the operation runs and left out of the CLI's final Diagnostics. `status` is the status the
 * message reports (`not found` when the cluster is gone), for sinks that summarize many clusters
 * instead of logging each line (a fleet).
 */
export type ProgressSink = (message: string, status?: string) => void;

/**
 * Where the lines worth keeping go (what an operation did to a cluster, what `pulumi up` will do,
 * a check it had to skip): in the provider process an engine log line kept in the Diagnostics.
 */
export type NoteSink = (message: string) => void;

/**
 * Follows one cluster's status during an operation: reports progress (on every status change and
 * every `progressIntervalMs` while waiting), teaches the {@link DurationModel} how long statuses
 * last, and picks the next poll delay.
 */
export class StatusTracker {
  private status: string | undefined;
  private statusSince = 0;
  /** Whether the current status was seen (or caused) from its beginning: only then it is learned. */
  private sawBeginning = false;
  private lastProgressAt = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly label: string,
    private readonly startedAt: number,
    private readonly durations: DurationModel,
    private readonly settings: PollerSettings,
    private readonly progress: ProgressSink,
  ) {}

  /** The status last seen. */
  get current(): string | undefined {
    return this.status;
  }

  /** Records an observation (`undefined` status: the cluster is gone). */
  observe(status: string | undefined, now: number, causedByAction = false): void {
    if (status !== this.status) {
      if (this.status !== undefined && this.sawBeginning)
        this.durations.record(this.status, now - this.statusSince);
      this.sawBeginning = this.status !== undefined || causedByAction;
      this.status = status;
      this.statusSince = now;
      this.report(now);
    } else if (now - this.lastProgressAt >= this.settings.progressIntervalMs) {
      this.report(now);
    }
  }

  /**
   * Called after every describe tick of the wait, answered or not: reports the last status again
   * once `progressIntervalMs` has passed without a report, so a wait whose describes keep failing
   * (throttling) still shows it is alive.
   */
  heartbeat(now: number): void {
    if (now - this.lastProgressAt >= this.settings.progressIntervalMs) this.report(now);
  }

  private report(now: number): void {
    this.lastProgressAt = now;
    const elapsed = formatElapsed((now - this.startedAt) / 1000);
    const status = this.status ?? "not found";
    this.progress(`${this.label}: ${status}, ${elapsed}`, status);
  }

  /** Delay before the next describe, from how long the current status is expected to last. */
  nextDelayMs(now: number, random: number): number {
    const status = this.status ?? "unknown";
    const timing = {
      sinceStatusMs: now - this.statusSince,
      expectedMs: this.durations.expectedMs(status),
      learned: this.durations.isLearned(status),
    };
    return nextPollDelayMs(timing, this.settings, random);
  }
}
