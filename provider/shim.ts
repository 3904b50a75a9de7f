/*
 * The provider module every ClusterPowerState carries in its `__provider` input. The Pulumi
 * dynamic provider process evaluates that text with `require-from-string` and calls
 * `exports.handler()` once per distinct text to get the provider object (see `getProvider` in
 * @pulumi/pulumi's `cmd/dynamic-provider`). Pulumi's own `dynamic.Resource` fills it by
 * serializing a closure, which for a seven-method provider is 2.6 KB of `with` wrappers; the engine
 * stores it twice per resource (inputs and outputs) and rewrites the whole state after every step,
 * so at 200 clusters that text was most of what `pulumi up` spent its CPU on. This text is the
 * same contract written out by hand: about 100 bytes, no closure.
 *
 * It names nothing but `aurora-power/dynamic`, so it is the same for every package version (no
 * spurious diffs), holds no secret, path or SDK code, and delete always runs the installed
 * implementation, whose module exports are the provider methods.
 *
 * Why createRequire: `require-from-string` gives the evaluated code a module without a file name,
 * from which Node resolves packages in the working directory's node_modules but never through a
 * package's self-reference; a require created for the working directory does both (an installed
 * `aurora-power`, or a program inside this package itself).
 */

/** The `__provider` text of {@link ClusterPowerState}: loads `aurora-power/dynamic` by name. */
export const SERIALIZED_PROVIDER =
  'exports.handler = () => require("node:module").createRequire(`${process.cwd()}/`)("aurora-power/dynamic");';

/**
 * The `__provider` text of {@link ClusterFleetPowerState}: loads `aurora-power/fleet-dynamic`. A
 * different text from {@link SERIALIZED_PROVIDER}, because the provider process caches one provider
 * object per distinct text.
 */
export const SERIALIZED_FLEET_PROVIDER =
  'exports.handler = () => require("node:module").createRequire(`${process.cwd()}/`)("aurora-power/fleet-dynamic");';
