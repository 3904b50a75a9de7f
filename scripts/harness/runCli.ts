import { execFile } from "node:child_process";
import * as path from "node:path";
import { engineBinDir } from "./paths";

/** What one run of the provisioned `pulumi` printed and how it ended. */
export interface CliResult {
  /** Exit code; non-zero e.g. when `policy analyze` finds a mandatory violation. */
  code: number;
  stdout: string;
  stderr: string;
}

/** Options of {@link runProvisionedCli}. */
export interface RunCliOptions {
  cwd: string;
  /** Full environment of the CLI; build it with `buildStackEnv` so launchers and Node 22 are on PATH. */
  env: Record<string, string>;
  /** Killed after this long; default 120000. */
  timeoutMs?: number;
}

/**
 * Runs the CLI `npm run engine` provisioned with `args` (e.g. `policy analyze --policy-pack <dir>
 * --file <export>`), resolving with its exit code instead of throwing on a non-zero one.
 */
export function runProvisionedCli(args: string[], options: RunCliOptions): Promise<CliResult> {
  const binary = path.join(engineBinDir(), "pulumi");
  return new Promise((resolve, reject) => {
    execFile(
      binary,
      [...args, "--non-interactive", "--color", "never"],
      {
        cwd: options.cwd,
        env: { ...process.env, ...options.env },
        timeout: options.timeoutMs ?? 120_000,
        maxBuffer: 16 << 20,
      },
      (error, stdout, stderr) => {
        if (error && typeof error.code !== "number") {
          reject(new Error(`could not run ${binary}: ${error.message}`, { cause: error }));
          return;
        }
        resolve({ code: typeof error?.code === "number" ? error.code : 0, stdout, stderr });
      },
    );
  });
}
