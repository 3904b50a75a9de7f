import type { Tag } from "./types";
import { RdsApiError } from "./errors";

/** One `Filters.Filter.N` entry of a Describe request. */
export interface QueryFilter {
  Name: string;
  Values: string[];
}

function decodeComponent(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, " "));
  } catch {
    throw new RdsApiError("MalformedQueryString", "The query string contains a syntax error.", 400);
  }
}

/**
 * Parameters of one RDS Query request (`application/x-www-form-urlencoded`), with readers for the
 * Query protocol's list encoding: `Prefix.Member.1`, `Prefix.Member.2`, …
 */
export class QueryParams {
  private readonly values = new Map<string, string>();

  /** Parses a form-encoded body; throws `MalformedQueryString` (400) on bad percent-encoding. */
  constructor(body: string) {
    for (const pair of body.split("&")) {
      if (pair === "") continue;
      const eq = pair.indexOf("=");
      const key = decodeComponent(eq < 0 ? pair : pair.slice(0, eq));
      this.values.set(key, eq < 0 ? "" : decodeComponent(pair.slice(eq + 1)));
    }
  }

  /** A scalar parameter, or undefined when absent. */
  get(name: string): string | undefined {
    return this.values.get(name);
  }

  /** A scalar parameter that must be present and non-empty (`MissingParameter` otherwise). */
  require(name: string): string {
    const value = this.values.get(name);
    if (value === undefined || value === "") throw RdsApiError.missingParameter(name);
    return value;
  }

  /** An integer parameter (`InvalidParameterValue` when not an integer). */
  integer(name: string): number | undefined {
    const value = this.values.get(name);
    if (value === undefined) return undefined;
    if (!/^-?\d+$/.test(value)) {
      throw RdsApiError.invalidParameter(`Invalid value ${value} for parameter ${name}.`);
    }
    return Number(value);
  }

  /** A boolean parameter (`true`/`false`). */
  boolean(name: string): boolean | undefined {
    const value = this.values.get(name)?.toLowerCase();
    if (value === undefined) return undefined;
    if (value !== "true" && value !== "false") {
      throw RdsApiError.invalidParameter(`Invalid value ${value} for parameter ${name}.`);
    }
    return value === "true";
  }

  /** Member indices present under `prefix` (e.g. `Filters.Filter`), in numeric order. */
  private indices(prefix: string): number[] {
    const found = new Set<number>();
    const pattern = new RegExp(`^${prefix.replace(/\./g, "\\.")}\\.(\\d+)(?:\\.|$)`);
    for (const key of this.values.keys()) {
      const match = pattern.exec(key);
      if (match?.[1]) found.add(Number(match[1]));
    }
    return [...found].sort((a, b) => a - b);
  }

  /** A list of strings encoded as `prefix.1`, `prefix.2`, … */
  list(prefix: string): string[] {
    return this.indices(prefix).map((i) => this.values.get(`${prefix}.${i}`) ?? "");
  }

  /** `Filters.Filter.N.Name` / `Filters.Filter.N.Values.Value.M`. */
  filters(): QueryFilter[] {
    return this.indices("Filters.Filter").map((i) => {
      const base = `Filters.Filter.${i}`;
      const name = this.values.get(`${base}.Name`);
      if (name === undefined || name === "") throw RdsApiError.missingParameter(`${base}.Name`);
      return { Name: name, Values: this.list(`${base}.Values.Value`) };
    });
  }

  /** `Tags.Tag.N.Key` / `Tags.Tag.N.Value`. */
  tags(): Tag[] {
    return this.indices("Tags.Tag").map((i) => ({
      Key: this.values.get(`Tags.Tag.${i}.Key`) ?? "",
      Value: this.values.get(`Tags.Tag.${i}.Value`) ?? "",
    }));
  }
}
