import type { PolicyConfigSchema } from "@pulumi/policy";
import { isValidTagKey, KEEP_RUNNING_TAG_KEY } from "../provider/aurora/keepRunningOverride";
import type { PolicyConfigJSONSchema } from "@pulumi/policy/schema";

/** Environment of a cluster as the pack understands it. */
export type Environment = "production" | "non-production";

/**
 * How the pack tells production clusters from the rest. Every rule accepts these keys in its
 * `--policy-pack-config` section (Pulumi policy configuration is per rule); the defaults below are
 * also the schema defaults the engine fills in.
 */
export interface ClassificationConfig {
  /** Tag keys (resource tags and stack tags) that name the environment; matched case-insensitively. */
  environmentTagKeys: string[];
  /** Values of those tags that mean production; matched case-insensitively. */
  productionValues: string[];
  /** Whether stack tags (`pulumi stack tag set environment prod`) classify the stack's clusters. */
  useStackTags: boolean;
  /** Regular expressions (case-insensitive) over the cluster identifier that mean production. */
  productionIdentifierPatterns: string[];
  /** Regular expressions (case-insensitive) over the cluster identifier that mean non-production. */
  nonProductionIdentifierPatterns: string[];
  /** Environment of a cluster that no tag and no pattern classifies. */
  unclassifiedEnvironment: Environment;
  /** Tag that exempts a cluster from every rule; its value should say why. */
  exemptionTagKey: string;
  /** Cluster identifiers exempt from every rule (for clusters whose tags this stack cannot see). */
  exemptClusterIdentifiers: string[];
  /** The keep-running tag the stop workflow reads (its `overrideTagKey`); case-sensitive, as in RDS. */
  overrideTagKey: string;
}

/** Defaults of {@link ClassificationConfig}. */
export const DEFAULT_CLASSIFICATION: Readonly<ClassificationConfig> = Object.freeze({
  environmentTagKeys: ["Environment", "Env", "Stage"],
  productionValues: ["prod", "production", "prd"],
  useStackTags: true,
  // `prod`, `prd` or `production` as a word of the identifier, optionally numbered (`prod01`,
  // `prod2`, `production3`; `prd-1` by the separator); not a word that merely contains it
  // (`product-catalog`, `reproduce`, `prodigy`).
  productionIdentifierPatterns: ["(^|[-_.])(prod|production|prd)[0-9]*([-_.]|$)"],
  nonProductionIdentifierPatterns: [
    "(^|[-_.])(dev|development|test|testing|qa|uat|staging|stage|stg|sandbox|sbx|demo|preview|ci)([-_.]|$)",
  ],
  unclassifiedEnvironment: "non-production",
  exemptionTagKey: "aurora-power:exempt",
  exemptClusterIdentifiers: [],
  overrideTagKey: KEEP_RUNNING_TAG_KEY,
});

const stringList = (description: string, defaults: readonly string[]): PolicyConfigJSONSchema => ({
  type: "array",
  items: { type: "string" },
  default: [...defaults],
  description,
});

/** JSON schema properties of {@link ClassificationConfig}, shared by every rule's `configSchema`. */
export const CLASSIFICATION_SCHEMA: Record<string, PolicyConfigJSONSchema> = {
  environmentTagKeys: stringList(
    "Tag keys naming the environment, on clusters and on the stack (case-insensitive).",
    DEFAULT_CLASSIFICATION.environmentTagKeys,
  ),
  productionValues: stringList(
    "Environment tag values that mean production (case-insensitive).",
    DEFAULT_CLASSIFICATION.productionValues,
  ),
  useStackTags: {
    type: "boolean",
    default: DEFAULT_CLASSIFICATION.useStackTags,
    description: "Classify clusters by the stack's tags when they carry no environment tag.",
  },
  productionIdentifierPatterns: stringList(
    "Regular expressions over the cluster identifier that mean production.",
    DEFAULT_CLASSIFICATION.productionIdentifierPatterns,
  ),
  nonProductionIdentifierPatterns: stringList(
    "Regular expressions over the cluster identifier that mean non-production.",
    DEFAULT_CLASSIFICATION.nonProductionIdentifierPatterns,
  ),
  unclassifiedEnvironment: {
    type: "string",
    enum: ["production", "non-production"],
    default: DEFAULT_CLASSIFICATION.unclassifiedEnvironment,
    description: "Environment of a cluster no tag or pattern classifies.",
  },
  exemptionTagKey: {
    type: "string",
    default: DEFAULT_CLASSIFICATION.exemptionTagKey,
    description: "Cluster tag that exempts it from this rule; its value should give the reason.",
  },
  exemptClusterIdentifiers: stringList("Cluster identifiers exempt from this rule.", []),
  overrideTagKey: {
    type: "string",
    default: DEFAULT_CLASSIFICATION.overrideTagKey,
    description:
      "The keep-running tag the stop workflow reads (`overrideTagKey` of ClusterKeepStopped / ClusterStopSchedule).",
  },
};

