import type { ResourceValidationArgs } from "@pulumi/policy";
import { classifyEnvironment, exemptionOf } from "../classifyEnvironment";
import { RDS_CLUSTER_TYPE, clusterFacts, isAuroraEngine } from "../resourceFacts";
import { UnknownValue, throwUndecided } from "../unknowns";
import type { StopScheduleRequiredConfig } from "./stopScheduleRequiredConfig";

/**
 * The optional remediation of `aurora-stop-schedule-required` (runs only at enforcement level
 * `remediate`): adds `remediationTagKey=remediationTagValue` to a non-production Aurora
 * `aws.rds.Cluster` that carries none of the `scheduleTagKeys`, so AWS Instance Scheduler or Cloud
 * Custodian stops it. Returns the changed inputs, or `undefined` to leave the resource as it is.
 */
export function remediateScheduleTag(
  args: ResourceValidationArgs,
  config: StopScheduleRequiredConfig,
): Record<string, unknown> | undefined {
  if (args.type !== RDS_CLUSTER_TYPE) {
    return undefined;
  }
  const facts = clusterFacts(args.props);
  const aurora = isAuroraEngine(facts.engine);
  if (aurora === false) {
    return undefined;
  }
  const exemption = exemptionOf(facts.identifier, facts.tags, config);
  if (exemption !== undefined) {
    args.notApplicable(`cluster is exempt (${exemption})`);
  }
  const classification = classifyEnvironment(
    { identifier: facts.identifier, tags: facts.tags, stackTags: args.stackTags },
    config,
  );
  const known = facts.tags instanceof UnknownValue ? undefined : facts.tags;
  const tagValues = known === undefined ? [] : [...known.values()];
  const unknown = [aurora, classification, facts.tags, ...tagValues].find(
    (v) => v instanceof UnknownValue,
  );
  if (unknown !== undefined) {
    throwUndecided([`cluster of resource \`${args.name}\`: \`${unknown.path}\` is unknown`]);
  }
  if (classification instanceof UnknownValue || classification.environment === "production") {
    return undefined;
  }
  const tags = known ?? new Map<string, string>();
  const wanted = new Set(config.scheduleTagKeys.map((k) => k.toLowerCase()));
  if ([...tags.keys()].some((k) => wanted.has(k.toLowerCase()))) {
    return undefined;
  }
  // Assigning through the SDK's proxy writes to the underlying inputs; returning them (instead of
  // a spread copy) avoids reading every other input, some of which may be unknown at preview.
  const props: Record<string, unknown> = args.props;
  props.tags = {
    ...Object.fromEntries(tags),
    [config.remediationTagKey]: config.remediationTagValue,
  };
  return props;
}
