/**
 * A development Aurora PostgreSQL cluster that costs nothing at night and at weekends: stopped at
 * 19:00 and started at 07:00 on weekdays, in the team's time zone. Tagged `Environment=dev`, so
 * the aurora-power policy pack classifies it as non-production and finds the stop schedule it asks for.
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
  });

  return {
    clusterIdentifier: cluster.clusterIdentifier,
    nextStopTime: schedule.nextStopTime,
    nextStartTime: schedule.nextStartTime,
    stopScheduleArn: schedule.stopScheduleArn,
  };
}
