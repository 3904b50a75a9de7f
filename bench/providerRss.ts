/**
 * Peak resident memory of the dynamic provider process of one stack. The engine starts it
 * (`pulumi-resource-pulumi-nodejs`, which runs `@pulumi/pulumi/cmd/dynamic-provider`) in the
 * stack's working directory; other stacks on the machine run their own, so the process is matched
 * by command line and working directory. `VmHWM` in /proc/<pid>/status is the kernel's high-water
 * mark of resident memory, so sampling it before the process exits gives the true peak.
 */
import * as fs from "node:fs";

const SAMPLE_INTERVAL_MS = 200;

/** Samples the provider's VmHWM until stopped. */
export interface RssSampler {
  /** Stops sampling; resolves with the highest VmHWM seen in MB (undefined: never found). */
  stop(): number | undefined;
}

function isProviderOf(pid: string, workDir: string): boolean {
  try {
    const cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, "utf8");
    if (!cmdline.includes("dynamic-provider")) return false;
    return fs.readlinkSync(`/proc/${pid}/cwd`) === workDir;
  } catch {
    return false; // the process ended between listing and reading: not ours any more
  }
}

function findProviders(workDir: string): string[] {
  return fs.readdirSync("/proc").filter((entry) => /^\d+$/.test(entry) && isProviderOf(entry, workDir));
}

function highWaterMarkMb(pid: string): number | undefined {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
    const match = /^VmHWM:\s+(\d+)\s+kB/m.exec(status);
    return match ? Number(match[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

/** Starts sampling the provider process(es) started in `workDir` every 200 ms. */
export function sampleProviderRss(workDir: string): RssSampler {
  let peakMb: number | undefined;
  let known: string[] = [];
  const sample = (): void => {
    if (known.length === 0 || known.some((pid) => !fs.existsSync(`/proc/${pid}`))) known = findProviders(workDir);
    for (const pid of known) {
      const mb = highWaterMarkMb(pid);
      if (mb !== undefined) peakMb = Math.max(peakMb ?? 0, mb);
    }
  };
  const timer = setInterval(sample, SAMPLE_INTERVAL_MS);
  return {
    stop() {
      clearInterval(timer);
      sample();
      return peakMb;
    },
  };
}
