/**
 * The client-side token bucket every RDS call of the provider process takes a token from, one per
 * (Region, endpoint, credentials). RDS throttles its API with one token bucket per account and
 * Region — 300 requests in a burst, 12 a second sustained, shared by every caller: the console,
 * the CLI, other IaC, monitoring ("Request throttling for the Amazon RDS API", RDS User Guide).
 * This bucket is a share of that one (./rateLimiterSettings); throttling that still happens
 * (someone else spends too) cuts the local rate at once and teaches it a lower ceiling
 * (./adaptiveRate), like the SDK's adaptive mode but shared by every call of every resource and
 * fleet member; and only a few requests may be in flight at once ({@link maxInFlight}).
 */
import { AdaptiveRate } from "./adaptiveRate";
import type { RateLimiterSettings } from "./rateLimiterSettings";

/** Source of the current time in epoch milliseconds. */
export interface LimiterClock {
  now(): number;
}

/** Waits `ms`; the limiter never aborts its own sleeps. */
export type LimiterSleep = (ms: number, signal: AbortSignal) => Promise<void>;

/** Requests in flight at most: this many seconds' worth at the configured rate… */
export const IN_FLIGHT_SECONDS = 0.4;
/** …and never fewer than this many. */
export const MIN_IN_FLIGHT = 4;

/**
 * How many requests may be in flight at once. The provider cannot see how full RDS's bucket is
 * (a neighbour, or its own previous `pulumi up`, may have drained it): requests sent before the
 * first `Throttling` answer comes back are sent blind, and each finds the bucket empty. Bounding
 * them bounds the throttled answers of one such encounter, while a burst still leaves far faster
 * than the rate (4 in flight at 100 ms a round trip is 40 a second).
 */
export function maxInFlight(settings: RateLimiterSettings): number {
  return Math.max(MIN_IN_FLIGHT, Math.ceil(settings.ratePerSecond * IN_FLIGHT_SECONDS));
}

/**
 * Why a call waiting for a token was given up (its deadline or abort signal fired): it never left
 * the process, so RDS cannot have carried it out.
 */
export class RequestNotSentError extends Error {
  constructor(cause: unknown) {
    super("the call was still waiting for its share of the RDS request quota", { cause });
    this.name = "RequestNotSentError";
  }
}

/** Counters the tests and the bench read. */
export interface LimiterStats {
  granted: number;
  throttled: number;
  cuts: number;
}

interface Waiting {
  resolve(grantedAt: number): void;
  reject(error: unknown): void;
  detach(): void;
}

/**
 * A FIFO token bucket (capacity `burst`, refilled at `ratePerSecond`) whose rate follows
 * throttling feedback ({@link AdaptiveRate}), with at most {@link maxInFlight} granted requests
 * not yet answered. Time and sleep are injected so tests assert exact sequences.
 *
 * @example
 * const limiter = new RdsRateLimiter({ ratePerSecond: 11, burst: 270 }, { clock, sleep });
 * const grantedAt = await limiter.acquire(signal); // then send the request
 * limiter.recordThrottle(grantedAt); // when RDS answered `Throttling`
 * limiter.release(); // when the answer (any) arrived
 */
export class RdsRateLimiter {
  readonly stats: LimiterStats = { granted: 0, throttled: 0, cuts: 0 };
  private tokens: number;
  private refilledAt: number;
  private readonly rate: AdaptiveRate;
  private readonly queue: Waiting[] = [];
  private draining = false;
  private inFlight = 0;
  private readonly inFlightLimit: number;
  private readonly unsent = new WeakSet<AbortSignal>();

  constructor(
    readonly settings: RateLimiterSettings,
    private readonly deps: { clock: LimiterClock; sleep: LimiterSleep },
  ) {
    this.rate = new AdaptiveRate(settings.ratePerSecond);
    this.inFlightLimit = maxInFlight(settings);
    this.tokens = settings.burst;
    this.refilledAt = deps.clock.now();
  }

