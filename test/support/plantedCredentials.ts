import * as fs from "node:fs";
import * as path from "node:path";

/**
 * Fake AWS credentials planted in the environment of `pulumi` (and so of the provider process) to
 * prove none of them ends up in the stack's state, history or config. They are not real keys.
 */
export const PLANTED_CREDENTIALS = {
  AWS_ACCESS_KEY_ID: "AKIAPLANTEDRELIABLE7",
  AWS_SECRET_ACCESS_KEY: "plantedSecret/ReliabilityTest+0123456789abcdEF",
  AWS_SESSION_TOKEN: "PlantedSessionTokenReliabilityTest0123456789==",
} as const;

/** The planted values, each as it would appear in a file. */
export function plantedValues(): string[] {
  return Object.values(PLANTED_CREDENTIALS);
}

function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(full) : [full];
  });
}

/**
 * Every planted value found in `texts` (e.g. a `pulumi stack export`) or in any file under `dirs`
 * (the `file://` backend: checkpoints, history, backups, locks), as `where: value` lines.
 */
export function findPlantedCredentials(
  texts: Record<string, string>,
  dirs: string[] = [],
): string[] {
  const sources: [string, string][] = [
    ...Object.entries(texts),
    ...dirs
      .flatMap(filesUnder)
      .map((file) => [file, fs.readFileSync(file, "latin1")] as [string, string]),
  ];
  const leaks: string[] = [];
  for (const [where, text] of sources) {
    for (const value of plantedValues()) if (text.includes(value)) leaks.push(`${where}: ${value}`);
  }
  return leaks;
}
