/**
 * The fixture of the `ClusterKeepStopped` tests: `dev-orders` held stopped by a
 * `ClusterPowerState` and covered by a `ClusterKeepStopped` (with its children, as the engine
 * registers them), and no stop schedule. Each test changes it in one place.
 */
import type { PolicyResource } from "@pulumi/policy";
import { CLUSTER_KEEP_STOPPED_TYPE } from "../../../provider/aurora/typeTokens";
import { auroraCluster, policyResource, powerState, withProps } from "./policyFixtures";

/**
 * A `ClusterKeepStopped` and its children (an EventBridge rule and the stop workflow);
 * `deps` are the resources its `clusterIdentifiers` was computed from.
 */
export function keepStopped(
  name: string,
  props: Record<string, unknown>,
  deps?: PolicyResource[],
): PolicyResource[] {
  const keeper = policyResource(
    CLUSTER_KEEP_STOPPED_TYPE,
    name,
    props,
    deps ? { propertyDependencies: { clusterIdentifiers: deps } } : {},
  );
  const pattern = { source: ["aws.rds"], detail: { EventID: ["RDS-EVENT-0153"] } };
  return [
    keeper,
    policyResource(
      "aws:cloudwatch/eventRule:EventRule",
      `${name}-auto-start`,
      { eventPattern: JSON.stringify(pattern) },
      { parent: keeper },
    ),
    policyResource(
      "aws:sfn/stateMachine:StateMachine",
      `${name}-stop`,
      { type: "STANDARD" },
      { parent: keeper },
    ),
  ];
}

/** The holder of the fixture: `pause` holds `dev-orders` stopped in eu-west-1. */
export function pause(props: Record<string, unknown> = {}): PolicyResource {
  return withProps(powerState("pause", "dev-orders", "stopped"), { region: "eu-west-1", ...props });
}

/** The keeper of the fixture, `keep-dev`, with `props` changed. */
export function keeper(props: Record<string, unknown> = {}, deps?: PolicyResource[]) {
  return keepStopped(
    "keep-dev",
    { clusterIdentifiers: ["DEV-ORDERS"], region: "eu-west-1", enabled: true, ...props },
    deps,
  );
}

/** The fixture stack: cluster, holder, keeper and the keeper's children. */
export function keptStack(): PolicyResource[] {
  return [auroraCluster("dev-orders"), pause(), ...keeper()];
}

/** The stack without the keeper and its children. */
export function withoutKeeper(): PolicyResource[] {
  return keptStack().filter((r) => r.name !== "keep-dev" && r.parent?.name !== "keep-dev");
}

/** The reminder `aurora-stop-schedule-sane` gives `holder` for `cluster`. */
export function reminder(holder: string, cluster: string): string {
  return (
    `${holder} holds cluster \`${cluster}\` stopped, but AWS starts a stopped cluster after 7 days and nothing ` +
    "in this stack stops it again before the next `pulumi up`; add a `ClusterKeepStopped` listing it in " +
    "`clusterIdentifiers` to stop it again whenever AWS starts it, or a `ClusterStopSchedule` for it."
  );
}
