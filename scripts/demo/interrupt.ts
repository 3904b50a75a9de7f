import pidtree from "pidtree";

/**
 * Every live descendant of `rootPid` (pidtree: `ps` on Linux and macOS, wmic/PowerShell on
 * Windows); none when the process list cannot be read (nothing we could stop anyway).
 */
export async function descendantPids(rootPid: number): Promise<number[]> {
  try {
    return await pidtree(rootPid);
  } catch {
    return [];
  }
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
  while (Date.now() < deadline && (await descendantPids(process.pid)).length > 0) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * Stops every process this one started: SIGTERM (the pulumi CLI cancels, the provider process
 * exits), then SIGKILL for whatever is left after `graceMs`. The provider process runs in its own
 * process group, so a terminal's Ctrl-C alone does not always reach it.
 */
export async function stopDescendants(graceMs = 3000): Promise<void> {
  signalAll(await descendantPids(process.pid), "SIGTERM");
  await waitUntilGone(graceMs);
  signalAll(await descendantPids(process.pid), "SIGKILL");
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
      void descendantPids(process.pid)
        .then((pids) => signalAll(pids, "SIGKILL"))
        .finally(() => process.exit(130));
      return;
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
