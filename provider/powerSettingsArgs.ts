import * as pulumi from "@pulumi/pulumi";
import type { OnDelete } from "./types";

/** Settings shared by {@link ClusterPowerState} and {@link ClusterFleetPowerState}. */
export interface PowerSettingsArgs {
  /** AWS Region of the cluster(s); default the stack's `aws:region`, then `AWS_REGION`. */
  region?: pulumi.Input<string>;
  /**
   * What to do with a cluster the resource stops holding (the resource is deleted, or the cluster
   * leaves a fleet): `restore` (default: back to the power state found when it was adopted),
   * `running`, `stopped`, or `retain` (leave it as it is).
   */
  onDelete?: pulumi.Input<OnDelete>;
  /** Limit for one create, update or delete, waits included (default 60). */
  timeoutMinutes?: pulumi.Input<number>;
  /** Shared-config profile whose credentials the provider uses (default: the default chain). */
  profile?: pulumi.Input<string>;
  /** IAM role the provider assumes for its RDS calls. */
  roleArn?: pulumi.Input<string>;
}

/**
 * The optional settings, registered as `undefined` when not given so that they exist as outputs
 * (a dynamic resource has outputs only for the properties it registers).
 */
export const OPTIONAL_SETTINGS: readonly (keyof PowerSettingsArgs)[] = [
  "region",
  "onDelete",
  "timeoutMinutes",
  "profile",
  "roleArn",
];

/**
 * Inputs every resource adds about itself: its name in the program (the provider names resources
 * in messages and tells a rename or a move from a second holder of one cluster with it; a
 * dynamic provider is not told the URN) and whether the cluster identifiers are secret (the
 * provider then keeps them out of the resource ID, progress lines and messages).
 */
export function identityInputs(name: string, identifiers: pulumi.Output<unknown>): pulumi.Inputs {
  return { resourceName: name, identifierIsSecret: pulumi.isSecret(identifiers) };
}
