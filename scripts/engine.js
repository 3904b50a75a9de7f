#!/usr/bin/env node
// @ts-check
/**
 * `npm run engine`: makes the real pulumi CLI 3.259.0 and its two Node.js launchers available in
 * `${PULUMI_HOME:-~/.pulumi}/versions/3.259.0/bin`, the directory the harness (scripts/harness/)
 * runs the engine from. In order:
 *   1. a CLI already there, or a `pulumi` >= 3.259 on PATH (linked there);
 *   2. the official `pulumi` npm wrapper, which downloads the CLI on an ordinary machine (bounded
 *      to AURORA_POWER_DOWNLOAD_TIMEOUT_SECONDS, default 60: where only the package registries
 *      are reachable it fails, and fast);
 *   3. a build from the Go module proxy (~4 min once on 2 cores; seconds afterwards).
 * Plain CommonJS with JSDoc types so it runs on a fresh clone before `npm run build`.
 * Set AURORA_POWER_ENGINE_SKIP_DOWNLOAD=1 to go straight from 1 to 3.
 */
"use strict";

const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const { runBounded, quickOutput } = require("./engine-process");
const { buildCli } = require("./engine-build");
const { writeLaunchers } = require("./engine-launchers");

/** The newest CLI the Go module proxy serves; @pulumi/pulumi is pinned to the same version. */
const CLI_VERSION = "3.259.0";

/** @returns {string} e.g. ~/.pulumi/versions/3.259.0/bin */
function engineBinDir() {
  const home = process.env.PULUMI_HOME || path.join(os.homedir(), ".pulumi");
  return path.join(home, "versions", CLI_VERSION, "bin");
}

/**
 * The CLI's version if `binary` runs and is at least CLI_VERSION, else undefined.
 * @param {string} binary
 */
function usableVersion(binary) {
  const printed = quickOutput(binary, ["version"]);
  const match = /^v?(\d+)\.(\d+)\.(\d+)/.exec(printed ?? "");
  if (!match) return undefined;
  const found = match.slice(1, 4).map(Number);
  const wanted = CLI_VERSION.split(".").map(Number);
  for (let i = 0; i < 3; i++) {
    const a = found[i] ?? 0;
    const b = wanted[i] ?? 0;
    if (a !== b) return a > b ? printed : undefined;
  }
  return printed;
}

/**
 * Links a usable `pulumi` from PATH into binDir so every consumer finds the CLI in one place.
 * @param {string} binDir
 * @returns {boolean}
 */
function adoptCliFromPath(binDir) {
  const onPath = quickOutput("sh", ["-c", "command -v pulumi"]);
  if (!onPath || !usableVersion(onPath)) return false;
  const real = fs.realpathSync(onPath);
  fs.mkdirSync(binDir, { recursive: true });
  fs.rmSync(path.join(binDir, "pulumi"), { force: true });
  fs.symlinkSync(real, path.join(binDir, "pulumi"));
  process.stderr.write(`Using the pulumi CLI on PATH: ${real}\n`);
  return true;
}

/**
 * Tries the official npm wrapper, which downloads the CLI into the same directory on first use.
 * @param {string} binDir
 */
async function tryOfficialDownload(binDir) {
  if (process.env.AURORA_POWER_ENGINE_SKIP_DOWNLOAD === "1") return false;
  const seconds = Number(process.env.AURORA_POWER_DOWNLOAD_TIMEOUT_SECONDS || 60);
  process.stderr.write(
    `Trying the official pulumi@${CLI_VERSION} npm wrapper (up to ${seconds}s)…\n`,
  );
  const result = await runBounded(
    "npm",
    ["exec", "--yes", `--package=pulumi@${CLI_VERSION}`, "--", "pulumi", "version"],
    {
      cwd: os.tmpdir(),
      timeoutMs: seconds * 1000,
    },
  );
  if (result.code === 0 && usableVersion(path.join(binDir, "pulumi"))) return true;
  const lastLine = result.output.trim().split("\n").pop() ?? "";
  const why = result.timedOut ? `no answer within ${seconds}s` : lastLine;
  process.stderr.write(
    `  the download is not possible here (${why}); building from source instead.\n`,
  );
  return false;
}

/**
 * The CLI binary, by whichever route works first. Removes a half-installed CLI before building.
 * @param {string} binDir
 * @returns {Promise<string>} how the CLI was obtained
 */
async function ensureCli(binDir) {
  const cli = path.join(binDir, "pulumi");
  if (usableVersion(cli)) return "already provisioned";
  if (fs.existsSync(cli) || isDanglingLink(cli)) fs.rmSync(cli, { force: true });
  if (adoptCliFromPath(binDir)) return "linked from PATH";
  if (await tryOfficialDownload(binDir)) return "downloaded by the official npm wrapper";
  fs.rmSync(cli, { force: true });
  await buildCli(CLI_VERSION, binDir);
  if (!usableVersion(cli))
    throw new Error(`the built CLI at ${cli} does not report version ${CLI_VERSION}`);
  return "built from the Go module proxy";
}

/** @param {string} file */
function isDanglingLink(file) {
  try {
    return fs.lstatSync(file).isSymbolicLink() && !fs.existsSync(file);
  } catch {
    return false;
  }
}

/**
 * The Node the launchers fall back to outside a project: the project's Node 22 when installed
 * (`node scripts/engine.js` may have been started by the machine's older Node), else this one.
 */
function launcherNode() {
  const projectNode = path.join(__dirname, "..", "node_modules", ".bin", "node");
  return fs.existsSync(projectNode) ? fs.realpathSync(projectNode) : process.execPath;
}

async function main() {
  const started = Date.now();
  const binDir = engineBinDir();
  const how = await ensureCli(binDir);
  const node = launcherNode();
  writeLaunchers(binDir, node);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const version = usableVersion(path.join(binDir, "pulumi"));
  process.stderr.write(
    `pulumi ${version} ready in ${binDir} (${how}; ${seconds}s), launchers fall back to ${node}\n`,
  );
}

if (require.main === module) {
  main().catch((/** @type {unknown} */ error) => {
    process.stderr.write(
      `npm run engine: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exit(1);
  });
}

module.exports = { CLI_VERSION, engineBinDir };
