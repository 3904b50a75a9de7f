/**
 * Two development clusters that stay stopped until someone needs them, 7-day automatic start
 * included: `ClusterFleetPowerState` holds them stopped at each `pulumi up`, and
 * `ClusterKeepStopped` stops them again whenever RDS starts them after 7 days (RDS-EVENT-0153),
 * between `pulumi up` runs, through a Step Functions workflow in the account.
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
  const keeper = new ClusterKeepStopped("dev-clusters-keeper", { clusterIdentifiers });
  return {
    members: fleet.members,
    stopWorkflowArn: keeper.stateMachineArn,
    ruleArn: keeper.ruleArn,
  };
}
