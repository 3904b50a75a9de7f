import type { ClusterView } from "./types";

/**
 * What DescribeDBClusters keeps showing of one cluster for a while after a StopDBCluster or
 * StartDBCluster call was accepted: its status (and automatic restart time) from before the call.
 */
export interface StaleRead {
  status: string;
  automaticRestartTime?: string;
  /** Epoch ms from which describes show the current state again. */
  untilMs: number;
}

/**
 * The stale snapshot to keep after a power call accepted at `nowMs`, or undefined when
 * `staleReadSeconds` is 0. RDS's control plane is eventually consistent: right after a start a
 * describe may still say `stopped` (DESIGN.md §1; the action's own response already shows the new
 * status, so only describes lag).
 */
export function captureStaleRead(
  before: Pick<ClusterView, "Status" | "AutomaticRestartTime">,
  nowMs: number,
  staleReadSeconds: number,
): StaleRead | undefined {
  if (staleReadSeconds <= 0) return undefined;
  return {
    status: before.Status,
    automaticRestartTime: before.AutomaticRestartTime,
    untilMs: nowMs + staleReadSeconds * 1000,
  };
}

/** `view` as a describe shows it: the pre-call status while a snapshot is still in force. */
export function applyStaleRead(view: ClusterView, stale: StaleRead | undefined): ClusterView {
  if (!stale) return view;
  return { ...view, Status: stale.status, AutomaticRestartTime: stale.automaticRestartTime };
}
