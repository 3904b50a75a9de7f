/**
 * One switch for a fleet: `pulumi config set state stopped && pulumi up` on Friday evening,
 * `pulumi config set state running && pulumi up` on Monday morning. Each cluster gets a
 * `ClusterPowerState`, which waits until the cluster really is `stopped` / `available` — unlike a
 * fire-and-forget schedule — so the update tells you when the fleet is down or back.
 */
import * as pulumi from "@pulumi/pulumi";
import { ClusterPowerState } from "aurora-power";

/** One cluster of the fleet. */
export interface FleetCluster {
  clusterIdentifier: string;
  region: string;
}

/** The default fleet: several clusters in two regions. Override with config `clusters` (JSON). */
export const DEFAULT_FLEET: readonly FleetCluster[] = [
  { clusterIdentifier: "dev-orders", region: "eu-west-1" },
  { clusterIdentifier: "dev-billing", region: "eu-west-1" },
  { clusterIdentifier: "qa-search", region: "us-east-1" },
];

/** The desired power state from config `state`; anything but running/stopped is refused. */
export function desiredState(config: pulumi.Config): "running" | "stopped" {
  const state = config.get("state") ?? "running";
  if (state !== "running" && state !== "stopped") {
    throw new Error(
      `config \`state\` is \`${state}\`; set it to \`stopped\` (Friday) or \`running\` (Monday): ` +
        "`pulumi config set state stopped`",
    );
  }
  return state;
}

/** The Pulumi program: one `ClusterPowerState` per cluster, all driven by config `state`. */
export function program(): { statuses: Record<string, pulumi.Output<string>> } {
  const config = new pulumi.Config();
  const state = desiredState(config);
  const fleet = config.getObject<FleetCluster[]>("clusters") ?? DEFAULT_FLEET;
  const statuses: Record<string, pulumi.Output<string>> = {};
  for (const { clusterIdentifier, region } of fleet) {
    const power = new ClusterPowerState(`${clusterIdentifier}-${region}`, {
      clusterIdentifier,
      region,
      state,
      // Removing a cluster from the fleet leaves it running rather than stuck stopped.
      onDelete: "running",
    });
    statuses[`${region}/${clusterIdentifier}`] = power.status;
  }
  return { statuses };
}
