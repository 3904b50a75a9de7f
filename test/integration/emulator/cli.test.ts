import { spawn, type ChildProcess } from "node:child_process";
import { writeFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { DescribeDBClustersCommand } from "@aws-sdk/client-rds";
import { rdsClient } from "./sdk";

const ROOT = join(__dirname, "..", "..", "..");

// A require hook that transpiles each .ts file to CommonJS on load (no type check), so the child
// runs the CLI from source and the test needs no prior build.
const TS_REGISTER = `
const fs = require("node:fs");
const ts = require(${JSON.stringify(require.resolve("typescript"))});
require.extensions[".ts"] = (module, filename) => {
  const { outputText } = ts.transpileModule(fs.readFileSync(filename, "utf8"), {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
    fileName: filename,
  });
  module._compile(outputText, filename);
};`;
let registerPath: string;

beforeAll(() => {
  registerPath = join(mkdtempSync(join(tmpdir(), "emu-register-")), "tsRegister.js");
  writeFileSync(registerPath, TS_REGISTER);
});

/** Runs the CLI from its TypeScript source; `firstLine()` resolves with its first stdout line. */
function runCli(args: string[]): { child: ChildProcess; firstLine: () => Promise<string> } {
  const child = spawn(
    process.execPath,
    ["-r", registerPath, join(ROOT, "emulator", "cli.ts"), ...args],
    { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] },
  );
  const firstLine = () =>
    new Promise<string>((resolve, reject) => {
      createInterface({ input: child.stdout as NodeJS.ReadableStream }).once("line", resolve);
      child.once("exit", (code) => reject(new Error(`CLI exited early with ${code}`)));
    });
  return { child, firstLine };
}

function exitCode(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => child.once("exit", (code) => resolve(code)));
}

describe("aurora-power-emulator CLI", () => {
  it("prints its URL first, serves a seed file and exits cleanly on SIGTERM", async () => {
    const dir = mkdtempSync(join(tmpdir(), "emu-cli-"));
    const seed = join(dir, "clusters.json");
    writeFileSync(seed, JSON.stringify([{ DBClusterIdentifier: "from-file", Status: "stopped" }]));
    const { child, firstLine } = runCli(["--seed", seed, "--stop-seconds", "0.1", "--port", "0"]);
    const line = await firstLine();
    expect(line).toMatch(/^listening on http:\/\/127\.0\.0\.1:\d+$/);
    const rds = rdsClient(line.slice("listening on ".length));
    const out = await rds.send(new DescribeDBClustersCommand({}));
    expect(out.DBClusters?.map((c) => [c.DBClusterIdentifier, c.Status])).toEqual([
      ["from-file", "stopped"],
    ]);
    rds.destroy();
    const exited = exitCode(child);
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
  });

  it("prints the fault seed second, taken from --fault-seed", async () => {
    const { child } = runCli(["--fault-seed", "4242"]);
    const lines: string[] = [];
    const reader = createInterface({ input: child.stdout as NodeJS.ReadableStream });
    const second = new Promise<void>((resolve) =>
      reader.on("line", (line) => lines.push(line) === 2 && resolve()),
    );
    await second;
    expect(lines[0]).toMatch(/^listening on http:\/\/127\.0\.0\.1:\d+$/);
    expect(lines[1]).toBe("fault seed 4242");
    const exited = exitCode(child);
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
  });

  it("exits cleanly on SIGINT", async () => {
    const { child, firstLine } = runCli([]);
    await firstLine();
    const exited = exitCode(child);
    child.kill("SIGINT");
    expect(await exited).toBe(0);
  });

  it("exits with 2 and usage on a bad flag", async () => {
    const { child } = runCli(["--error-rate", "lots"]);
    let stderr = "";
    child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    expect(await exitCode(child)).toBe(2);
    expect(stderr).toContain(
      "`--error-rate` must be a number from 0 to 1 (a probability), got `lots`",
    );
    expect(stderr).toContain("Usage: aurora-power-emulator");
  });

  it("issue 19: exits with 2 on a latency beyond Node's timer range, naming flag, value and range", async () => {
    const { child } = runCli(["--latency-ms", "2147483648"]);
    let stdout = "";
    let stderr = "";
    child.stdout!.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    expect(await exitCode(child)).toBe(2);
    expect(stderr.split("\n")[0]).toBe(
      "aurora-power-emulator: `--latency-ms` must be a number from 0 to 2147483647 (milliseconds), got `2147483648`",
    );
    expect(stdout).toBe("");
  });
});
