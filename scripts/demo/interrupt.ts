import { execFileSync } from "node:child_process";

/** Every live descendant of `rootPid` (children first found, grandchildren after), from `ps`. */
export function descendantPids(rootPid: number): number[] {
  let table: string;
  try {
    table = execFileSync("ps", ["-e", "-o", "pid=,ppid="], { encoding: "utf8" });
  } catch {
    return [];
  }
  const children = new Map<number, number[]>();
  for (const line of table.split("\n")) {
    const [pid, ppid] = line.trim().split(/\s+/).map(Number);
    if (pid === undefined || ppid === undefined || Number.isNaN(pid)) continue;
    children.set(ppid, [...(children.get(ppid) ?? []), pid]);
  }
  const found: number[] = [];
  const queue = [rootPid];
  while (queue.length > 0) {
    const next = children.get(queue.shift() ?? -1) ?? [];
    found.push(...next);
    queue.push(...next);
  }
  return found;
}

/** Sends `signal` to each pid, ignoring those already gone. */
export function signalAll(pids: number[], signal: NodeJS.Signals): void {
  for (const pid of pids) {
    try {
      process.kill(pid, signal);
    } catch {
      // Already exited: nothing to stop.
    }
  }
}

/**
 * On Ctrl-C (or SIGTERM): stops the processes this one started (the pulumi CLI and the provider
 * process it runs), then runs `cleanup` (stack removal, endpoint shutdown) and exits 130. A second
 * Ctrl-C during cleanup exits at once, after killing the descendants.
 */
export function exitCleanlyOnInterrupt(cleanup: () => Promise<void>): void {
  let interrupted = false;
  const onSignal = (signal: NodeJS.Signals) => {
    const descendants = descendantPids(process.pid);
    if (interrupted) {
      signalAll(descendants, "SIGKILL");
      process.exit(130);
    }
    interrupted = true;
    process.stderr.write(`\n${signal}: stopping the engine and the local endpoint…\n`);
    signalAll(descendants, "SIGTERM");
    setTimeout(() => signalAll(descendantPids(process.pid), "SIGKILL"), 3000).unref();
    cleanup()
      .catch((error: unknown) => process.stderr.write(`cleanup: ${String(error)}\n`))
      .finally(() => {
        signalAll(descendantPids(process.pid), "SIGKILL");
        process.exit(130);
      });
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
}
