import * as pulumi from "@pulumi/pulumi";
import { OPTIONAL_SETTINGS, identityInputs, type PowerSettingsArgs } from "./powerSettingsArgs";
import { SERIALIZED_FLEET_PROVIDER } from "./shim";
import { CLUSTER_FLEET_POWER_STATE_TYPE } from "./aurora/typeTokens";
import type { FleetMemberOutputs, OnDelete, PowerState } from "./types";

/** Arguments of {@link ClusterFleetPowerState}; `timeoutMinutes` bounds the whole fleet's operation. */
export interface ClusterFleetPowerStateArgs extends PowerSettingsArgs {
  /**
   * The Aurora DB cluster identifiers of the fleet, all in `region` (1 to 1,000; order does not
   * matter; duplicates are refused). Adding one adopts it, removing one applies `onDelete` to it.
   */
  clusterIdentifiers: pulumi.Input<pulumi.Input<string>[]>;
  /** The power state to hold every member in: `running` or `stopped`. */
  state: pulumi.Input<PowerState>;
}

/**
 * Holds many Aurora DB clusters of one Region running or stopped with one resource. Every member
 * behaves like a {@link ClusterPowerState} with the fleet's settings, but all members are stopped
 * or started at once, whatever the engine's `--parallel`, and the stack state is written once per
 * operation rather than once per cluster: stopping 200 clusters takes about as long as stopping
 * one. Members are independent: one that fails does not hold the others back.
 *
 * @example
 * ```ts
 * import { ClusterFleetPowerState } from "aurora-power";
 *
 * const devFleet = new ClusterFleetPowerState("dev-fleet-eu", {
 *   clusterIdentifiers: ["dev-orders", "dev-billing", "qa-search"],
 *   state: "stopped",
 *   region: "eu-west-1",
 *   onDelete: "running",
 * });
 * export const members = devFleet.members;
 * ```
 */
export class ClusterFleetPowerState extends pulumi.CustomResource {
  // `declare` keeps the ES2022 class-field semantics from overwriting the registered outputs.
  /** The member identifiers, lowercase (RDS stores identifiers lowercase), sorted. */
  declare public readonly clusterIdentifiers: pulumi.Output<string[]>;
  declare public readonly state: pulumi.Output<PowerState>;
  declare public readonly region: pulumi.Output<string>;
  declare public readonly onDelete: pulumi.Output<OnDelete>;
  declare public readonly timeoutMinutes: pulumi.Output<number>;
  declare public readonly profile: pulumi.Output<string | undefined>;
  declare public readonly roleArn: pulumi.Output<string | undefined>;
  /** Per member identifier: the power state and RDS status last observed, and what was adopted. */
  declare public readonly members: pulumi.Output<Record<string, FleetMemberOutputs>>;
  declare public readonly schemaVersion: pulumi.Output<number>;
  /** The aurora-power version that wrote the resource's state. */
  declare public readonly writtenBy: pulumi.Output<string>;

  constructor(name: string, args: ClusterFleetPowerStateArgs, opts?: pulumi.CustomResourceOptions) {
    const identifiers = pulumi.output(args.clusterIdentifiers);
    const props: pulumi.Inputs = {
      ...args,
      ...identityInputs(name, identifiers),
      // Secret exactly when the identifiers are (see ClusterPowerState's `clusterArn`): the
      // `members` output is keyed by them.
      members: identifiers.apply(() => ({})),
      schemaVersion: undefined,
      writtenBy: undefined,
    };
    for (const key of OPTIONAL_SETTINGS) props[key] ??= undefined;
    // A dynamic resource registered directly, like ClusterPowerState (see ./shim).
    props.__provider = SERIALIZED_FLEET_PROVIDER;
    super(CLUSTER_FLEET_POWER_STATE_TYPE, name, props, opts);
  }
}
