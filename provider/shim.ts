/*
 * The provider module every ClusterPowerState carries in its `__provider` input. The Pulumi
 * dynamic provider process evaluates that text with `require-from-string` and calls
 * `exports.handler()` once per distinct text to get the provider object (see `getProvider` in
 * @pulumi/pulumi's `cmd/dynamic-provider`). Pulumi's own `dynamic.Resource` fills it by
 * serializing a closure, which for a seven-method provider is 2.6 KB of `with` wrappers; the engine
 * stores it twice per resource (inputs and outputs) and rewrites the whole state after every step,
 * so at 200 clusters that text was most of what `pulumi up` spent its CPU on. This text is the
 * same contract written out by hand: 598 bytes (616 for the fleet's), no closure.
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

/**
 * The `__provider` text that loads `aurora-power/<subpath>` from the program's directory. When the
 * package cannot be loaded there (not installed in that directory, Yarn Plug'n'Play, a fork under
 * another name, an older aurora-power without that subpath), every operation — refresh and destroy
 * included — would fail with a bare `MODULE_NOT_FOUND`: the text rewrites that error's message to
 * say where it looked, why that failed, and how to fix it, keeping `code` and the stack.
 */
function providerModule(subpath: string): string {
  const name = `aurora-power/${subpath}`;
  return (
    "exports.handler = () => { const d = process.cwd(); " +
    `try { return require("node:module").createRequire(\`\${d}/\`)("${name}"); } catch (e) { ` +
    'if (e && (e.code === "MODULE_NOT_FOUND" || e.code === "ERR_PACKAGE_PATH_NOT_EXPORTED")) ' +
    `e.message = \`aurora-power: cannot load "${name}" from \${d}, the directory Pulumi runs the program in ` +
    '(${e.code}: ${String(e.message).split("\\n")[0]}). Install aurora-power in that directory ' +
    `(npm install aurora-power) so that require.resolve("${name}") works from it; with Yarn Plug'n'Play, set nodeLinker: node-modules.\`; ` +
    "throw e; } };"
  );
}

/** The `__provider` text of {@link ClusterPowerState}: loads `aurora-power/dynamic` by name. */
export const SERIALIZED_PROVIDER = providerModule("dynamic");

/**
 * The `__provider` text of {@link ClusterFleetPowerState}: loads `aurora-power/fleet-dynamic`. A
 * different text from {@link SERIALIZED_PROVIDER}, because the provider process caches one provider
 * object per distinct text.
 */
export const SERIALIZED_FLEET_PROVIDER = providerModule("fleet-dynamic");
