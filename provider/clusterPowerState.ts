import * as pulumi from "@pulumi/pulumi";
import { OPTIONAL_SETTINGS, identityInputs, type PowerSettingsArgs } from "./powerSettingsArgs";
import { SERIALIZED_PROVIDER } from "./shim";
import { CLUSTER_POWER_STATE_TYPE } from "./aurora/typeTokens";
import type { OnDelete, PowerState } from "./types";

/** Arguments of {@link ClusterPowerState}. */
export interface ClusterPowerStateArgs extends PowerSettingsArgs {
  /** The Aurora DB cluster identifier, e.g. `dev-orders` (or `cluster.clusterIdentifier`). */
  clusterIdentifier: pulumi.Input<string>;
  /** The power state to hold: `running` or `stopped`. */
  state: pulumi.Input<PowerState>;
}

/**
 * Holds an Amazon Aurora DB cluster running or stopped. Create adopts the cluster (refusing one RDS
 * cannot stop) and converges it from whatever status it is in; refresh shows drift such as the
 * 7-day automatic start, and the next `pulumi up` stops it again.
 *
 * @example
 * ```ts
 * import { ClusterPowerState } from "aurora-power";
 *
 * const power = new ClusterPowerState("dev-orders-power", {
 *   clusterIdentifier: "dev-orders",
 *   state: "stopped",
 *   onDelete: "running",
 * });
 * export const status = power.status;
 * ```
 */
export class ClusterPowerState extends pulumi.CustomResource {
  // `declare` keeps the ES2022 class-field semantics from overwriting the outputs the base
  // constructor registered.
  declare public readonly clusterIdentifier: pulumi.Output<string>;
  declare public readonly state: pulumi.Output<PowerState>;
  declare public readonly region: pulumi.Output<string>;
  declare public readonly onDelete: pulumi.Output<OnDelete>;
  declare public readonly timeoutMinutes: pulumi.Output<number>;
  declare public readonly profile: pulumi.Output<string | undefined>;
  declare public readonly roleArn: pulumi.Output<string | undefined>;
  /** Last observed RDS status (`stopped`, `available`, `backing-up`, …). */
  declare public readonly status: pulumi.Output<string>;
  /** The power state found at create. */
  declare public readonly initialState: pulumi.Output<PowerState>;
  declare public readonly clusterArn: pulumi.Output<string>;
  declare public readonly engine: pulumi.Output<string>;
  declare public readonly engineMode: pulumi.Output<string>;
  /** ISO 8601 time of RDS's automatic start of the stopped cluster (while stopped). */
  declare public readonly automaticRestartTime: pulumi.Output<string | undefined>;
  declare public readonly schemaVersion: pulumi.Output<number>;
  /** The aurora-power version that wrote the resource's state. */
  declare public readonly writtenBy: pulumi.Output<string>;

  constructor(name: string, args: ClusterPowerStateArgs, opts?: pulumi.CustomResourceOptions) {
    const identifier = pulumi.output(args.clusterIdentifier);
    const props: pulumi.Inputs = {
      ...args,
      ...identityInputs(name, identifier),
      status: undefined,
      initialState: undefined,
      // The engine marks an output secret when the input of the same name is: a placeholder that
      // is secret exactly when the identifier is keeps the ARN (which names the cluster) secret.
      clusterArn: identifier.apply(() => ""),
      engine: undefined,
      engineMode: undefined,
      automaticRestartTime: undefined,
      schemaVersion: undefined,
      writtenBy: undefined,
    };
    for (const key of OPTIONAL_SETTINGS) props[key] ??= undefined;
    // A dynamic resource registered directly (not through `dynamic.Resource`) so that its
    // `__provider` is the small hand-written module of ./shim rather than a serialized closure.
    props.__provider = SERIALIZED_PROVIDER;
    super(CLUSTER_POWER_STATE_TYPE, name, props, opts);
  }
}
