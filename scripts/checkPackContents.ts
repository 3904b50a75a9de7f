/**
 * `npm run check:package` (after the build): what `npm pack` would publish holds the three entry
 * points, the policy pack directory, README and CHANGELOG, and nothing consumers do not need
 * (tests, fixtures, benchmarks, scripts: `dist/scripts` and `dist/bench` are build output too).
 * Exits 1 naming every missing or unexpected file.
 */
import { execFileSync } from "node:child_process";
import { repoRoot } from "./harness/paths";

/** Files the package cannot work without. */
const REQUIRED = [
  "package.json",
  "README.md",
  "CHANGELOG.md",
  "policy/package.json",
  "policy/PulumiPolicy.yaml",
  "dist/provider/index.js",
  "dist/provider/index.d.ts",
  "dist/provider/dynamic/implementation.js",
  "dist/provider/fleet/implementation.js",
  "dist/policy/index.js",
  "dist/policy/index.d.ts",
  "dist/policy/pack.js",
  "dist/emulator/index.js",
  "dist/emulator/index.d.ts",
  "dist/emulator/cli.js",
];

/** What must never ship: only `dist/{provider,policy,emulator}` and the files above may. */
const ALLOWED =
  /^(dist\/(provider|policy|emulator)\/|policy\/(package\.json|PulumiPolicy\.yaml)$|(package\.json|README\.md|CHANGELOG\.md|LICENSE)$)/;
const FORBIDDEN = /(^|\/)(test|tests|fixtures|__tests__)\/|\.test\.|\.tsbuildinfo$/;

interface PackEntry {
  files: { path: string }[];
}

function packedFiles(): string[] {
  const json = execFileSync("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], {
    cwd: repoRoot(),
    encoding: "utf8",
  });
  const [entry] = JSON.parse(json) as PackEntry[];
  return (entry?.files ?? []).map((f) => f.path);
}

function main(): void {
  const files = packedFiles();
  const missing = REQUIRED.filter((f) => !files.includes(f));
  const unexpected = files.filter((f) => !ALLOWED.test(f) || FORBIDDEN.test(f));
  for (const f of missing) process.stderr.write(`missing from the package: ${f}\n`);
  for (const f of unexpected) process.stderr.write(`must not ship: ${f}\n`);
  if (missing.length > 0 || unexpected.length > 0) process.exit(1);
  process.stdout.write(`npm pack: ${files.length} files, all expected, none missing\n`);
}

main();
