import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** Exact PyPI versions of the real RDS clients the conformance test runs (botocore shared). */
export const PYTHON_PINS = ["boto3==1.44.8", "botocore==1.44.8", "awscli==1.46.3"] as const;

/** A virtual environment holding boto3 and the AWS CLI, and how long getting it took. */
export interface PythonClients {
  python: string;
  aws: string;
  /** Where it lives: under the OS temp dir, one per set of pins, reused across runs. */
  dir: string;
  reused: boolean;
  elapsedMs: number;
}

function run(command: string, args: string[], timeoutMs: number): void {
  const result = spawnSync(command, args, { encoding: "utf8", timeout: timeoutMs });
  if (result.status !== 0) {
    const why = result.error ? String(result.error) : `exit ${String(result.status)}`;
    throw new Error(
      `\`${command} ${args.join(" ")}\` failed (${why}):\n${result.stderr}${result.stdout}`,
    );
  }
}

/**
 * The virtual environment with {@link PYTHON_PINS}: made with `python3 -m venv` and pip the first
 * time (minutes at most), reused when its marker file says the same pins were installed. Throws
 * with pip's own output when it cannot be made: the conformance test fails, never skips.
 */
export function ensurePythonClients(): PythonClients {
  const started = Date.now();
  const key = createHash("sha256").update(PYTHON_PINS.join(" ")).digest("hex").slice(0, 12);
  const dir = join(tmpdir(), "aurora-power-conformance", `venv-${key}`);
  const marker = join(dir, "installed.txt");
  const reused = existsSync(marker);
  if (!reused) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    run("python3", ["-m", "venv", dir], 120_000);
    const pip = join(dir, "bin", "pip");
    run(pip, ["install", "--disable-pip-version-check", "--quiet", ...PYTHON_PINS], 480_000);
    writeFileSync(marker, `${PYTHON_PINS.join("\n")}\n`);
  }
  return {
    python: join(dir, "bin", "python"),
    aws: join(dir, "bin", "aws"),
    dir,
    reused,
    elapsedMs: Date.now() - started,
  };
}
