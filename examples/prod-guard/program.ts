/**
 * A well-meant cost saving gone wrong: someone asks for `state: "stopped"` on `orders-prod`. The
 * aurora-power policy pack (rule `aurora-production-never-stopped`, mandatory) recognises the
 * identifier as production and refuses the preview before anything is stopped. With config
 * `state` set to `running` the same program passes the pack.
 */
import * as pulumi from "@pulumi/pulumi";
import { ClusterPowerState, type PowerState } from "aurora-power";

/** The production cluster the program (wrongly, by default) tries to stop. */
export const PRODUCTION_CLUSTER = "orders-prod";

/** The power state asked for: config `state`, by default the mistake (`stopped`). */
export function requestedState(config: pulumi.Config): PowerState {
  const state = config.get("state") ?? "stopped";
  if (state !== "running" && state !== "stopped") {
    throw new Error(
      `config \`state\` is \`${state}\`; set it to \`running\` or \`stopped\`: ` +
        "`pulumi config set state running`",
    );
  }
  return state;
}

/** The Pulumi program. */
export function program(): { status: pulumi.Output<string> } {
  const power = new ClusterPowerState("orders-prod-power", {
    clusterIdentifier: PRODUCTION_CLUSTER,
    state: requestedState(new pulumi.Config()),
  });
  return { status: power.status };
}
