/**
 * Relative links of Markdown files, checked offline: every `[text](path#anchor)` must name a file
 * that exists and, for a Markdown file, a heading whose GitHub anchor is `anchor`. Absolute URLs
 * (`https:`, `mailto:`) are not fetched. Fenced code blocks and code spans are not links.
 */
import * as fs from "node:fs";
import * as path from "node:path";

/** One link found in a Markdown file. */
export interface MarkdownLink {
  /** The file the link is in. */
  file: string;
  /** 1-based line of the link. */
  line: number;
  /** The link's target as written, e.g. `docs/iam.md#why`. */
  target: string;
}

/**
 * Lines outside fenced code blocks, keeping line numbers; with `blankCodeSpans`, code spans are
 * blanked too (a link inside code is no link, while a heading's code renders as its text).
 */
function proseLines(markdown: string, blankCodeSpans: boolean): string[] {
  let fence: string | undefined;
  return markdown.split("\n").map((line) => {
    const marker = /^\s*(```+|~~~+)/.exec(line)?.[1];
    if (marker !== undefined && (fence === undefined || marker.startsWith(fence))) {
      fence = fence === undefined ? marker : undefined;
      return "";
    }
    if (fence !== undefined) return "";
    return blankCodeSpans ? line.replace(/(`+)[^`]*?\1/g, "") : line;
  });
}

/** Inline links and reference definitions of one Markdown text. */
export function linksOf(file: string, markdown: string): MarkdownLink[] {
  const links: MarkdownLink[] = [];
  proseLines(markdown, true).forEach((text, index) => {
    for (const match of text.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) {
      links.push({ file, line: index + 1, target: match[1] ?? "" });
    }
    const definition = /^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)/.exec(text);
    if (definition?.[1] !== undefined) {
      links.push({ file, line: index + 1, target: definition[1] });
    }
  });
  return links;
}

/**
 * The anchor GitHub gives a heading: its rendered text in lower case, without punctuation other
 * than `-` and `_`, spaces turned into `-` (the rule of github-slugger, which github.com follows).
 */
export function githubAnchor(heading: string): string {
  const rendered = heading
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1") // a link renders as its text
    .replace(/<[^>]+>/g, "");
  return rendered
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc}\- ]/gu, "")
    .replace(/ /g, "-");
}

/** Every anchor of a Markdown text's headings, numbered as GitHub numbers repeated ones. */
export function anchorsOf(markdown: string): Set<string> {
  const seen = new Map<string, number>();
  const anchors = new Set<string>();
  for (const line of proseLines(markdown, false)) {
    const heading = /^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$/.exec(line)?.[1];
    if (heading === undefined) continue;
    const base = githubAnchor(heading);
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    anchors.add(count === 0 ? base : `${base}-${count}`);
  }
  return anchors;
}

/** Why a relative link is broken, or undefined when it resolves (absolute URLs always do). */
export function brokenReason(link: MarkdownLink, read = readText): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(link.target)) return undefined;
  const [rawPath = "", anchor] = link.target.split("#", 2);
  const targetFile =
    rawPath === "" ? link.file : path.resolve(path.dirname(link.file), decodeURI(rawPath));
  if (!fs.existsSync(targetFile)) return `no file ${path.relative(process.cwd(), targetFile)}`;
  if (anchor === undefined || anchor === "" || !targetFile.endsWith(".md")) return undefined;
  return anchorsOf(read(targetFile)).has(decodeURI(anchor))
    ? undefined
    : `no heading with anchor #${anchor} in ${path.basename(targetFile)}`;
}

function readText(file: string): string {
  return fs.readFileSync(file, "utf8");
}
