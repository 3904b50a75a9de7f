/**
 * A well-meant cost saving gone wrong: someone asks for `state: "stopped"` on `orders-prod`. The
 * aurora-power policy pack (rule `aurora-production-never-stopped`, mandatory) recognises the
 * identifier as production and refuses the preview before anything is stopped.
 */
import type * as pulumi from "@pulumi/pulumi";
import { ClusterPowerState } from "aurora-power";

/** The production cluster the program (wrongly) tries to stop. */
export const PRODUCTION_CLUSTER = "orders-prod";

/** The Pulumi program. */
export function program(): { status: pulumi.Output<string> } {
  const power = new ClusterPowerState("orders-prod-power", {
    clusterIdentifier: PRODUCTION_CLUSTER,
    state: "stopped",
  });
  return { status: power.status };
}