/**
 * Builds a rule's `configSchema` from the shared classification keys plus the rule's own.
 */
export function ruleConfigSchema(
  own: Record<string, PolicyConfigJSONSchema> = {},
): PolicyConfigSchema {
  return { properties: { ...CLASSIFICATION_SCHEMA, ...own } };
}

/** Keys whose values are lists of regular expressions, compiled with the flag `i`. */
const PATTERN_KEYS: readonly string[] = [
  "productionIdentifierPatterns",
  "nonProductionIdentifierPatterns",
];

/**
 * A policy pack configuration the rules cannot run with. Every rule checks its configuration
 * before anything else, so the engine stops at the first resource with this one message.
 */
export class PolicyConfigError extends Error {
  /**
   * @param key The offending key, e.g. `productionIdentifierPatterns[0]`.
   * @param problem What is wrong with its value.
   */
  constructor(
    readonly key: string,
    problem: string,
  ) {
    super(
      `invalid aurora-power policy configuration: \`${key}\` ${problem}. Correct it in the ` +
        "policy pack configuration (`--policy-pack-config`); the rules cannot run until then.",
    );
    this.name = "PolicyConfigError";
  }
}

/** Checks that each configured pattern compiles as the rules compile it (JavaScript, flag `i`). */
function checkPatterns(config: Readonly<Record<string, unknown>>): void {
  for (const key of PATTERN_KEYS) {
    const value = config[key];
    if (value === undefined) {
      continue;
    }
    if (!Array.isArray(value)) {
      throw new PolicyConfigError(key, "must be a list of regular expressions");
    }
    value.forEach((pattern: unknown, i) => {
      if (typeof pattern !== "string") {
        throw new PolicyConfigError(`${key}[${i}]`, "must be a string");
      }
      try {
        new RegExp(pattern, "i");
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        throw new PolicyConfigError(
          `${key}[${i}]`,
          `is not a valid regular expression: ${JSON.stringify(pattern)} (${reason})`,
        );
      }
    });
  }
}

/** Checks that `overrideTagKey`, when the rule reads it, is a tag key RDS accepts. */
function checkTagKey(config: Readonly<Record<string, unknown>>): void {
  const key = config.overrideTagKey;
  if (key !== undefined && (typeof key !== "string" || !isValidTagKey(key))) {
    throw new PolicyConfigError("overrideTagKey", `is not an RDS tag key: ${JSON.stringify(key)}`);
  }
}

/**
 * Merges the configuration the engine passes (`args.getConfig()`, already defaulted by the engine
 * from the schema) over the code defaults, so rules behave the same when called directly (unit
 * tests, packs composed by users without a schema). Throws a {@link PolicyConfigError} for a
 * pattern that does not compile: the engine's schema check cannot judge JavaScript regular
 * expressions, so every rule calls this first.
 */
export function resolveConfig<T extends object>(defaults: Readonly<T>, given: object): T {
  const merged: Record<string, unknown> = { ...defaults };
  for (const [key, value] of Object.entries(given)) {
    if (key !== "enforcementLevel" && value !== undefined && value !== null) {
      merged[key] = value;
    }
  }
  checkPatterns(merged);
  checkTagKey(merged);
  return merged as T;
}
