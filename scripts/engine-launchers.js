// @ts-check
/**
 * Writes the two launchers the engine looks for beside the `pulumi` binary (DESIGN.md §5):
 * - `pulumi-resource-pulumi-nodejs` starts the dynamic provider (`@pulumi/pulumi/cmd/dynamic-provider`),
 * - `pulumi-analyzer-policy-nodejs` runs a Node.js policy pack (`@pulumi/pulumi/cmd/run-policy-pack`)
 *   where no Node.js language host is installed.
 * Both resolve the script from the directory the engine starts them in (the stack's workDir, or the
 * policy pack's directory), and run it on Node 22: the project's `node_modules/.bin/node` nearest
 * to that directory, else the Node that ran provisioning, else `node` on PATH. The machine's own
 * Node 20 is too old for `@pulumi/pulumi` >= 3.249.
 */
"use strict";

const fs = require("node:fs");
const path = require("node:path");

/**
 * POSIX shell that sets NODE to the best Node binary for the current directory.
 * @param {string} provisioningNode absolute path of the Node that ran provisioning
 */
function pickNodeSnippet(provisioningNode) {
  return [
    'NODE=""',
    'dir="$PWD"',
    "while :; do",
    '  if [ -x "$dir/node_modules/.bin/node" ]; then NODE="$dir/node_modules/.bin/node"; break; fi',
    '  [ "$dir" = "/" ] && break',
    '  dir=$(dirname "$dir")',
    "done",
    `if [ -z "$NODE" ] && [ -x ${JSON.stringify(provisioningNode)} ]; then NODE=${JSON.stringify(provisioningNode)}; fi`,
    'if [ -z "$NODE" ]; then NODE=node; fi',
  ].join("\n");
}

/**
 * A launcher that resolves `module` from the current directory and execs it with the engine's args.
 * @param {string} module e.g. "@pulumi/pulumi/cmd/dynamic-provider"
 * @param {string} provisioningNode
 */
function launcherScript(module, provisioningNode) {
  const resolve = `process.stdout.write(require.resolve(${JSON.stringify(module)}, { paths: [process.cwd()] }))`;
  return [
    "#!/bin/sh",
    "# Written by aurora-power `npm run engine` (scripts/engine-launchers.js). Safe to delete.",
    "set -e",
    pickNodeSnippet(provisioningNode),
    `script=$("$NODE" -e '${resolve}')`,
    'exec "$NODE" "$script" "$@"',
    "",
  ].join("\n");
}

/**
 * Writes both launchers into binDir (overwriting older ones), executable.
 * @param {string} binDir
 * @param {string} provisioningNode
 */
function writeLaunchers(binDir, provisioningNode) {
  fs.mkdirSync(binDir, { recursive: true });
  const launchers = {
    "pulumi-resource-pulumi-nodejs": "@pulumi/pulumi/cmd/dynamic-provider",
    "pulumi-analyzer-policy-nodejs": "@pulumi/pulumi/cmd/run-policy-pack",
  };
  for (const [name, module] of Object.entries(launchers)) {
    const file = path.join(binDir, name);
    const temporary = `${file}.${process.pid}`;
    fs.writeFileSync(temporary, launcherScript(module, provisioningNode), { mode: 0o755 });
    fs.renameSync(temporary, file);
  }
}

module.exports = { writeLaunchers };
