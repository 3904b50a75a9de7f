/**
 * Configuration of the rule `aurora-stop-schedule-required`, in its own module so that the rule and
 * its remediation (`remediateScheduleTag`) both import it without importing each other.
 */
import type { PolicyConfigJSONSchema } from "@pulumi/policy/schema";
import { ClassificationConfig, DEFAULT_CLASSIFICATION } from "../config";

/** Configuration of `aurora-stop-schedule-required` (and its remediation). */
export interface StopScheduleRequiredConfig extends ClassificationConfig {
  /** Cluster tags that hand the schedule to another tool (AWS Instance Scheduler, Cloud Custodian). */
  scheduleTagKeys: string[];
  /** Tag the optional remediation adds (enforcement level `remediate`). */
  remediationTagKey: string;
  /** Value of that tag, e.g. an Instance Scheduler schedule name. */
  remediationTagValue: string;
  /**
   * Whether an Aurora Serverless v2 cluster that scales to zero (`minCapacity: 0`) and that
   * nothing in the stack keeps from pausing counts as having a stop schedule.
   */
  acceptScaleToZero: boolean;
}

/** Defaults of {@link StopScheduleRequiredConfig}. */
export const STOP_SCHEDULE_REQUIRED_DEFAULTS: Readonly<StopScheduleRequiredConfig> = Object.freeze({
  ...DEFAULT_CLASSIFICATION,
  scheduleTagKeys: ["Schedule", "maid_offhours", "custodian_downtime"],
  remediationTagKey: "Schedule",
  remediationTagValue: "office-hours",
  acceptScaleToZero: true,
});

/**
 * Schema of `acceptScaleToZero`, given to `aurora-stop-schedule-required` and to
 * `aurora-scale-to-zero-instead-of-schedule` (Pulumi policy configuration is per rule).
 */
export const ACCEPT_SCALE_TO_ZERO_SCHEMA: PolicyConfigJSONSchema = {
  type: "boolean",
  default: STOP_SCHEDULE_REQUIRED_DEFAULTS.acceptScaleToZero,
  description:
    "Count an Aurora Serverless v2 cluster that scales to zero (`minCapacity: 0`) and that nothing in the stack keeps from pausing as having a stop schedule.",
};
