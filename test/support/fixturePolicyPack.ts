import * as fs from "node:fs";
import * as path from "node:path";

/** Message of the fixture pack's mandatory rule, asserted by the tests. */
export const FIXTURE_VIOLATION = "dynamic resource `message` must not be `forbidden`";

/**
 * Writes a minimal Node.js policy pack (plain JS, so no compile step) into `dir`: one mandatory rule
 * that refuses dynamic resources whose `message` input is `forbidden`. It proves the engine runs a
 * Node.js pack through `pulumi-analyzer-policy-nodejs` independently of the project's own pack.
 */
export function writeFixturePolicyPack(dir: string): string {
  fs.mkdirSync(dir, { recursive: true });
  const manifest = { name: "aurora-power-fixture-pack", version: "0.0.1", main: "index.js" };
  fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify(manifest, null, 2));
  fs.writeFileSync(path.join(dir, "PulumiPolicy.yaml"), "runtime: nodejs\n");
  const source = `
const { PolicyPack } = require("@pulumi/policy");
new PolicyPack("aurora-power-fixture-pack", {
  policies: [{
    name: "fixture-no-forbidden-message",
    description: "Refuses dynamic resources whose message is forbidden.",
    enforcementLevel: "mandatory",
    validateResource: (args, reportViolation) => {
      if (args.props.message === "forbidden") reportViolation(${JSON.stringify(FIXTURE_VIOLATION)});
    },
  }],
});
`;
  fs.writeFileSync(path.join(dir, "index.js"), source);
  return dir;
}
