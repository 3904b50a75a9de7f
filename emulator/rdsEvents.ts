/**
 * RDS events as Amazon EventBridge delivers them. Sources: "Amazon RDS event categories and event
 * messages for Aurora" (Aurora User Guide: DB cluster events, category `notification`), "Creating a
 * rule that triggers on an Amazon RDS event" (Aurora User Guide, the example event) and "Amazon
 * Relational Database Service events" (EventBridge events reference: `source` `aws.rds`,
 * `detail-type` `RDS DB Cluster Event`).
 */

/** The DB cluster events the emulator emits, by RDS event ID, with RDS's message. */
export const RDS_CLUSTER_EVENTS = {
  stopped: { id: "RDS-EVENT-0150", message: "DB cluster stopped." },
  started: { id: "RDS-EVENT-0151", message: "DB cluster started." },
  automaticStart: {
    id: "RDS-EVENT-0153",
    message:
      "DB cluster is being started due to it exceeding the maximum allowed time being stopped.",
  },
  deleted: { id: "RDS-EVENT-0171", message: "DB cluster deleted." },
} as const;

/** Which of {@link RDS_CLUSTER_EVENTS} happened. */
export type RdsClusterEventKind = keyof typeof RDS_CLUSTER_EVENTS;

/** One RDS DB cluster event in the EventBridge envelope. */
export interface RdsEventBridgeEvent {
  version: "0";
  id: string;
  "detail-type": "RDS DB Cluster Event";
  source: "aws.rds";
  account: string;
  time: string;
  region: string;
  resources: string[];
  detail: {
    EventCategories: string[];
    SourceType: "CLUSTER";
    SourceArn: string;
    Date: string;
    Message: string;
    SourceIdentifier: string;
    EventID: string;
  };
}

/** The account the emulator's ARNs use. */
export const EMULATOR_ACCOUNT = "123456789012";

/** Appends events in the order they are recorded; the id carries that order. */
export class RdsEventLog {
  private readonly events: RdsEventBridgeEvent[] = [];

  /** Records that `kind` happened to the cluster `arn` at `atMs`. */
  record(kind: RdsClusterEventKind, clusterId: string, arn: string, atMs: number): void {
    const { id, message } = RDS_CLUSTER_EVENTS[kind];
    const seq = String(this.events.length + 1).padStart(12, "0");
    // EventBridge `time` has second precision; the RDS `Date` in `detail` keeps milliseconds.
    const date = new Date(atMs).toISOString();
    this.events.push({
      version: "0",
      id: `00000000-0000-4000-8000-${seq}`,
      "detail-type": "RDS DB Cluster Event",
      source: "aws.rds",
      account: EMULATOR_ACCOUNT,
      time: date.replace(/\.\d{3}Z$/, "Z"),
      region: arn.split(":")[3] ?? "us-east-1",
      resources: [arn],
      detail: {
        EventCategories: ["notification"],
        SourceType: "CLUSTER",
        SourceArn: arn,
        Date: date,
        Message: message,
        SourceIdentifier: clusterId,
        EventID: id,
      },
    });
  }

  /** Every event so far, in the order they happened (`detail.Date`). */
  all(): RdsEventBridgeEvent[] {
    return [...this.events].sort((a, b) => a.detail.Date.localeCompare(b.detail.Date));
  }
}
