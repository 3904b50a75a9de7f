/**
 * Issue 18: `npm start`'s Diagnostics blocks hold no progress line, only one outcome line per
 * cluster. Runs the demo itself (`node dist/scripts/start.js`, what `npm start` runs after its
 * build) and reads the engine output it prints: the `pulumi up` block and the `pulumi destroy` block.
 */
import { spawn } from "node:child_process";
import * as path from "node:path";
import { repoRoot } from "../../scripts/harness";

/** Runs the demo to its end; resolves to its exit code and everything it printed. */
function runDemo(): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(repoRoot(), "dist/scripts/start.js")], {
      cwd: repoRoot(),
      env: { ...process.env, CI: "true" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, output }));
  });
}

/** The lines of every printed `Diagnostics:` block, without the demo's indent and the stack header. */
function diagnosticsBlocks(output: string): string[][] {
  const lines = output.split("\n").map((line) => line.replace(/^ {3}│ ?/, ""));
  const blocks: string[][] = [];
  lines.forEach((line, index) => {
    if (line.trim() !== "Diagnostics:") return;
    const block: string[] = [];
    for (const next of lines.slice(index + 1)) {
      if (next.trim() === "") break;
      if (!next.trim().startsWith("pulumi:pulumi:Stack")) block.push(next.trim());
    }
    blocks.push(block);
  });
  return blocks;
}

const CLUSTERS = ["dev-orders", "prod-orders", "staging-reports"];
const UP_OUTCOME = /^cluster `([a-z-]+)` \(us-east-1\): (already running|stopped in \d+s)$/;
const DESTROY_OUTCOME =
  /^cluster `([a-z-]+)` \(us-east-1\): restored to `running`: (already running|started in \d+s)$/;

test("npm start: each Diagnostics block is one outcome line per cluster, no progress", async () => {
  const { code, output } = await runDemo();
  expect({ code, tail: code === 0 ? "" : output.slice(-2000) }).toEqual({ code: 0, tail: "" });
  const blocks = diagnosticsBlocks(output);
  expect(blocks).toHaveLength(2);
  const [up = [], destroy = []] = blocks;
  expect(up.filter((line) => !UP_OUTCOME.test(line))).toEqual([]);
  expect(up.map((line) => UP_OUTCOME.exec(line)?.[1]).sort()).toEqual(CLUSTERS);
  expect(up).toContain("cluster `prod-orders` (us-east-1): already running");
  expect(destroy.filter((line) => !DESTROY_OUTCOME.test(line))).toEqual([]);
  expect(destroy.map((line) => DESTROY_OUTCOME.exec(line)?.[1]).sort()).toEqual(CLUSTERS);
});
