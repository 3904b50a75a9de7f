/**
 * Where the keeper's time goes, per run of the bench: from the cluster's `available` (RDS-EVENT-0151)
 * to its instances settling (S), from the settle to the accepted StopDBCluster (the gap, bounded by
 * one poll interval), and the stop itself; plus the first describe after the automatic start, the
 * attempt cycle while RDS refuses the stop, and the latency of the SDK calls to the endpoint.
 */
import type { RdsEventBridgeEvent, StatusEvent } from "aurora-power/emulator";
import type { LocalExecution } from "../scripts/keeper/localExecution";
import { percentile } from "./stats";

/** Percentiles (ms) of the parts of the keeper's time over the runs of one set. */
export interface KeeperBreakdown {
  /** From RDS-EVENT-0153 (the restart) to the workflow's first DescribeDBClusters. */
  firstDescribeP95Ms: number;
  /** From the settle to the StopDBCluster RDS accepted: what the backoff and the calls add to S. */
  gapAfterSettleP50Ms: number;
  gapAfterSettleP95Ms: number;
  /** Between two refused stops: the backoff wait plus a describe, a stop and the state transitions. */
  attemptCycleP50Ms: number;
  attemptCycleMaxMs: number;
  /** From `stopping` to `stopped` (the endpoint's stop time; exact when nothing else delays it). */
  stopP95Ms: number;
  /** One SDK call to the endpoint, sent to answered. */
  callP50Ms: number;
  callP95Ms: number;
  /** Calls answered with a retried error (throttling, 5xx), over all calls. */
  retriedCalls: number;
}

const timeOf = (iso: string | undefined): number => (iso ? Date.parse(iso) : NaN);

function eventAt(events: RdsEventBridgeEvent[], id: string, eventId: string): number {
  const hit = events.find((e) => e.detail.SourceIdentifier === id && e.detail.EventID === eventId);
  return timeOf(hit?.detail.Date);
}

/** The parts of each run, summarised; `settleMs` is S. */
export function keeperBreakdown(
  runs: ReadonlyMap<string, LocalExecution>,
  events: RdsEventBridgeEvent[],
  history: StatusEvent[],
  settleMs: number,
): KeeperBreakdown {
  const first: number[] = [];
  const gaps: number[] = [];
  const cycles: number[] = [];
  const stops: number[] = [];
  const calls: number[] = [];
  let retried = 0;
  for (const [id, run] of runs) {
    const stoppingAt = timeOf(
      history.find((h) => h.clusterIdentifier === id && h.to === "stopping")?.at,
    );
    const stoppedAt = eventAt(events, id, "RDS-EVENT-0150");
    first.push((run.calls[0]?.startedAtMs ?? NaN) - eventAt(events, id, "RDS-EVENT-0153"));
    gaps.push(stoppingAt - (eventAt(events, id, "RDS-EVENT-0151") + settleMs));
    stops.push(stoppedAt - stoppingAt);
    const refused = run.calls.filter((c) => c.error === "Rds.InvalidDbInstanceStateException");
    refused.slice(1).forEach((c, i) => cycles.push(c.startedAtMs - (refused[i]?.startedAtMs ?? 0)));
    for (const c of run.calls) calls.push(c.atMs - c.startedAtMs);
    retried += run.calls.filter((c) => c.error === "Rds.RdsException").length;
  }
  return {
    firstDescribeP95Ms: percentile(first, 95),
    gapAfterSettleP50Ms: percentile(gaps, 50),
    gapAfterSettleP95Ms: percentile(gaps, 95),
    attemptCycleP50Ms: percentile(cycles, 50),
    attemptCycleMaxMs: Math.max(...cycles),
    stopP95Ms: percentile(stops, 95),
    callP50Ms: percentile(calls, 50),
    callP95Ms: percentile(calls, 95),
    retriedCalls: retried,
  };
}
