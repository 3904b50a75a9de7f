import type { RdsTarget } from "../rds/createRdsClient";
import { formatElapsed } from "./messages";
import type { Clock } from "../poller/clusterPoller";
import { runtimeFor } from "./runtime";
import type { ProgressSink } from "./statusTracker";

/** A member's place in the summary before anything was observed of it in this operation. */
export const NOT_YET_SEEN = "not yet described";

/** A member whose operation failed (its error is in the fleet's error). */
const FAILED = "failed";

/**
 * Progress of a whole fleet as one line. Each member's converge reports every status change and
 * every `progressIntervalMs` while it waits: for 200 clusters that is 200 lines per transition and
 * 200 more per minute of waiting, which buries everything else the CLI shows. The members' reports
 * come here instead, and one summary line (how many members are in which status) goes out at most
 * once per `progressIntervalMs`, plus a line when the operation starts and one when it ends.
 */
export class FleetProgress {
  private readonly statuses = new Map<string, string>();
  private readonly startedAt: number;
  private lastReportAt: number;

  constructor(
    private readonly label: string,
    initial: Iterable<readonly [string, string]>,
    private readonly clock: Clock,
    private readonly intervalMs: number,
    private readonly sink: ProgressSink,
  ) {
    for (const [id, status] of initial) this.statuses.set(id, status);
    this.startedAt = clock.now();
    this.lastReportAt = this.startedAt;
  }

  /** Announces the operation. */
  start(what: string): void {
    this.sink(`${this.label}: ${what}`);
  }

  /** The sink one member's lifecycle function reports to. */
  sinkFor(clusterIdentifier: string): ProgressSink {
    return (_message, status) => {
      if (status !== undefined) this.statuses.set(clusterIdentifier, status);
      if (this.clock.now() - this.lastReportAt >= this.intervalMs) this.report();
    };
  }

  /** Marks a member whose operation failed. */
  failed(clusterIdentifier: string): void {
    this.statuses.set(clusterIdentifier, FAILED);
  }

  /** The closing summary. */
  finish(): void {
    this.report("done");
  }

  /** `150 stopped, 48 stopping, 2 failed`: most frequent status first. */
  summary(): string {
    const counts = new Map<string, number>();
    for (const status of this.statuses.values()) counts.set(status, (counts.get(status) ?? 0) + 1);
    return [...counts]
      .sort(([a, m], [b, n]) => n - m || a.localeCompare(b))
      .map(([status, count]) => `${count} ${status}`)
      .join(", ");
  }

  private report(prefix?: string): void {
    const now = this.clock.now();
    this.lastReportAt = now;
    const elapsed = formatElapsed((now - this.startedAt) / 1000);
    const head = prefix ? `${prefix} after ${elapsed}` : elapsed;
    this.sink(`${this.label}: ${head}: ${this.summary()}`);
  }
}

/**
 * A {@link FleetProgress} for `count` clusters reached through `target`, with the runtime's clock,
 * progress interval and sink. `initial` gives the status each member starts the summary with.
 */
export function fleetProgressFor(
  target: RdsTarget,
  initial: ReadonlyMap<string, string>,
): FleetProgress {
  const runtime = runtimeFor(target);
  const count = initial.size;
  const label = `fleet of ${count} cluster${count === 1 ? "" : "s"} (${target.region})`;
  return new FleetProgress(
    label,
    initial,
    runtime.clock,
    runtime.settings.progressIntervalMs,
    runtime.progress,
  );
}
