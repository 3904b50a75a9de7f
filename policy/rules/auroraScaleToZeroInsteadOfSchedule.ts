import type { ReportViolation, StackValidationArgs, StackValidationPolicy } from "@pulumi/policy";
import { judgeStopSchedules } from "../judgeStopSchedules";
import { auroraStopScheduleRequired } from "./auroraStopScheduleRequired";
import { policyMetadata } from "../policyMetadata";

/**
 * Reports each cluster `aurora-stop-schedule-required` let through on scale to zero. What preview
 * cannot decide is that rule's to report, not this one's.
 */
function validateStack(args: StackValidationArgs, reportViolation: ReportViolation): void {
  const judgement = judgeStopSchedules(args);
  for (const { message, urn } of judgement.scaleToZero) {
    reportViolation(message, urn);
  }
}

/**
 * `aurora-scale-to-zero-instead-of-schedule` (advisory): names each non-production Aurora
 * Serverless v2 cluster that `aurora-stop-schedule-required` accepted without a stop schedule
 * because it scales to zero (`serverlessv2ScalingConfiguration.minCapacity: 0`) and nothing in the
 * stack keeps it from pausing, so the alternative taken is visible in every preview. It reads the
 * same configuration keys as `aurora-stop-schedule-required` (give both the same values, e.g.
 * `acceptScaleToZero: false` to both, or disable this rule).
 */
export const auroraScaleToZeroInsteadOfSchedule: StackValidationPolicy = {
  name: "aurora-scale-to-zero-instead-of-schedule",
  ...policyMetadata("aurora-scale-to-zero-instead-of-schedule"),
  description:
    "Names the non-production Aurora Serverless v2 clusters that scale to zero instead of having a stop schedule.",
  enforcementLevel: "advisory",
  configSchema: auroraStopScheduleRequired.configSchema,
  validateStack,
};
