/**
 * Peak resident memory and CPU time of the processes of one stack operation. The engine (the
 * `pulumi` CLI) runs in the stack's working directory and starts the dynamic provider
 * (`pulumi-resource-pulumi-nodejs`, which runs `@pulumi/pulumi/cmd/dynamic-provider`) there too;
 * other stacks on the machine run their own, so processes are matched by working directory and
 * command line. `VmHWM` in /proc/<pid>/status is the kernel's high-water mark of resident memory,
 * and utime + stime in /proc/<pid>/stat the CPU time, so the last sample before exit is exact
 * within one sampling interval.
 */
import * as fs from "node:fs";

const SAMPLE_INTERVAL_MS = 200;
/** Kernel clock ticks per second of /proc/<pid>/stat times (USER_HZ, 100 on Linux). */
const CLOCK_TICKS_PER_SECOND = 100;

type Role = "provider" | "engine";

/** What the sampler saw. */
export interface ProcessFigures {
  /** Highest VmHWM of the dynamic provider, MB (undefined: never found). */
  providerPeakRssMb: number | undefined;
  /** CPU time of the dynamic provider process(es), ms. */
  providerCpuMs: number;
  /** CPU time of the pulumi CLI (the engine) for this operation, ms. */
  engineCpuMs: number;
}

/** Samples the stack's processes until stopped. */
export interface ProcessSampler {
  stop(): ProcessFigures;
}

function roleOf(pid: string, workDir: string): Role | undefined {
  try {
    if (fs.readlinkSync(`/proc/${pid}/cwd`) !== workDir) return undefined;
    const argv = fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0");
    // The provider runs the script itself; the launcher's short `node -e require.resolve(…)` step
    // only mentions it inside a string and must not count.
    if (argv.some((arg) => /[\\/]cmd[\\/]dynamic-provider([\\/]index\.js)?$/.test(arg)))
      return "provider";
    if (argv[0]?.endsWith("/pulumi") && (argv[1] === "up" || argv[1] === "destroy"))
      return "engine";
    return undefined;
  } catch {
    return undefined; // the process ended between listing and reading: nothing to sample
  }
}

function readStatus(pid: string): { hwmMb: number | undefined; cpuMs: number } | undefined {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    // Fields after the parenthesised command name: state is field 3, utime 14, stime 15.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const ticks = Number(fields[11]) + Number(fields[12]);
    const match = /^VmHWM:\s+(\d+)\s+kB/m.exec(status);
    return {
      hwmMb: match ? Number(match[1]) / 1024 : undefined,
      cpuMs: (ticks * 1000) / CLOCK_TICKS_PER_SECOND,
    };
  } catch {
    return undefined;
  }
}

/** Starts sampling the engine and provider processes running in `workDir` every 200 ms. */
export function sampleStackProcesses(workDir: string): ProcessSampler {
  const seen = new Map<string, { role: Role; cpuMs: number; hwmMb: number | undefined }>();
  const sample = (): void => {
    for (const pid of fs.readdirSync("/proc")) {
      if (!/^\d+$/.test(pid)) continue;
      const known = seen.get(pid);
      const role = known?.role ?? roleOf(pid, workDir);
      if (!role) continue;
      const status = readStatus(pid);
      if (status)
        seen.set(pid, {
          role,
          cpuMs: status.cpuMs,
          hwmMb: Math.max(known?.hwmMb ?? 0, status.hwmMb ?? 0) || undefined,
        });
    }
  };
  const timer = setInterval(sample, SAMPLE_INTERVAL_MS);
  return {
    stop() {
      clearInterval(timer);
      sample();
      const of = (role: Role) => [...seen.values()].filter((p) => p.role === role);
      const peaks = of("provider").map((p) => p.hwmMb ?? 0);
      return {
        providerPeakRssMb: peaks.length > 0 ? Math.max(...peaks) : undefined,
        providerCpuMs: Math.round(of("provider").reduce((sum, p) => sum + p.cpuMs, 0)),
        engineCpuMs: Math.round(of("engine").reduce((sum, p) => sum + p.cpuMs, 0)),
      };
    },
  };
}
