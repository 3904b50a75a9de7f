import { execFileSync } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { SERIALIZED_FLEET_PROVIDER, SERIALIZED_PROVIDER } from "../../../provider/shim";

const ROOT = path.resolve(__dirname, "../../..");
const BUILT = path.join(ROOT, "dist/provider/dynamic/implementation.js");

/**
 * Evaluates the serialized provider the way the dynamic provider host does
 * (`require-from-string`, no file name) in a fresh Node process started in `cwd`, and calls
 * `check` through it.
 */
function runShim(cwd: string, providerText: string): string {
  const script = `
    const requireFromString = require(${JSON.stringify(path.join(ROOT, "node_modules/require-from-string"))});
    const text = require("fs").readFileSync(0, "utf8");
    // As getProvider does: evaluate, call handler(), then the method; a failure anywhere rejects.
    Promise.resolve()
      .then(() => requireFromString(text).handler())
      .then((provider) => provider.check({}, { clusterIdentifier: "dev-orders", state: "stopped", region: "eu-west-1" }))
      .then((r) => console.log(JSON.stringify(r)), (e) => { console.log("ERR " + e.code + " " + e.message); });`;
  return execFileSync(process.execPath, ["-e", script], {
    cwd,
    input: providerText,
    encoding: "utf8",
  }).trim();
}

const providerText = SERIALIZED_PROVIDER;
let scratch: string;

beforeAll(() => {
  if (!existsSync(BUILT))
    throw new Error(`${BUILT} is missing: run \`npm run build\` first (npm test does)`);
  scratch = mkdtempSync(path.join(tmpdir(), "aurora-power-shim-"));
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const EXPECTED = JSON.stringify({
  inputs: {
    clusterIdentifier: "dev-orders",
    state: "stopped",
    region: "eu-west-1",
    onDelete: "restore",
    timeoutMinutes: 60,
  },
  failures: [],
});

describe("the serialized shim in a provider process", () => {
  it("loads aurora-power/dynamic by self-reference when the program runs inside the package", () => {
    expect(runShim(path.join(ROOT, "examples"), providerText)).toBe(EXPECTED);
  });

  it("loads aurora-power/dynamic from node_modules of a program that installed the package", () => {
    const program = path.join(scratch, "program");
    mkdirSync(path.join(program, "node_modules"), { recursive: true });
    symlinkSync(ROOT, path.join(program, "node_modules/aurora-power"), "dir");
    writeFileSync(
      path.join(program, "package.json"),
      JSON.stringify({ name: "program", private: true }),
    );
    expect(runShim(program, providerText)).toBe(EXPECTED);
  });

  it("fails with MODULE_NOT_FOUND and says where it looked and how to fix it where the package is not installed", () => {
    expect(runShim(scratch, providerText)).toBe(
      `ERR MODULE_NOT_FOUND aurora-power: cannot load "aurora-power/dynamic" from ${scratch}, the directory Pulumi runs the program in ` +
        "(MODULE_NOT_FOUND: Cannot find module 'aurora-power/dynamic'). Install aurora-power in that directory (npm install aurora-power) " +
        `so that require.resolve("aurora-power/dynamic") works from it; with Yarn Plug'n'Play, set nodeLinker: node-modules.`,
    );
  });

  it("says the same for an installed aurora-power that lacks the subpath (ERR_PACKAGE_PATH_NOT_EXPORTED)", () => {
    const program = path.join(scratch, "old-install");
    const pkg = path.join(program, "node_modules/aurora-power");
    mkdirSync(pkg, { recursive: true });
    writeFileSync(
      path.join(pkg, "package.json"),
      JSON.stringify({ name: "aurora-power", version: "0.0.1", exports: { ".": "./index.js" } }),
    );
    expect(runShim(program, providerText)).toMatch(
      /^ERR ERR_PACKAGE_PATH_NOT_EXPORTED aurora-power: cannot load "aurora-power\/dynamic" from .+\/old-install, the directory Pulumi runs the program in \(ERR_PACKAGE_PATH_NOT_EXPORTED: .+\)\. Install aurora-power in that directory/,
    );
  });
});

describe("the __provider texts, byte for byte", () => {
  // Every stack stores these texts; a change shows in no diff but is written to every resource's
  // state on its next update. Change them only on purpose.
  it("is the reviewed module for ClusterPowerState and for the fleet", () => {
    const snapshot = readFileSync(
      path.join(ROOT, "test/fixtures/provider/provider-module-0.2.txt"),
      "utf8",
    );
    expect(SERIALIZED_PROVIDER).toBe(snapshot);
    expect(SERIALIZED_FLEET_PROVIDER).toBe(
      snapshot.replaceAll("aurora-power/dynamic", "aurora-power/fleet-dynamic"),
    );
    expect(SERIALIZED_PROVIDER).toHaveLength(598);
  });
});

describe("the __provider text of aurora-power 0.1.0 (a serialized closure)", () => {
  // Stacks created with 0.1.0 carry this text in their state, and `delete` runs the state's copy:
  // it must keep working with the installed module.
  const legacy = readFileSync(
    path.join(ROOT, "test/fixtures/provider/provider-0.1.0-serialized.txt"),
    "utf8",
  );

  it("is the closure format (and not the one-line module)", () => {
    expect(legacy).toContain("with({");
    expect(legacy.length).toBeGreaterThan(2000);
  });

  it("still loads aurora-power/dynamic and forwards to its exports", () => {
    expect(runShim(path.join(ROOT, "examples"), legacy)).toBe(EXPECTED);
  });
});
