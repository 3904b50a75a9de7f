/**
 * Issue 19: an invalid regular expression in the pack's configuration is refused before any rule
 * judges a resource, with one message naming the key and the regex error. Before the fix the
 * pattern was accepted and each rule then failed with a bare `SyntaxError` naming no key, so the
 * message asserted here did not exist.
 */
import * as path from "node:path";
import { repoRoot } from "../../../scripts/harness";
import { analyzeStackExport } from "./analyzeStackExport";

const FIXTURES = path.join(repoRoot(), "test", "fixtures", "policy");

describe("an invalid pattern in the pack configuration (real engine, aurora-power pack)", () => {
  it("`pulumi policy analyze --policy-pack-config` fails with one message naming the key", async () => {
    const { code, output } = await analyzeStackExport(
      path.join(FIXTURES, "mixedStack.json"),
      path.join(FIXTURES, "invalid-pattern-config.json"),
    );
    expect(code).not.toBe(0);
    expect(output).toContain(
      "invalid aurora-power policy configuration: `productionIdentifierPatterns[1]` is not a valid " +
        'regular expression: "(" (Invalid regular expression: /(/i: Unterminated group). Correct it ' +
        "in the policy pack configuration (`--policy-pack-config`); the rules cannot run until then.",
    );
    expect(output.match(/invalid aurora-power policy configuration/g)).toHaveLength(1);
    expect(output).not.toContain("[mandatory]");
  });
});
