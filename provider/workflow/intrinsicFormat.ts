/**
 * Builds `States.Format` calls from sample sentences. Source: "Intrinsic functions for JSONPath
 * states in Step Functions" (Step Functions Developer Guide): in an intrinsic string literal the
 * characters `' { } \` are escaped with a backslash, and each `{}` takes the next argument.
 */

/** A sample value in a sentence and the JSONPath whose value replaces it at run time. */
export interface Substitution {
  sample: string;
  path: string;
}

function escapeLiteral(text: string): string {
  return text.replace(/['{}\\]/g, (c) => `\\${c}`);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * A Pass-state parameter (`key` or `key.$`) that yields `sentence` with every sample replaced by
 * its path's value: a plain string when no sample occurs, else a `States.Format` call.
 *
 * @example formatParameter("Cause", "cluster `x` is `failed`", [{ sample: "x", path: "$.Id" }])
 * // → { "Cause.$": "States.Format('cluster `{}` is `failed`', $.Id)" }
 */
export function formatParameter(
  key: string,
  sentence: string,
  substitutions: readonly Substitution[],
): Record<string, string> {
  const present = substitutions.filter((s) => s.sample !== "" && sentence.includes(s.sample));
  if (present.length === 0) return { [key]: sentence };
  const pattern = new RegExp(present.map((s) => escapeRegExp(s.sample)).join("|"), "g");
  const args: string[] = [];
  let template = "";
  let last = 0;
  for (const match of sentence.matchAll(pattern)) {
    template += escapeLiteral(sentence.slice(last, match.index)) + "{}";
    args.push(present.find((s) => s.sample === match[0])?.path ?? "");
    last = match.index + match[0].length;
  }
  template += escapeLiteral(sentence.slice(last));
  return { [`${key}.$`]: `States.Format('${template}', ${args.join(", ")})` };
}
