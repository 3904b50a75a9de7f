import * as fs from "node:fs";
import pidtree from "pidtree";

/** One process below the test process. */
export interface ProcessEntry {
  pid: number;
  ppid: number;
  /** Executable name (`/proc/<pid>/comm`, at most 15 characters; empty when it already exited). */
  command: string;
}

/** The executable name of `pid` (Linux, where the e2e tier runs; what `ps -o comm` shows). */
function commandOf(pid: number): string {
  try {
    return fs.readFileSync(`/proc/${pid}/comm`, "utf8").trim();
  } catch {
    return "";
  }
}

/** Every live descendant of `rootPid` (pidtree), with its executable name. */
export async function descendantsOf(rootPid: number): Promise<ProcessEntry[]> {
  const entries = await pidtree(rootPid, { advanced: true });
  return entries.map(({ pid, ppid }) => ({ pid, ppid, command: commandOf(pid) }));
}

/**
 * The `pulumi` CLI process the Automation API started from this (test) process, waiting up to
 * `timeoutMs` for it to appear. The inline program itself is served in-process, so this child is
 * the only `pulumi` below us.
 */
export async function findPulumiCli(timeoutMs = 10_000): Promise<ProcessEntry> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const cli = (await descendantsOf(process.pid)).find((entry) => entry.command === "pulumi");
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
