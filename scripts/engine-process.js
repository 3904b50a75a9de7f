// @ts-check
/**
 * Child-process helpers for engine provisioning: every command is bounded in time and killed with
 * its whole process group when the bound passes, so provisioning can fail but never hang.
 * Plain CommonJS so `npm run engine` works on a fresh clone before `npm run build`.
 */
"use strict";

const { spawn, spawnSync } = require("node:child_process");

/**
 * @typedef {object} RunOptions
 * @property {string} [cwd]
 * @property {NodeJS.ProcessEnv} [env]
 * @property {number} timeoutMs Upper bound; the process group is killed when it passes.
 * @property {string} [progressLabel] When set, prints "still <label>… Ns" every progressEveryMs.
 * @property {number} [progressEveryMs]
 */

/**
 * @typedef {object} RunResult
 * @property {number | null} code
 * @property {boolean} timedOut
 * @property {string} output Combined stdout and stderr (last 64 KiB).
 */

/**
 * Runs a command to completion, capturing its output, killing it (and its children) on timeout.
 * @param {string} command
 * @param {string[]} args
 * @param {RunOptions} options
 * @returns {Promise<RunResult>}
 */
function runBounded(command, args, options) {
  const started = Date.now();
  return new Promise((resolve) => {
    let output = "";
    let timedOut = false;
    // detached: the child leads its own process group, so a timeout kills `go`'s compilers too.
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    });
    /** @param {Buffer} chunk */
    const collect = (chunk) => {
      output = (output + chunk.toString()).slice(-65536);
    };
    child.stdout.on("data", collect);
    child.stderr.on("data", collect);
    const killGroup = () => {
      try {
        if (child.pid !== undefined) process.kill(-child.pid, "SIGKILL");
      } catch {
        // The group is already gone: nothing left to stop.
      }
    };
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup();
    }, options.timeoutMs);
    const ticker = options.progressLabel
      ? setInterval(() => {
          const seconds = Math.round((Date.now() - started) / 1000);
          process.stderr.write(`  still ${options.progressLabel}… ${seconds}s\n`);
        }, options.progressEveryMs ?? 15000)
      : undefined;
    // Ctrl-C during provisioning must not leave a compiler running.
    const onSignal = () => {
      killGroup();
      process.exit(130);
    };
    process.once("SIGINT", onSignal);
    process.once("SIGTERM", onSignal);
    const finish = (/** @type {number | null} */ code) => {
      clearTimeout(timer);
      if (ticker) clearInterval(ticker);
      process.removeListener("SIGINT", onSignal);
      process.removeListener("SIGTERM", onSignal);
      resolve({ code, timedOut, output });
    };
    child.on("error", (error) => {
      output += String(error.message);
      finish(null);
    });
    child.on("close", (code) => finish(code));
  });
}

/**
 * Runs a quick command synchronously (e.g. `pulumi version`), bounded to a few seconds.
 * @param {string} command
 * @param {string[]} args
 * @returns {string | undefined} trimmed stdout, or undefined if it failed or is missing.
 */
function quickOutput(command, args) {
  const result = spawnSync(command, args, { encoding: "utf8", timeout: 15000 });
  if (result.status !== 0 || typeof result.stdout !== "string") return undefined;
  return result.stdout.trim();
}

module.exports = { runBounded, quickOutput };
