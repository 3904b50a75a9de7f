import type { ClassificationConfig, Environment } from "./config";
import { Maybe, UnknownValue } from "./unknowns";

/** An environment with the evidence for it, quoted in violation messages. */
export interface Classification {
  environment: Environment;
  /** Why, e.g. "tag `Environment=dev`" or "identifier pattern `(^|-)prod`". */
  reason: string;
}

/** What is known about a cluster for classification. */
export interface ClassificationInput {
  identifier: Maybe<string>;
  /** The cluster's tags when the rule can see its declaration; `undefined` otherwise. */
  tags: Maybe<ReadonlyMap<string, Maybe<string>>>;
  stackTags: ReadonlyMap<string, string>;
}

const regexCache = new Map<string, RegExp>();

/** Compiles (once) a configured pattern; identifiers are case-insensitive in RDS. */
function compile(pattern: string): RegExp {
  let regex = regexCache.get(pattern);
  if (regex === undefined) {
    regex = new RegExp(pattern, "i");
    regexCache.set(pattern, regex);
  }
  return regex;
}

function environmentOfValue(value: string, config: ClassificationConfig): Environment {
  const normalized = value.trim().toLowerCase();
  const isProduction = config.productionValues.some((p) => p.toLowerCase() === normalized);
  return isProduction ? "production" : "non-production";
}

/** Finds the first configured environment key among `tags`, case-insensitively. */
function findEnvironmentTag(
  tags: ReadonlyMap<string, Maybe<string>>,
  config: ClassificationConfig,
): [string, Maybe<string>] | undefined {
  for (const wanted of config.environmentTagKeys) {
    for (const [key, value] of tags) {
      if (key.toLowerCase() === wanted.toLowerCase() && value !== undefined && value !== "") {
        return [key, value];
      }
    }
  }
  return undefined;
}

function classifyByTags(
  tags: ReadonlyMap<string, Maybe<string>>,
  origin: "tag" | "stack tag",
  config: ClassificationConfig,
): Classification | UnknownValue | undefined {
  const found = findEnvironmentTag(tags, config);
  if (found === undefined) {
    return undefined;
  }
  const [key, value] = found;
  if (value instanceof UnknownValue || value === undefined) {
    return value;
  }
  return {
    environment: environmentOfValue(value, config),
    reason: `${origin} \`${key}=${value}\``,
  };
}

function classifyByIdentifier(
  identifier: string,
  config: ClassificationConfig,
): Classification | undefined {
  const production = config.productionIdentifierPatterns.find((p) => compile(p).test(identifier));
  if (production !== undefined) {
    return { environment: "production", reason: `identifier pattern \`${production}\`` };
  }
  const other = config.nonProductionIdentifierPatterns.find((p) => compile(p).test(identifier));
  if (other !== undefined) {
    return { environment: "non-production", reason: `identifier pattern \`${other}\`` };
  }
  return undefined;
}

/**
 * The evidence-based part of {@link classifyEnvironment}: `undefined` when no tag and no pattern
 * says anything. Resource rules, which cannot see the cluster's declaration, act on this alone.
 */
export function classifyByEvidence(
  input: ClassificationInput,
  config: ClassificationConfig,
): Classification | UnknownValue | undefined {
  if (input.tags instanceof UnknownValue) {
    return input.tags;
  }
  const byTag = input.tags === undefined ? undefined : classifyByTags(input.tags, "tag", config);
  if (byTag !== undefined) {
    return byTag;
  }
  if (config.useStackTags) {
    const byStackTag = classifyByTags(
      new Map<string, Maybe<string>>(input.stackTags),
      "stack tag",
      config,
    );
    if (byStackTag !== undefined) {
      return byStackTag;
    }
  }
  if (input.identifier instanceof UnknownValue) {
    return input.identifier;
  }
  return input.identifier === undefined
    ? undefined
    : classifyByIdentifier(input.identifier, config);
}

/**
 * Classifies a cluster as production or non-production. Evidence in order of precedence: the
 * cluster's own environment tag, the stack's environment tag, identifier patterns, then the
 * configured `unclassifiedEnvironment`. Returns {@link UnknownValue} when the deciding evidence is
 * unknown at preview.
 */
export function classifyEnvironment(
  input: ClassificationInput,
  config: ClassificationConfig,
): Classification | UnknownValue {
  return (
    classifyByEvidence(input, config) ?? {
      environment: config.unclassifiedEnvironment,
      reason: `no environment tag or identifier pattern; \`unclassifiedEnvironment\` is \`${config.unclassifiedEnvironment}\``,
    }
  );
}

/**
 * The reason a cluster is exempt, or `undefined`: its exemption tag (value = reason) or its
 * identifier listed in `exemptClusterIdentifiers`.
 */
export function exemptionOf(
  identifier: Maybe<string>,
  tags: Maybe<ReadonlyMap<string, Maybe<string>>>,
  config: ClassificationConfig,
): string | undefined {
  if (tags !== undefined && !(tags instanceof UnknownValue)) {
    for (const [key, value] of tags) {
      if (key.toLowerCase() === config.exemptionTagKey.toLowerCase()) {
        const why = typeof value === "string" && value !== "" ? `: ${value}` : "";
        return `tag \`${key}\`${why}`;
      }
    }
  }
  if (typeof identifier === "string") {
    const id = identifier.toLowerCase();
    if (config.exemptClusterIdentifiers.some((e) => e.toLowerCase() === id)) {
      return "listed in `exemptClusterIdentifiers`";
    }
  }
  return undefined;
}
