import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

/** The pulumi CLI version `npm run engine` provisions (the newest the Go module proxy serves). */
export const ENGINE_CLI_VERSION = "3.259.0";

/**
 * The repository root: the nearest directory above this file whose package.json is `aurora-power`.
 * Works from the TypeScript source (jest) and from the compiled dist/scripts/harness alike.
 */
export function repoRoot(): string {
  let dir = __dirname;
  for (;;) {
    const manifest = path.join(dir, "package.json");
    if (fs.existsSync(manifest)) {
      const { name } = JSON.parse(fs.readFileSync(manifest, "utf8")) as { name?: string };
      if (name === "aurora-power") return dir;
    }
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`no aurora-power package.json above ${__dirname}`);
    dir = parent;
  }
}

/** `${PULUMI_HOME:-~/.pulumi}/versions/3.259.0`: the root `PulumiCommand.get` expects (binary in bin/). */
export function engineRoot(): string {
  const home = process.env.PULUMI_HOME ?? path.join(os.homedir(), ".pulumi");
  return path.join(home, "versions", ENGINE_CLI_VERSION);
}

/** The directory holding `pulumi` and its two Node.js launchers. */
export function engineBinDir(): string {
  return path.join(engineRoot(), "bin");
}
