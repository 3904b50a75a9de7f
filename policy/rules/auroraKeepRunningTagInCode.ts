import type {
  ResourceValidationArgs,
  ReportViolation,
  ResourceValidationPolicy,
} from "@pulumi/policy";
import { overrideDecision } from "../../provider/aurora/keepRunningOverride";
import { exemptionOf } from "../classifyEnvironment";
import { DEFAULT_CLASSIFICATION, resolveConfig, ruleConfigSchema } from "../config";
import { keepRunningTagInCodeMessage, type DeclaredOverride } from "../keepRunningTagMessages";
import { RDS_CLUSTER_TYPE, clusterFacts } from "../resourceFacts";
import { UnknownValue } from "../unknowns";
import { policyMetadata } from "../policyMetadata";

function validateResource(args: ResourceValidationArgs, reportViolation: ReportViolation): void {
  const config = resolveConfig(DEFAULT_CLASSIFICATION, args.getConfig());
  if (args.type !== RDS_CLUSTER_TYPE) return;
  const facts = clusterFacts(args.props);
  const tags = facts.tags;
  if (tags === undefined || tags instanceof UnknownValue || !tags.has(config.overrideTagKey)) {
    return;
  }
  const exemption = exemptionOf(facts.identifier, tags, config);
  if (exemption !== undefined) args.notApplicable(`cluster is exempt (${exemption})`);
  const value = tags.get(config.overrideTagKey);
  const known = typeof value === "string" ? value : undefined;
  const declared: DeclaredOverride =
    known === undefined ? "unknown" : overrideDecision(known, new Date());
  const cluster =
    typeof facts.identifier === "string" ? `\`${facts.identifier}\`` : "(identifier not known yet)";
  reportViolation(
    keepRunningTagInCodeMessage(cluster, args.name, config.overrideTagKey, declared, known ?? ""),
  );
}

/**
 * `aurora-keep-running-tag-in-code` (advisory): an `aws.rds.Cluster` whose `tags` carry the
 * keep-running tag (`overrideTagKey`, default `aurora-power:keep-running-until`). The tag is a
 * short-lived, hands-on override of the stop workflow (set from the console or the CLI, with an
 * expiry); kept in code it comes back on every `pulumi up` and, with a time ahead, defeats the stop
 * schedule. The message says whether the static value is ahead, passed or no time at all.
 */
export const auroraKeepRunningTagInCode: ResourceValidationPolicy = {
  name: "aurora-keep-running-tag-in-code",
  description:
    "Advises against setting the keep-running override tag on an Aurora cluster in the program.",
  enforcementLevel: "advisory",
  ...policyMetadata("aurora-keep-running-tag-in-code"),
  configSchema: ruleConfigSchema(),
  validateResource,
};
