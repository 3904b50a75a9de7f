/**
 * Runs `pulumi policy analyze --file` (the provisioned CLI) with the compiled aurora-power pack
 * over a stack export, optionally with a `--policy-pack-config` file.
 */
import { execFile } from "node:child_process";
import * as path from "node:path";
import { promisify } from "node:util";
import { buildStackEnv, engineBinDir, repoRoot } from "../../../scripts/harness";

const run = promisify(execFile);
/** The pack directory users pass to `--policy-pack`. */
export const POLICY_DIR = path.join(repoRoot(), "policy");
/** Nothing listens here: analysis must not reach RDS, and nothing may reach AWS. */
export const NO_ENDPOINT = "http://127.0.0.1:9";

/** The exit code and everything the CLI printed. */
export async function analyzeStackExport(
  file: string,
  configFile?: string,
): Promise<{ code: number; output: string }> {
  const env = {
    ...process.env,
    ...buildStackEnv({ endpointUrl: NO_ENDPOINT, region: "us-east-1", backendDir: "/nonexistent" }),
  };
  const config = configFile === undefined ? [] : ["--policy-pack-config", configFile];
  const args = ["policy", "analyze", "--policy-pack", POLICY_DIR, ...config, "--file", file];
  const options = { env, cwd: repoRoot(), timeout: 120_000 };
  try {
    const { stdout, stderr } = await run(path.join(engineBinDir(), "pulumi"), args, options);
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, output: failed.stdout + failed.stderr };
  }
}
