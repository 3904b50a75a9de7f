import * as path from "node:path";
import { engineBinDir } from "./paths";

/** What the engine and the dynamic provider process it starts need to run offline against a local endpoint. */
export interface StackEnvOptions {
  /** The local RDS endpoint, e.g. `http://127.0.0.1:4566`; every RDS call of the provider goes there. */
  endpointUrl: string;
  /** AWS region the provider uses (`AWS_REGION`). */
  region: string;
  /** The `file://` backend directory. */
  backendDir: string;
  /** Extra variables, applied last (e.g. provider poller knobs). */
  extra?: Record<string, string>;
}

/** Passphrase of the harness stacks' secrets provider: the stacks are temporary and local. */
export const HARNESS_PASSPHRASE = "aurora-power-harness";

/**
 * The environment of every CLI invocation (and so of the dynamic provider process): a file backend,
 * a passphrase, no update check, no plugin download, the launchers and Node 22 first on PATH, the
 * endpoint and fake credentials so nothing can reach a real AWS account.
 */
export function buildStackEnv(options: StackEnvOptions): Record<string, string> {
  const pathEntries = [engineBinDir(), path.dirname(process.execPath), process.env.PATH ?? ""];
  return {
    PATH: pathEntries.join(path.delimiter),
    PULUMI_BACKEND_URL: `file://${options.backendDir}`,
    PULUMI_CONFIG_PASSPHRASE: HARNESS_PASSPHRASE,
    PULUMI_SKIP_UPDATE_CHECK: "true",
    PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
    PULUMI_AUTOMATION_API_SKIP_VERSION_CHECK: "true",
    AWS_ENDPOINT_URL_RDS: options.endpointUrl,
    AWS_REGION: options.region,
    AWS_DEFAULT_REGION: options.region,
    AWS_ACCESS_KEY_ID: "test",
    AWS_SECRET_ACCESS_KEY: "test",
    AWS_SESSION_TOKEN: "test",
    // A profile or role from the user's shell would take precedence in some chains: neutralize it.
    AWS_PROFILE: "",
    AWS_EC2_METADATA_DISABLED: "true",
    ...options.extra,
  };
}
