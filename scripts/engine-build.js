// @ts-check
/**
 * Builds the pulumi CLI from the Go module proxy (DESIGN.md §5): `go install mod@version` refuses
 * because pkg/v3's go.mod has local `replace` lines, so a scratch main module depends on the CLI as
 * a Go tool, with the clipboard fork the CLI's own go.mod replaces, and builds it with the version
 * ldflag (without it `pulumi version` is empty and the Automation API refuses the CLI).
 */
"use strict";

const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const { runBounded, quickOutput } = require("./engine-process");

const CLI_PACKAGE = "github.com/pulumi/pulumi/pkg/v3/cmd/pulumi";
const CLIPBOARD_REPLACE =
  "github.com/atotto/clipboard=github.com/tgummerer/clipboard@v0.0.0-20241001131231-d02d263e614e";
const MINUTE_MS = 60_000;

/**
 * The environment of every go command: no checksum-database lookups for the pulumi modules (they
 * fail there), no cgo (a static binary, no C compiler needed), and the installed toolchain only
 * (GOTOOLCHAIN=local: never download another Go).
 * @returns {NodeJS.ProcessEnv}
 */
function goEnv() {
  return {
    ...process.env,
    GONOSUMDB: "github.com/pulumi/*,github.com/tgummerer/*",
    CGO_ENABLED: "0",
    GOTOOLCHAIN: "local",
    GOFLAGS: `${process.env.GOFLAGS ?? ""} -mod=mod`.trim(),
  };
}

/**
 * The scratch module lives in the user's cache (never in the project): a second build reuses it.
 * @param {string} version e.g. "3.259.0"
 */
function scratchDir(version) {
  const cache = process.env.XDG_CACHE_HOME || path.join(os.homedir(), ".cache");
  return path.join(cache, "aurora-power", `pulumi-cli-${version}`);
}

/**
 * Fails with an actionable message when Go is missing.
 * @returns {string} the `go version` line
 */
function requireGo() {
  const goVersion = quickOutput("go", ["version"]);
  if (!goVersion) {
    throw new Error(
      "no pulumi CLI >= 3.259 was found and Go is not installed to build one. Either install the " +
        "official CLI (https://www.pulumi.com/docs/install/) so `pulumi` is on PATH, or install Go " +
        ">= 1.25.11 (the CLI's go.mod needs it; https://go.dev/dl/) and run `npm run engine` again.",
    );
  }
  return goVersion;
}

/**
 * Runs one build step, turning a failure or timeout into an error with the tail of its output.
 * @param {string} label
 * @param {string[]} args go arguments
 * @param {string} cwd
 * @param {number} timeoutMs
 */
async function goStep(label, args, cwd, timeoutMs) {
  process.stderr.write(`  ${label}: go ${args.join(" ")}\n`);
  const result = await runBounded("go", args, {
    cwd,
    env: goEnv(),
    timeoutMs,
    progressLabel: label,
    progressEveryMs: 20_000,
  });
  if (result.code === 0) return;
  const why = result.timedOut
    ? `timed out after ${timeoutMs / MINUTE_MS} min`
    : `exit code ${result.code}`;
  throw new Error(
    `building the pulumi CLI failed while ${label} (${why}).\n${result.output.slice(-4000)}\n` +
      "Check that the Go module proxy is reachable (`go env GOPROXY`), that Go is >= 1.25.11 " +
      "(`go version`; GOTOOLCHAIN=local forbids downloading another) and that the disk has ~4 GB " +
      "free for the module and build caches, then run `npm run engine` again.",
  );
}

/**
 * Builds `pulumi` v<version> into `<binDir>/pulumi` (atomically: a cancelled build leaves nothing).
 * @param {string} version e.g. "3.259.0"
 * @param {string} binDir
 */
async function buildCli(version, binDir) {
  const goVersion = requireGo();
  const dir = scratchDir(version);
  fs.mkdirSync(dir, { recursive: true });
  process.stderr.write(
    `Building pulumi CLI v${version} from the Go module proxy with ${goVersion}\n`,
  );
  process.stderr.write(`  (one time, ~4 min on 2 cores; scratch module ${dir})\n`);
  if (!fs.existsSync(path.join(dir, "go.mod"))) {
    await goStep(
      "creating the scratch module",
      ["mod", "init", "aurora-power.local/pulumi-cli"],
      dir,
      MINUTE_MS,
    );
  }
  await goStep(
    "pinning the clipboard fork",
    ["mod", "edit", `-replace=${CLIPBOARD_REPLACE}`],
    dir,
    MINUTE_MS,
  );
  await goStep(
    "downloading modules",
    ["get", "-tool", `${CLI_PACKAGE}@v${version}`],
    dir,
    20 * MINUTE_MS,
  );
  await goStep(
    "pinning the sdk",
    ["get", `github.com/pulumi/pulumi/sdk/v3@v${version}`],
    dir,
    10 * MINUTE_MS,
  );
  fs.mkdirSync(binDir, { recursive: true });
  const partial = path.join(binDir, `.pulumi.partial-${process.pid}`);
  const ldflags = `-s -w -X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=v${version}`;
  const buildArgs = [
    "build",
    "-trimpath",
    "-tags",
    "osusergo,grpcnotrace",
    "-ldflags",
    ldflags,
    "-o",
    partial,
    CLI_PACKAGE,
  ];
  try {
    await goStep("compiling", buildArgs, dir, 40 * MINUTE_MS);
    fs.renameSync(partial, path.join(binDir, "pulumi"));
  } finally {
    fs.rmSync(partial, { force: true });
  }
}

module.exports = { buildCli };
