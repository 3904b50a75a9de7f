/**
 * The EventBridge event pattern of the automatic start after 7 days (RDS-EVENT-0153) for some
 * clusters. Sources: "Amazon Relational Database Service events" (EventBridge events reference:
 * `source` `aws.rds`, `detail-type` `RDS DB Cluster Event`), "Creating a rule that triggers on an
 * Amazon RDS event" (Aurora User Guide: `detail.EventID`, `detail.SourceIdentifier`) and "Amazon RDS
 * event categories and event messages for Aurora" (RDS-EVENT-0153, category `notification`).
 */
export function keepStoppedEventPattern(clusterIdentifiers: readonly string[]): {
  source: string[];
  "detail-type": string[];
  detail: { EventID: string[]; SourceIdentifier: string[] };
} {
  return {
    source: ["aws.rds"],
    "detail-type": ["RDS DB Cluster Event"],
    detail: {
      EventID: ["RDS-EVENT-0153"],
      // RDS stores identifiers in lowercase and names the cluster that way in its events.
      SourceIdentifier: clusterIdentifiers.map((id) => id.toLowerCase()),
    },
  };
}
