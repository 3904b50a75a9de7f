/** The pack's configuration is checked before any rule judges anything (issue 19). */
import {
  PolicyConfigError,
  auroraPowerPolicies,
  DEFAULT_CLASSIFICATION,
  resolveConfig,
} from "aurora-power/policy";
import { policyResource, runResource, runStack, validStack } from "./policyFixtures";

const BAD = { productionIdentifierPatterns: ["^live-", "("] };
const MESSAGE =
  'invalid aurora-power policy configuration: `productionIdentifierPatterns[1]` is not a valid regular expression: "(" (Invalid regular expression: /(/i: Unterminated group). ' +
  "Correct it in the policy pack configuration (`--policy-pack-config`); the rules cannot run until then.";

describe("policy configuration validation", () => {
  it("accepts the defaults and valid patterns", () => {
    expect(
      resolveConfig(DEFAULT_CLASSIFICATION, { productionIdentifierPatterns: ["^live-"] }),
    ).toMatchObject({ productionIdentifierPatterns: ["^live-"] });
  });

  it("refuses a pattern that does not compile, naming the key, the pattern and the error", () => {
    expect(() => resolveConfig(DEFAULT_CLASSIFICATION, BAD)).toThrow(PolicyConfigError);
    expect(() => resolveConfig(DEFAULT_CLASSIFICATION, BAD)).toThrow(MESSAGE);
  });

  it("refuses a non-production pattern that does not compile", () => {
    const config = { nonProductionIdentifierPatterns: ["[dev"] };
    expect(() => resolveConfig(DEFAULT_CLASSIFICATION, config)).toThrow(
      '`nonProductionIdentifierPatterns[0]` is not a valid regular expression: "[dev" (Invalid regular expression: /[dev/i: Unterminated character class)',
    );
  });

  it("refuses patterns that are not a list of strings", () => {
    expect(() =>
      resolveConfig(DEFAULT_CLASSIFICATION, { productionIdentifierPatterns: "^live-" }),
    ).toThrow("`productionIdentifierPatterns` must be a list of regular expressions.");
    expect(() =>
      resolveConfig(DEFAULT_CLASSIFICATION, { productionIdentifierPatterns: [7] }),
    ).toThrow("`productionIdentifierPatterns[0]` must be a string.");
  });

  const unrelated = policyResource("random:index/randomId:RandomId", "id", { byteLength: 4 });
  const withResourceCheck = auroraPowerPolicies.filter((p) => "validateResource" in p);
  const withStackCheck = auroraPowerPolicies.filter((p) => "validateStack" in p);

  it.each(withResourceCheck.map((p) => [p.name, p] as const))(
    "fails %s's resource check on any resource, before judging it",
    async (_name, policy) => {
      await expect(runResource(policy as never, unrelated, { config: BAD })).rejects.toThrow(
        MESSAGE,
      );
    },
  );

  it.each(withStackCheck.map((p) => [p.name, p] as const))(
    "fails %s's stack check, before judging the stack",
    async (_name, policy) => {
      await expect(runStack(policy as never, validStack(), { config: BAD })).rejects.toThrow(
        MESSAGE,
      );
    },
  );
});
