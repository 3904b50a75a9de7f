/**
 * Configuration of the rule `aurora-stop-schedule-required`, in its own module so that the rule and
 * its remediation (`remediateScheduleTag`) both import it without importing each other.
 */
import { ClassificationConfig, DEFAULT_CLASSIFICATION } from "../config";

/** Configuration of `aurora-stop-schedule-required` (and its remediation). */
export interface StopScheduleRequiredConfig extends ClassificationConfig {
  /** Cluster tags that hand the schedule to another tool (AWS Instance Scheduler, Cloud Custodian). */
  scheduleTagKeys: string[];
  /** Tag the optional remediation adds (enforcement level `remediate`). */
  remediationTagKey: string;
  /** Value of that tag, e.g. an Instance Scheduler schedule name. */
  remediationTagValue: string;
}

/** Defaults of {@link StopScheduleRequiredConfig}. */
export const STOP_SCHEDULE_REQUIRED_DEFAULTS: Readonly<StopScheduleRequiredConfig> = Object.freeze({
  ...DEFAULT_CLASSIFICATION,
  scheduleTagKeys: ["Schedule", "maid_offhours", "custodian_downtime"],
  remediationTagKey: "Schedule",
  remediationTagValue: "office-hours",
});
