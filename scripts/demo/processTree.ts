import { execFileSync } from "node:child_process";

/** One process as `ps` lists it. */
export interface ProcessEntry {
  pid: number;
  ppid: number;
  /** Executable name (`comm`, at most 15 characters on Linux). */
  command: string;
}

/** Every process on the machine, from `ps` (throws if `ps` cannot run). */
export function processTable(): ProcessEntry[] {
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

/** Every live descendant of `rootPid`, breadth first (children before grandchildren). */
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
