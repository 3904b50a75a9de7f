import type { ClusterView } from "aurora-power/emulator";

/** One column of the before / after table: a heading and each cluster's status at that moment. */
export interface StatusColumn {
  heading: string;
  statuses: Map<string, string>;
}

/** Captures the statuses of `clusters` as one table column. */
export function statusColumn(heading: string, clusters: ClusterView[]): StatusColumn {
  return { heading, statuses: new Map(clusters.map((c) => [c.DBClusterIdentifier, c.Status])) };
}

/** Renders a plain-text table: one row per cluster, one column per captured moment. */
export function formatStatusTable(ids: string[], columns: StatusColumn[]): string {
  const header = ["cluster", ...columns.map((c) => c.heading)];
  const rows = ids.map((id) => [id, ...columns.map((c) => c.statuses.get(id) ?? "(absent)")]);
  const widths = header.map((_, i) =>
    Math.max(...[header, ...rows].map((row) => (row[i] ?? "").length)),
  );
  const line = (row: string[]) =>
    row
      .map((cell, i) => cell.padEnd(widths[i] ?? 0))
      .join("  ")
      .trimEnd();
  const rule = widths.map((w) => "-".repeat(w)).join("  ");
  return [line(header), rule, ...rows.map(line)].join("\n");
}
