/**
 * One switch for a fleet: `pulumi config set state stopped && pulumi up` on Friday evening,
 * `pulumi config set state running && pulumi up` on Monday morning. The clusters of each Region are
 * held by one `ClusterFleetPowerState`, which stops or starts them all at once and waits until every
 * one really is `stopped` / `available` — unlike a fire-and-forget schedule — so the update tells
 * you when the fleet is down or back.
 */
import * as pulumi from "@pulumi/pulumi";
import { ClusterFleetPowerState } from "aurora-power";

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

/** The clusters grouped by Region, in the order they first appear. */
export function byRegion(fleet: readonly FleetCluster[]): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const { clusterIdentifier, region } of fleet) {
    groups.set(region, [...(groups.get(region) ?? []), clusterIdentifier]);
  }
  return groups;
}

/**
 * The Pulumi program: one `ClusterFleetPowerState` per Region, all driven by config `state`.
 * `statuses` maps `region/cluster` to the RDS status each cluster was left in.
 */
export function program(): { statuses: pulumi.Output<Record<string, string>> } {
  const config = new pulumi.Config();
  const state = desiredState(config);
  const fleet = config.getObject<FleetCluster[]>("clusters") ?? DEFAULT_FLEET;
  const perRegion = [...byRegion(fleet)].map(([region, clusterIdentifiers]) => {
    const power = new ClusterFleetPowerState(`fleet-${region}`, {
      clusterIdentifiers,
      region,
      state,
      // Removing a cluster from the fleet leaves it running rather than stuck stopped.
      onDelete: "running",
    });
    return power.members.apply((members) =>
      Object.entries(members).map(([id, member]) => [`${region}/${id}`, member.status] as const),
    );
  });
  const statuses = pulumi.all(perRegion).apply((lists) => Object.fromEntries(lists.flat()));
  return { statuses };
}
