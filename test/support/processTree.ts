import { execFileSync } from "node:child_process";

/** One process as `ps` lists it. */
export interface ProcessEntry {
  pid: number;
  ppid: number;
  /** Executable name (`comm`, at most 15 characters on Linux). */
  command: string;
}

function processTable(): ProcessEntry[] {
  const table = execFileSync("ps", ["-e", "-o", "pid=,ppid=,comm="], { encoding: "utf8" });
  return table
    .split("\n")
    .map((line) => /^\s*(\d+)\s+(\d+)\s+(.*)$/.exec(line))
    .filter((match): match is RegExpExecArray => match !== null)
    .map((match) => ({
      pid: Number(match[1]),
      ppid: Number(match[2]),
      command: (match[3] ?? "").trim(),
    }));
}

/** Every live descendant of `rootPid`, breadth first. */
export function descendantsOf(rootPid: number): ProcessEntry[] {
  const table = processTable();
  const found: ProcessEntry[] = [];
  const queue = [rootPid];
  while (queue.length > 0) {
    const parent = queue.shift();
    for (const entry of table.filter((e) => e.ppid === parent)) {
      found.push(entry);
      queue.push(entry.pid);
    }
  }
  return found;
}

/**
 * The `pulumi` CLI process the Automation API started from this (test) process, waiting up to
 * `timeoutMs` for it to appear. The inline program itself is served in-process, so this child is
 * the only `pulumi` below us.
 */
export async function findPulumiCli(timeoutMs = 10_000): Promise<ProcessEntry> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const cli = descendantsOf(process.pid).find((entry) => entry.command === "pulumi");
    if (cli) return cli;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`no pulumi CLI below pid ${process.pid} within ${timeoutMs} ms`);
}

/** True while `pid` exists. */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Sends SIGKILL to each of `pids` that still lives (processes this test started, by id). */
export function killLeftovers(pids: number[]): number[] {
  const killed = pids.filter(isAlive);
  for (const pid of killed) {
    try {
      process.kill(pid, "SIGKILL");
    } catch {
      // Exited between the check and the kill: nothing left to stop.
    }
  }
  return killed;
}
