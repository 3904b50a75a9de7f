/**
 * Regression tests for issue 19, defect 6: the default production pattern failed open on numbered
 * identifiers (`orders-prod01`, `prod2-orders` were non-production).
 */
import { DEFAULT_CLASSIFICATION, classifyByEvidence } from "aurora-power/policy";

const PATTERN = DEFAULT_CLASSIFICATION.productionIdentifierPatterns[0] ?? "";

function environmentOf(identifier: string): string | undefined {
  const verdict = classifyByEvidence(
    { identifier, tags: undefined, stackTags: new Map() },
    DEFAULT_CLASSIFICATION,
  );
  return verdict !== undefined && "environment" in verdict ? verdict.environment : undefined;
}

describe("the default production identifier pattern", () => {
  it("is the documented one", () => {
    expect(DEFAULT_CLASSIFICATION.productionIdentifierPatterns).toEqual([
      "(^|[-_.])(prod|production|prd)[0-9]*([-_.]|$)",
    ]);
  });

  it.each([
    "prod",
    "prod-orders",
    "orders-prod",
    "orders-prod01",
    "prod2-orders",
    "prod01",
    "prod2",
    "prd-1",
    "orders-prd-1",
    "production3",
    "orders_production3_eu",
    "orders.prd7",
    "prod-01",
    "PROD01-orders",
  ])("classifies `%s` production", (identifier) => {
    expect(environmentOf(identifier)).toBe("production");
    expect(new RegExp(PATTERN, "i").test(identifier)).toBe(true);
  });

  it.each([
    "product-catalog",
    "reproduce",
    "prodigy",
    "orders-products",
    "preprod-orders",
    "nonprod",
    "prod2b-orders",
    "productions",
    "dev-orders",
  ])("does not classify `%s` production", (identifier) => {
    expect(environmentOf(identifier)).not.toBe("production");
    expect(new RegExp(PATTERN, "i").test(identifier)).toBe(false);
  });
});
