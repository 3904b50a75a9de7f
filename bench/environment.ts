/**
 * The machine and the versions every figure was measured with: core count, load, Node, the
 * pulumi CLI the harness runs, @pulumi/pulumi, @pulumi/policy and the AWS SDK.
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { engineBinDir, repoRoot } from "../scripts/harness";

/** What the results file records about where it was measured. */
export interface BenchEnvironment {
  cores: number;
  cpuModel: string;
  totalMemoryMb: number;
  node: string;
  pulumiCli: string;
  pulumiSdk: string;
  pulumiPolicy: string;
  awsSdkClientRds: string;
  /** 1-minute load average when the bench started (other work on the machine skews figures). */
  loadAverageAtStart: number;
}

function installedVersion(name: string): string {
  const manifest = path.join(repoRoot(), "node_modules", ...name.split("/"), "package.json");
  try {
    return (
      (JSON.parse(fs.readFileSync(manifest, "utf8")) as { version?: string }).version ?? "unknown"
    );
  } catch {
    return "not installed";
  }
}

function cliVersion(): string {
  try {
    return execFileSync(path.join(engineBinDir(), "pulumi"), ["version"], {
      encoding: "utf8",
    }).trim();
  } catch (error) {
    return `unavailable (${error instanceof Error ? error.message : String(error)})`;
  }
}

/** Reads the environment once, at the start of the bench. */
export function readBenchEnvironment(): BenchEnvironment {
  return {
    cores: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? "unknown",
    totalMemoryMb: Math.round(os.totalmem() / 2 ** 20),
    node: process.version,
    pulumiCli: cliVersion(),
    pulumiSdk: installedVersion("@pulumi/pulumi"),
    pulumiPolicy: installedVersion("@pulumi/policy"),
    awsSdkClientRds: installedVersion("@aws-sdk/client-rds"),
    loadAverageAtStart: Math.round((os.loadavg()[0] ?? 0) * 100) / 100,
  };
}

/** The current 1-minute load average, rounded. */
export function loadAverageNow(): number {
  return Math.round((os.loadavg()[0] ?? 0) * 100) / 100;
}
