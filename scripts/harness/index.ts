/**
 * The inline-stack harness: runs a Pulumi program function as a temporary stack through the
 * Automation API with the CLI `npm run engine` provisioned. Used by the e2e tests, `npm start` and
 * the benchmarks.
 */
export { createInlineStack, withInlineStack } from "./inlineStack";
export type { InlineStack, InlineStackOptions } from "./inlineStack";
export { buildStackEnv, HARNESS_PASSPHRASE } from "./stackEnv";
export type { StackEnvOptions } from "./stackEnv";
export { ENGINE_CLI_VERSION, engineBinDir, engineRoot, repoRoot } from "./paths";
export { acceleratedProviderEnv } from "./acceleratedEnv";
export { runProvisionedCli } from "./runCli";
export type { CliResult, RunCliOptions } from "./runCli";
