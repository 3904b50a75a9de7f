/**
 * Two development clusters that stay stopped until someone needs them, 7-day automatic start
 * included: `ClusterFleetPowerState` holds them stopped at each `pulumi up`, and
 * `ClusterKeepStopped` stops them again whenever RDS starts them after 7 days (RDS-EVENT-0153),
 * between `pulumi up` runs, through a Step Functions workflow in the account. With the config
 * `notificationTopicArn`, the workflow reports every failed run to that SNS topic. Someone who needs
 * a cluster for a while tags it `aurora-power:keep-running-until` (a time, e.g.
 * `2026-11-29T08:00:00Z`) from the console or the CLI: the workflow leaves it running until then.
 */
import * as pulumi from "@pulumi/pulumi";
import { ClusterFleetPowerState, ClusterKeepStopped } from "aurora-power";

/** The stack outputs of this example. */
export interface KeepStoppedOutputs {
  members: pulumi.Output<Record<string, { state: string; status: string }>>;
  stopWorkflowArn: pulumi.Output<string>;
  ruleArn: pulumi.Output<string>;
}

/** The clusters, existing in the Region of the stack (config `clusters` overrides them). */
export const DEFAULT_CLUSTERS = ["dev-orders", "dev-billing"];

/** The Pulumi program: hold the clusters stopped, and keep them stopped between runs. */
export function program(): KeepStoppedOutputs {
  const config = new pulumi.Config();
  const clusterIdentifiers = config.getObject<string[]>("clusters") ?? DEFAULT_CLUSTERS;
  const fleet = new ClusterFleetPowerState("dev-clusters", {
    clusterIdentifiers,
    state: "stopped",
  });
  const topicArn = config.get("notificationTopicArn");
  const keeper = new ClusterKeepStopped("dev-clusters-keeper", {
    clusterIdentifiers,
    notifications: topicArn === undefined ? undefined : { topicArn, notifyOn: "failures" },
  });
  return {
    members: fleet.members,
    stopWorkflowArn: keeper.stateMachineArn,
    ruleArn: keeper.ruleArn,
  };
}
