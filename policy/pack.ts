/**
 * The aurora-power policy pack: the entry `policy/package.json` points the policy runner at
 * (compiled to `dist/policy/pack.js`). Enable it with
 * `pulumi preview --policy-pack node_modules/aurora-power/policy`.
 *
 * @example
 * pulumi preview --policy-pack node_modules/aurora-power/policy --policy-pack-config aurora.json
 */
import { PolicyPack } from "@pulumi/policy";
import { auroraPowerPolicies } from "./index";
import { REPOSITORY_URL } from "./policyMetadata";

new PolicyPack("aurora-power", {
  description:
    "Keeps non-production Aurora clusters on a stop schedule and production clusters running.",
  displayName: "aurora-power",
  provider: "aws",
  tags: ["aws", "aurora", "rds", "cost"],
  repository: REPOSITORY_URL,
  policies: auroraPowerPolicies,
});
