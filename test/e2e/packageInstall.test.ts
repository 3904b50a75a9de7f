/**
 * The package as npm publishes it, installed the way a user installs it: `npm pack` of this
 * repository (the `dist/` that `pretest` builds), the tarball installed into a temporary copy of
 * every example (`npm install <tgz>`), and each copy type-checked with its own TypeScript, strict and
 * with `skipLibCheck: false`. This catches what the repository's path mapping hides: a file missing
 * from `files`, a declaration that needs a type only the repository has, an `exports` entry that
 * does not resolve, a second `@pulumi/pulumi` in the install.
 */
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, "../..");
const EXAMPLES = fs
  .readdirSync(path.join(ROOT, "examples"))
  .filter((name) => fs.existsSync(path.join(ROOT, "examples", name, "package.json")))
  .sort();
/** Every subpath of the `exports` map a user (or the `__provider` module) may load. */
const SUBPATHS = ["", "/dynamic", "/fleet-dynamic", "/policy", "/emulator", "/package.json"];
const INSTALL_TIMEOUT_MS = 240_000;
const TYPECHECK_TIMEOUT_MS = 180_000;

/**
 * The environment of the npm and tsc runs: this process's, without the `npm_*` variables npm sets
 * for `npm test` (its `npm_config_local_prefix` and package variables describe this repository,
 * not the example), but with the cache and registry settings.
 */
function childEnv(): NodeJS.ProcessEnv {
  const keep = new Set(["npm_config_cache", "npm_config_registry", "npm_config_userconfig"]);
  return Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !key.startsWith("npm_") || keep.has(key)),
  );
}

/** Runs a command; on failure, throws with the command, its exit and the tail of its output. */
async function sh(
  file: string,
  args: string[],
  cwd: string,
  timeout: number,
): Promise<{ stdout: string; seconds: number }> {
  const started = Date.now();
  try {
    const { stdout } = await run(file, args, {
      cwd,
      env: childEnv(),
      timeout,
      killSignal: "SIGKILL",
      maxBuffer: 64 * 1024 * 1024,
    });
    return { stdout, seconds: (Date.now() - started) / 1000 };
  } catch (error) {
    const failed = error as { code?: unknown; signal?: unknown; stdout?: string; stderr?: string };
    const output = `${failed.stdout ?? ""}\n${failed.stderr ?? ""}`.trim().split("\n");
    throw new Error(
      `\`${[path.basename(file), ...args].join(" ")}\` in ${cwd} failed ` +
        `(exit ${String(failed.code)}, signal ${String(failed.signal)}):\n` +
        output.slice(-60).join("\n"),
      { cause: error },
    );
  }
}

/** Copies an example's own files: no node_modules, lock or build output of a local install. */
function copyExample(name: string, into: string): string {
  const target = path.join(into, name);
  fs.cpSync(path.join(ROOT, "examples", name), target, {
    recursive: true,
    filter: (source) => !/(^|[\\/])(node_modules|bin|package-lock\.json)$/.test(source),
  });
  // The example's own `file:../..` would point into the temporary directory; the tarball replaces it.
  const manifestFile = path.join(target, "package.json");
  const manifest = JSON.parse(fs.readFileSync(manifestFile, "utf8")) as {
    dependencies: Record<string, string>;
  };
  delete manifest.dependencies["aurora-power"];
  fs.writeFileSync(manifestFile, JSON.stringify(manifest, null, 2));
  return target;
}

/** Paths of every `@pulumi/pulumi` an install holds, relative to it. */
function pulumiCopies(dir: string): string[] {
  return fs
    .globSync("**/node_modules/@pulumi/pulumi/package.json", { cwd: dir })
    .map((file) => path.dirname(file))
    .sort();
}

describe("the packed package installed into each example", () => {
  let scratch: string;
  let tarball: string;
  let packedFiles: string[];

  beforeAll(async () => {
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), "aurora-power-pack-"));
    const { stdout } = await sh(
      "npm",
      ["pack", "--json", "--pack-destination", scratch],
      ROOT,
      INSTALL_TIMEOUT_MS,
    );
    const [packed] = JSON.parse(stdout) as { filename: string; files: { path: string }[] }[];
    if (packed === undefined) throw new Error(`npm pack printed no package:\n${stdout}`);
    tarball = path.join(scratch, packed.filename);
    packedFiles = packed.files.map((file) => file.path);
  }, INSTALL_TIMEOUT_MS);

  afterAll(() => {
    if (scratch !== undefined) fs.rmSync(scratch, { recursive: true, force: true });
  });

  it("holds every file the exports map, the bin and the policy pack directory name", () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as {
      exports: Record<string, string | Record<string, string>>;
      bin: Record<string, string>;
    };
    const named = [
      ...Object.values(manifest.exports).flatMap((entry) =>
        typeof entry === "string" ? [entry] : Object.values(entry),
      ),
      ...Object.values(manifest.bin),
      "policy/PulumiPolicy.yaml",
      "policy/package.json",
      "dist/policy/pack.js",
    ].map((file) => file.replace(/^\.\//, ""));
    expect(named.filter((file) => !packedFiles.includes(file))).toEqual([]);
    expect(packedFiles.filter((file) => /^(test|examples|bench)\//.test(file))).toEqual([]);
  });

  it.each(EXAMPLES)(
    "examples/%s installs the tarball with one @pulumi/pulumi and type-checks strictly",
    async (name) => {
      const dir = copyExample(name, scratch);
      const tsconfig = JSON.parse(fs.readFileSync(path.join(dir, "tsconfig.json"), "utf8")) as {
        compilerOptions: { strict?: boolean };
      };
      expect(tsconfig.compilerOptions.strict).toBe(true);

      const install = await sh(
        "npm",
        ["install", tarball, "--prefer-offline", "--no-audit", "--no-fund"],
        dir,
        INSTALL_TIMEOUT_MS,
      );
      expect(pulumiCopies(dir)).toEqual(["node_modules/@pulumi/pulumi"]);
      // The `__provider` module loads `aurora-power/dynamic` from the program's directory.
      const resolved = await sh(
        process.execPath,
        [
          "-e",
          `for (const p of ${JSON.stringify(SUBPATHS)}) console.log(require.resolve("aurora-power" + p))`,
        ],
        dir,
        TYPECHECK_TIMEOUT_MS,
      );
      expect(resolved.stdout.trim().split("\n")).toHaveLength(SUBPATHS.length);

      const typecheck = await sh(
        process.execPath,
        [path.join(dir, "node_modules/typescript/bin/tsc"), "--noEmit", "--skipLibCheck", "false"],
        dir,
        TYPECHECK_TIMEOUT_MS,
      );
      expect(typecheck.stdout).toBe("");
      console.log(
        `[package] examples/${name}: npm install ${install.seconds.toFixed(1)} s, ` +
          `tsc ${typecheck.seconds.toFixed(1)} s`,
      );
    },
    INSTALL_TIMEOUT_MS + 2 * TYPECHECK_TIMEOUT_MS,
  );
});
