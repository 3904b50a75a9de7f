import type { DBCluster } from "@aws-sdk/client-rds";
import { isThrottling, isTransientError } from "../rds/classifyRdsError";
import { MAX_IDS_PER_DESCRIBE } from "../rds/clusterApi";
import { abortError, deadlineSignal, untilAborted } from "./deadlineSignal";
import { selectBatch } from "./selectBatch";
import type { PollerDeps, PollerStats, WaitRequest, Waiter } from "./waitRequest";

export { systemClock, timerSleep, type Clock, type Sleep } from "./clock";
export type { PollerDeps, PollerStats, WaitRequest, Waiter } from "./waitRequest";

/**
 * `firstDelayMs` for a one-off describe (adopting a cluster on create, a refresh): the engine hands
 * out the creates of a stack within milliseconds of each other, and a zero delay would wake the
 * poller for each of them, one DescribeDBClusters call per resource. Waiting this long lets the
 * creates that arrive together share one describe (later arrivals ride in its spare room), at a
 * cost far below one poll interval.
 */
export const COALESCE_WINDOW_MS = 50;

/**
 * One poller per provider process and (Region, endpoint, credentials): the clusters being waited
 * on share DescribeDBClusters `db-cluster-id` filter calls of up to 100 ids. A tick happens when
 * the earliest wait is due; it describes the due waits and fills the spare room of those calls
 * with the waits due soonest after them. Each wait then chooses its own next delay.
 */
export class ClusterPoller {
  private readonly waiters = new Set<Waiter>();
  private running = false;
  private wakeAt = Number.POSITIVE_INFINITY;
  private wake: AbortController | undefined;
  readonly stats: PollerStats = {
    ticks: 0,
    describeCalls: 0,
    maxCallsPerTick: 0,
    maxIdsPerCall: 0,
  };

  constructor(private readonly deps: PollerDeps) {}

  /** Number of waits in progress. */
  get size(): number {
    return this.waiters.size;
  }

  /** Waits until `request.observe` returns true; resolves with that observation. */
  waitFor(request: WaitRequest): Promise<DBCluster | undefined> {
    return new Promise((resolve, reject) => {
      const now = this.deps.clock.now();
      if (request.signal?.aborted) return reject(abortError(request.signal));
      // A describe stuck in flight (a silent or dripping endpoint) must not outlive the deadline.
      const watchdog = deadlineSignal(request.deadlineAt - now);
      const onDeadline = () => this.fail(waiter, timeoutOf(waiter));
      const waiter: Waiter = {
        request,
        id: request.clusterIdentifier.toLowerCase(),
        dueAt: now + request.firstDelayMs,
        consecutiveErrors: 0,
        throttling: undefined,
        described: false,
        cancelWatchdog: () => watchdog.removeEventListener("abort", onDeadline),
        resolve,
        reject,
      };
      watchdog.addEventListener("abort", onDeadline, { once: true });
      request.signal?.addEventListener(
        "abort",
        () => this.fail(waiter, abortError(request.signal)),
        { once: true },
      );
      this.waiters.add(waiter);
      if (Math.min(waiter.dueAt, request.deadlineAt) < this.wakeAt) this.wake?.abort();
      if (!this.running) void this.run();
    });
  }

  private succeed(waiter: Waiter, cluster: DBCluster | undefined): void {
    if (!this.waiters.delete(waiter)) return;
    waiter.cancelWatchdog();
    waiter.resolve(cluster);
  }

  private fail(waiter: Waiter, error: unknown): void {
    if (!this.waiters.delete(waiter)) return;
    waiter.cancelWatchdog();
    waiter.reject(error);
  }

  private async run(): Promise<void> {
    this.running = true;
    try {
      while (this.waiters.size > 0) {
        await this.sleepUntilDue();
        this.expireDeadlines();
        const batch = selectBatch(this.waiters, this.deps.clock.now());
        if (batch.length > 0) await this.tick(batch);
      }
    } finally {
      this.running = false;
      this.wakeAt = Number.POSITIVE_INFINITY;
    }
  }

  private async sleepUntilDue(): Promise<void> {
    const now = this.deps.clock.now();
    let next = Number.POSITIVE_INFINITY;
    for (const w of this.waiters) next = Math.min(next, w.dueAt, w.request.deadlineAt);
    this.wakeAt = next;
    this.wake = new AbortController();
    await this.deps.sleep(Math.max(0, next - now), this.wake.signal);
    this.wakeAt = Number.POSITIVE_INFINITY;
  }

