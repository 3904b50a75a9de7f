import type { DBCluster } from "@aws-sdk/client-rds";
import type { ClusterApi } from "../rds/clusterApi";
import type { Clock, Sleep } from "./clock";

/** One cluster being waited on. */
export interface WaitRequest {
  clusterIdentifier: string;
  /** Delay before the first describe of this wait. */
  firstDelayMs: number;
  /** Sees every observation (undefined: the cluster no longer exists); true ends the wait. */
  observe(cluster: DBCluster | undefined, now: number): boolean;
  /** Delay before the next describe after an observation that did not end the wait. */
  nextDelayMs(now: number): number;
  /** Epoch ms at which the wait fails with `timeoutError(described)`. */
  deadlineAt: number;
  /**
   * The error of a wait that ran out; `described`: whether any describe was sent for it;
   * `throttling`: the `Throttling` answer its last describe got, when it got one (the account's
   * RDS request quota, not the cluster, held it up).
   */
  timeoutError(described: boolean, throttling?: Error): Error;
  signal?: AbortSignal;
}

/** Counters that show the batching works (tests and the bench read them). */
export interface PollerStats {
  ticks: number;
  describeCalls: number;
  maxCallsPerTick: number;
  maxIdsPerCall: number;
}

/** One wait in progress, as the poller tracks it. */
export interface Waiter {
  request: WaitRequest;
  id: string;
  dueAt: number;
  consecutiveErrors: number;
  /** The throttling answer of this wait's last describe, until a describe succeeds. */
  throttling: Error | undefined;
  /** Whether a describe was sent for this wait. */
  described: boolean;
  /** Detaches this wait from its real-time deadline watchdog (the wait is over). */
  cancelWatchdog: () => void;
  resolve(cluster: DBCluster | undefined): void;
  reject(error: unknown): void;
}

/** Dependencies of {@link ClusterPoller}, injectable for tests. */
export interface PollerDeps {
  api: Pick<ClusterApi, "describeClusters">;
  clock: Clock;
  sleep: Sleep;
  maxConsecutiveDescribeErrors: number;
}