  /** The fill rate at `now`, requests per second: the configured one, or recovering from a cut. */
  rateAt(now: number): number {
    return this.rate.rateAt(now);
  }

  /** The learned ceiling at `now` (the configured rate until RDS throttles). */
  ceilingAt(now: number): number {
    return this.rate.ceilingAt(now);
  }

  /** Tokens the bucket may hold now: the burst, scaled down while the rate recovers. */
  private capacityAt(now: number): number {
    return Math.max(1, (this.settings.burst * this.rateAt(now)) / this.settings.ratePerSecond);
  }

  private refill(now: number): void {
    const elapsedMs = Math.max(0, now - this.refilledAt);
    this.tokens = Math.min(
      this.capacityAt(now),
      this.tokens + (elapsedMs * this.rateAt(now)) / 1000,
    );
    this.refilledAt = now;
  }

  /**
   * Resolves, to the time the token was granted, when the call may be sent: a token is there and
   * fewer than {@link maxInFlight} requests are in flight (first come, first served). Every
   * resolved call must be followed by {@link release} when its answer (or error) arrives. Rejects
   * with {@link RequestNotSentError} when `signal` aborts first.
   */
  acquire(signal?: AbortSignal): Promise<number> {
    if (signal?.aborted) return Promise.reject(this.notSent(signal));
    const now = this.deps.clock.now();
    this.refill(now);
    if (this.queue.length === 0 && this.tokens >= 1 && this.inFlight < this.inFlightLimit) {
      this.take();
      return Promise.resolve(now);
    }
    return new Promise<number>((resolve, reject) => {
      const onAbort = (): void => {
        const index = this.queue.indexOf(entry);
        if (index >= 0) this.queue.splice(index, 1);
        reject(this.notSent(signal));
      };
      const entry: Waiting = {
        resolve,
        reject,
        detach: () => signal?.removeEventListener("abort", onAbort),
      };
      signal?.addEventListener("abort", onAbort, { once: true });
      this.queue.push(entry);
      if (!this.draining) void this.drain();
    });
  }

  /** The request granted by {@link acquire} was answered (or failed): its slot is free again. */
  release(): void {
    this.inFlight = Math.max(0, this.inFlight - 1);
    if (this.queue.length > 0 && !this.draining) void this.drain();
  }

  /** Whether the call that used `signal` was given up before it got a token (never sent). */
  neverSent(signal: AbortSignal): boolean {
    return this.unsent.has(signal);
  }

  /**
   * RDS answered `Throttling` to the request granted at `grantedAt` (what {@link acquire} resolved
   * to): the account's bucket is empty. Cuts the rate ({@link AdaptiveRate.cut}; an answer to a
   * request that left before the last cut settled is that cut's signal) and empties the local
   * bucket, so nothing bursts into an empty quota.
   */
  recordThrottle(grantedAt: number): void {
    const now = this.deps.clock.now();
    this.stats.throttled += 1;
    this.refill(now);
    if (!this.rate.cut(now, grantedAt)) return;
    this.tokens = 0;
    this.refilledAt = now;
    this.stats.cuts += 1;
  }

  private take(): void {
    this.tokens -= 1;
    this.inFlight += 1;
    this.stats.granted += 1;
  }

  private notSent(signal: AbortSignal | undefined): RequestNotSentError {
    if (signal) this.unsent.add(signal);
    return new RequestNotSentError(signal?.reason);
  }

  private async drain(): Promise<void> {
    this.draining = true;
    try {
      for (;;) {
        const now = this.deps.clock.now();
        this.refill(now);
        const next = this.queue[0];
        if (!next || this.inFlight >= this.inFlightLimit) return; // release() drains again
        if (this.tokens >= 1) {
          this.queue.shift();
          next.detach();
          this.take();
          next.resolve(now);
          continue;
        }
        const waitMs = Math.ceil(((1 - this.tokens) * 1000) / this.rateAt(now));
        await this.deps.sleep(waitMs, new AbortController().signal);
      }
    } finally {
      this.draining = false;
    }
  }
}