  private expireDeadlines(): void {
    const now = this.deps.clock.now();
    for (const w of [...this.waiters]) {
      if (w.request.deadlineAt <= now) this.fail(w, timeoutOf(w));
    }
  }

  private async tick(batch: Waiter[]): Promise<void> {
    for (const waiter of batch) waiter.described = true;
    const ids = [...new Set(batch.map((w) => w.id))];
    const chunks: string[][] = [];
    for (let i = 0; i < ids.length; i += MAX_IDS_PER_DESCRIBE)
      chunks.push(ids.slice(i, i + MAX_IDS_PER_DESCRIBE));
    this.recordTick(chunks);
    const results = await Promise.allSettled(
      chunks.map((chunk) => this.describeUntilDeadline(chunk, batch)),
    );
    const now = this.deps.clock.now();
    const byId = new Map<string, PromiseSettledResult<Map<string, DBCluster>>>();
    chunks.forEach((chunk, i) =>
      chunk.forEach((id) =>
        byId.set(id, results[i] as PromiseSettledResult<Map<string, DBCluster>>),
      ),
    );
    for (const waiter of batch) {
      const result = byId.get(waiter.id);
      if (result && this.waiters.has(waiter)) this.deliver(waiter, result, now);
    }
  }

  /**
   * One describe, aborted once the last deadline of the waits it serves has passed: by then each of
   * them has failed with its timeout error, and the tick must end so later waits are served.
   */
  private async describeUntilDeadline(
    chunk: string[],
    batch: Waiter[],
  ): Promise<Map<string, DBCluster>> {
    const ids = new Set(chunk);
    let lastDeadlineAt = Number.NEGATIVE_INFINITY;
    for (const w of batch)
      if (ids.has(w.id)) lastDeadlineAt = Math.max(lastDeadlineAt, w.request.deadlineAt);
    const deadline = deadlineSignal(lastDeadlineAt - this.deps.clock.now());
    return untilAborted(this.deps.api.describeClusters(chunk, deadline), deadline);
  }

  private recordTick(chunks: string[][]): void {
    this.stats.ticks += 1;
    this.stats.describeCalls += chunks.length;
    this.stats.maxCallsPerTick = Math.max(this.stats.maxCallsPerTick, chunks.length);
    for (const chunk of chunks)
      this.stats.maxIdsPerCall = Math.max(this.stats.maxIdsPerCall, chunk.length);
  }

  private deliver(
    waiter: Waiter,
    result: PromiseSettledResult<Map<string, DBCluster>>,
    now: number,
  ): void {
    if (result.status === "rejected") {
      // Throttling is the account's quota, not this cluster: it slows the wait down (the shared
      // rate limiter has cut the rate) but never ends it before the deadline.
      if (isThrottling(result.reason)) {
        waiter.throttling = result.reason as Error;
        waiter.dueAt = now + waiter.request.nextDelayMs(now);
        return;
      }
      waiter.throttling = undefined;
      waiter.consecutiveErrors += 1;
      const giveUp =
        !isTransientError(result.reason) ||
        waiter.consecutiveErrors >= this.deps.maxConsecutiveDescribeErrors;
      if (giveUp) return this.fail(waiter, result.reason);
      waiter.dueAt = now + waiter.request.nextDelayMs(now);
      return;
    }
    waiter.consecutiveErrors = 0;
    waiter.throttling = undefined;
    const cluster = result.value.get(waiter.id);
    try {
      if (waiter.request.observe(cluster, now)) return this.succeed(waiter, cluster);
      waiter.dueAt = now + waiter.request.nextDelayMs(now);
    } catch (error) {
      this.fail(waiter, error);
    }
  }
}

/**
 * The timeout error of a wait; when throttling held its last describe up, that answer becomes the
 * error's `cause` (unless the request gave it one), so the message can name the quota.
 */
function timeoutOf(waiter: Waiter): Error {
  const error = waiter.request.timeoutError(waiter.described, waiter.throttling);
  if (waiter.throttling && error.cause === undefined) error.cause = waiter.throttling;
  return error;
}
