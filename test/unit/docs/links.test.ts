/**
 * The documentation's relative links resolve, offline: every `[text](path#anchor)` in README.md,
 * TESTING.md, ARCHITECTURE.md, docs/ and the examples' READMEs names an existing file and, in a
 * Markdown file, an existing heading (GitHub's anchor). docs/policy-pack.md has one section per
 * policy of the pack, whose anchor is the policy's name (each policy's `url` points there).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { auroraPowerPolicies } from "aurora-power/policy";
import {
  anchorsOf,
  brokenReason,
  githubAnchor,
  linksOf,
  type MarkdownLink,
} from "../../support/markdownLinks";

const ROOT = path.resolve(__dirname, "../../..");

/** The Markdown files users and contributors read (docs/*.md; subfolders are not read). */
function documentationFiles(): string[] {
  const docs = fs
    .readdirSync(path.join(ROOT, "docs"))
    .filter((name) => name.endsWith(".md"))
    .map((name) => path.join(ROOT, "docs", name));
  const examples = fs
    .readdirSync(path.join(ROOT, "examples"))
    .map((name) => path.join(ROOT, "examples", name, "README.md"))
    .filter((file) => fs.existsSync(file));
  const top = ["README.md", "TESTING.md", "ARCHITECTURE.md"].map((name) => path.join(ROOT, name));
  return [...top, ...docs, ...examples];
}

const describeLink = (link: MarkdownLink, reason: string): string =>
  `${path.relative(ROOT, link.file)}:${link.line} → ${link.target}: ${reason}`;

describe("documentation links", () => {
  it("every relative link names an existing file and heading", () => {
    const links = documentationFiles().flatMap((file) =>
      linksOf(file, fs.readFileSync(file, "utf8")),
    );
    const relative = links.filter((link) => !/^[a-z]+:/i.test(link.target));
    // README alone links to every page of docs/; far fewer found means the extractor broke.
    expect(relative.length).toBeGreaterThan(40);
    const broken = relative.flatMap((link) => {
      const reason = brokenReason(link);
      return reason === undefined ? [] : [describeLink(link, reason)];
    });
    expect(broken).toEqual([]);
  });

  it("docs/policy-pack.md has a section whose anchor is each policy's name", () => {
    const anchors = anchorsOf(fs.readFileSync(path.join(ROOT, "docs", "policy-pack.md"), "utf8"));
    const names = auroraPowerPolicies.map((policy) => policy.name);
    expect(names).toHaveLength(7);
    expect(names.filter((name) => !anchors.has(name))).toEqual([]);
  });
});

describe("the link checker", () => {
  const file = path.join(ROOT, "README.md");

  it("reports a missing file and a missing heading, and ignores links in code", () => {
    const markdown = [
      "# Title",
      "See [iam](docs/iam.md), [gone](docs/gone.md) and [here](#no-such-heading).",
      "`[not a link](docs/gone.md)`",
      "```",
      "[nor this](docs/gone.md)",
      "```",
    ].join("\n");
    const read = (target: string): string =>
      target === file ? markdown : fs.readFileSync(target, "utf8");
    const reasons = linksOf(file, markdown).map((link) => [link.target, brokenReason(link, read)]);
    expect(reasons).toEqual([
      ["docs/iam.md", undefined],
      ["docs/gone.md", "no file docs/gone.md"],
      ["#no-such-heading", "no heading with anchor #no-such-heading in README.md"],
    ]);
  });

  it("makes GitHub's anchors: code, punctuation and repeated headings", () => {
    expect(githubAnchor("`ClusterPowerState`: hold an Aurora cluster running or stopped")).toBe(
      "clusterpowerstate-hold-an-aurora-cluster-running-or-stopped",
    );
    expect(githubAnchor("B5: a fleet of 1,000 against RDS's request quota")).toBe(
      "b5-a-fleet-of-1000-against-rdss-request-quota",
    );
    expect(githubAnchor("The `__provider` text")).toBe("the-__provider-text");
    expect([...anchorsOf("## Inputs\n## Outputs\n## Inputs\n")]).toEqual([
      "inputs",
      "outputs",
      "inputs-1",
    ]);
  });
});
