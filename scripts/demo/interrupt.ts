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

async function waitUntilGone(timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && descendantPids(process.pid).length > 0) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * Stops every process this one started: SIGTERM (the pulumi CLI cancels, the provider process
 * exits), then SIGKILL for whatever is left after `graceMs`. The provider process runs in its own
 * process group, so a terminal's Ctrl-C alone does not always reach it.
 */
export async function stopDescendants(graceMs = 3000): Promise<void> {
  signalAll(descendantPids(process.pid), "SIGTERM");
  await waitUntilGone(graceMs);
  signalAll(descendantPids(process.pid), "SIGKILL");
  await waitUntilGone(1000);
}

let interrupted = false;

/** True once Ctrl-C was pressed: operations failing because of it are not errors to report. */
export function wasInterrupted(): boolean {
  return interrupted;
}

/**
 * On Ctrl-C (or SIGTERM): stops the processes this one started, then runs `cleanup` (directories,
 * endpoint shutdown) and exits 130. A second Ctrl-C exits at once, after killing the descendants.
 */
export function exitCleanlyOnInterrupt(cleanup: () => Promise<void>): void {
  const onSignal = (signal: NodeJS.Signals) => {
    if (interrupted) {
      signalAll(descendantPids(process.pid), "SIGKILL");
      process.exit(130);
    }
    interrupted = true;
    process.stderr.write(`\n${signal}: stopping the engine and the local endpoint…\n`);
    stopDescendants()
      .then(cleanup)
      .catch((error: unknown) => process.stderr.write(`cleanup: ${String(error)}\n`))
      .finally(() => process.exit(130));
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
}
