import type {
  ReportViolation,
  ResourceValidationPolicy,
  StackValidationArgs,
  StackValidationPolicy,
} from "@pulumi/policy";
import { resolveConfig, ruleConfigSchema } from "../config";
import { judgeStopSchedules } from "../judgeStopSchedules";
import { throwUndecided } from "../unknowns";
import { remediateScheduleTag } from "./remediateScheduleTag";
import {
  ACCEPT_SCALE_TO_ZERO_SCHEMA,
  STOP_SCHEDULE_REQUIRED_DEFAULTS,
} from "./stopScheduleRequiredConfig";

export {
  STOP_SCHEDULE_REQUIRED_DEFAULTS,
  type StopScheduleRequiredConfig,
} from "./stopScheduleRequiredConfig";
import { policyMetadata } from "../policyMetadata";

/** Reports the shared decision's violations, then what preview cannot decide. */
function validateStack(args: StackValidationArgs, reportViolation: ReportViolation): void {
  const judgement = judgeStopSchedules(args);
  for (const { message, urn } of judgement.violations) {
    reportViolation(message, urn);
  }
  if (judgement.undecided.length > 0) {
    throwUndecided(judgement.undecided);
  }
  if (judgement.subjects === 0) {
    args.notApplicable(
      "the stack declares no Aurora cluster, no `ClusterPowerState` and no `ClusterFleetPowerState`",
    );
  }
  if (judgement.exempt.length === judgement.subjects) {
    args.notApplicable(judgement.exempt.join("; "));
  }
}

/**
 * `aurora-stop-schedule-required`: every non-production Aurora cluster the stack manages (each
 * `aws.rds.Cluster` with an `aurora*` engine, each `ClusterPowerState` target and each
 * `ClusterFleetPowerState` member) has a stop schedule; a fleet holding it stopped counts as one.
 * A `ClusterKeepStopped` alone is none (it stops a cluster again only after AWS started one that
 * something else stopped), so it is no action of the stack model. A non-production Aurora
 * Serverless v2 cluster that scales to zero (`minCapacity: 0`) and that nothing in the stack keeps
 * from pausing (a provisioned instance, an RDS Proxy target, a global database) needs none when
 * `acceptScaleToZero` is on (the default); `aurora-scale-to-zero-instead-of-schedule` then says so
 * as an advisory. With enforcement level `remediate` it also tags non-production `aws.rds.Cluster`s that carry no schedule tag with
 * `remediationTagKey=remediationTagValue`.
 */
export const auroraStopScheduleRequired: StackValidationPolicy & ResourceValidationPolicy = {
  name: "aurora-stop-schedule-required",
  ...policyMetadata("aurora-stop-schedule-required"),
  description:
    "Every non-production Aurora cluster has a stop schedule (ClusterStopSchedule, a stopDBCluster schedule, a ClusterPowerState or ClusterFleetPowerState holding it stopped, or a scheduler tag), or scales to zero where nothing keeps it from pausing.",
  enforcementLevel: "mandatory",
  configSchema: ruleConfigSchema({
    scheduleTagKeys: {
      type: "array",
      items: { type: "string" },
      default: [...STOP_SCHEDULE_REQUIRED_DEFAULTS.scheduleTagKeys],
      description: "Cluster tags that count as a stop schedule run by another tool.",
    },
    remediationTagKey: {
      type: "string",
      default: STOP_SCHEDULE_REQUIRED_DEFAULTS.remediationTagKey,
      description: "Tag added by the `remediate` enforcement level.",
    },
    remediationTagValue: {
      type: "string",
      default: STOP_SCHEDULE_REQUIRED_DEFAULTS.remediationTagValue,
      description: "Value of the tag added by the `remediate` enforcement level.",
    },
    acceptScaleToZero: ACCEPT_SCALE_TO_ZERO_SCHEMA,
  }),
  validateStack,
  remediateResource: (args) =>
    remediateScheduleTag(args, resolveConfig(STOP_SCHEDULE_REQUIRED_DEFAULTS, args.getConfig())),
};
