/**
 * A development Aurora PostgreSQL cluster that costs nothing at night and at weekends: stopped at
 * 19:00 and started at 07:00 on weekdays, in the team's time zone, and left stopped over the
 * team's holidays (no start on those days). Tagged `Environment=dev`, so the aurora-power policy
 * pack classifies it as non-production and finds the stop schedule it asks for.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { ClusterStopSchedule } from "aurora-power";

/** The stack outputs of this example. */
export interface ScheduledDevClusterOutputs {
  clusterIdentifier: pulumi.Output<string>;
  nextStopTime: pulumi.Output<string | undefined>;
  nextStartTime: pulumi.Output<string | undefined>;
  stopScheduleArn: pulumi.Output<string>;
}

/** Weekdays 19:00: stop. */
export const STOP_EXPRESSION = "cron(0 19 ? * MON-FRI *)";
/** Weekdays 07:00: start. */
export const START_EXPRESSION = "cron(0 7 ? * MON-FRI *)";

/**
 * The default holidays: the coming turn of the year (Christmas Eve to Boxing Day, New Year's Eve
 * and Day), dates in the schedule's time zone. No start happens on them, so the cluster stays
 * stopped from the evening before until the next working morning. Set your own list with
 * `pulumi config set --path 'holidays[0]' 2026-12-24` (and so on).
 */
export function yearEndHolidays(now: Date): string[] {
  const thisYear = now.getUTCFullYear();
  const year = now.getTime() < Date.UTC(thisYear, 11, 24) ? thisYear : thisYear + 1;
  return [`${year}-12-24`, `${year}-12-25`, `${year}-12-26`, `${year}-12-31`, `${year + 1}-01-01`];
}

/** The Pulumi program: the cluster, one writer instance and the schedule. */
export function program(): ScheduledDevClusterOutputs {
  const config = new pulumi.Config();
  const timezone = config.get("timezone") ?? "Europe/Berlin";
  const tags = { Environment: "dev", Team: "orders" };

  const cluster = new aws.rds.Cluster("dev-orders", {
    clusterIdentifier: "dev-orders",
    engine: "aurora-postgresql",
    engineVersion: "16.4",
    databaseName: "orders",
    masterUsername: "orders_admin",
    // RDS keeps the password in Secrets Manager: no secret in the program or the state.
    manageMasterUserPassword: true,
    skipFinalSnapshot: true,
    tags,
  });
  new aws.rds.ClusterInstance("dev-orders-1", {
    clusterIdentifier: cluster.clusterIdentifier,
    instanceClass: "db.t4g.medium",
    engine: "aurora-postgresql",
    tags,
  });

  const schedule = new ClusterStopSchedule("dev-orders-office-hours", {
    clusterIdentifier: cluster.clusterIdentifier,
    stop: STOP_EXPRESSION,
    start: START_EXPRESSION,
    timezone,
    holidays: config.getObject<string[]>("holidays") ?? yearEndHolidays(new Date()),
  });

  return {
    clusterIdentifier: cluster.clusterIdentifier,
    nextStopTime: schedule.nextStopTime,
    nextStartTime: schedule.nextStartTime,
    stopScheduleArn: schedule.stopScheduleArn,
  };
}
