/**
 * Groups recorded DescribeDBClusters calls into poll ticks. The provider's poller sends the calls
 * of one tick together (one per 100 ids, `Promise.allSettled`) and starts the next tick only after
 * all of them answered, so calls whose time intervals overlap belong to the same tick.
 */
import type { RecordedCall } from "./recordingProxy";

/** What the describe traffic of one operation looked like. */
export interface DescribeTickFigures {
  describeCalls: number;
  ticks: number;
  maxCallsPerTick: number;
  maxIdsPerCall: number;
  /** Every RDS call, any action. */
  totalRdsCalls: number;
}

/** Overlap-groups `calls` (any order) into ticks and summarizes them. */
export function summarizeDescribeTicks(calls: readonly RecordedCall[]): DescribeTickFigures {
  const describes = calls
    .filter((c) => c.action === "DescribeDBClusters")
    .sort((a, b) => a.startMs - b.startMs);
  let ticks = 0;
  let maxCallsPerTick = 0;
  let inTick = 0;
  let tickEndMs = Number.NEGATIVE_INFINITY;
  for (const call of describes) {
    // Strictly later than every call of the current tick ended: a new tick.
    if (call.startMs > tickEndMs) {
      ticks += 1;
      inTick = 0;
    }
    inTick += 1;
    maxCallsPerTick = Math.max(maxCallsPerTick, inTick);
    tickEndMs = Math.max(tickEndMs, call.endMs);
  }
  return {
    describeCalls: describes.length,
    ticks,
    maxCallsPerTick,
    maxIdsPerCall: describes.reduce((max, c) => Math.max(max, c.idCount), 0),
    totalRdsCalls: calls.length,
  };
}
