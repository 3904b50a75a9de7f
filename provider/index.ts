/**
 * aurora-power: declarative power state for Amazon Aurora DB clusters in Pulumi.
 *
 * @example
 * ```ts
 * import { ClusterPowerState } from "aurora-power";
 * new ClusterPowerState("dev-orders-power", { clusterIdentifier: "dev-orders", state: "stopped" });
 * ```
 */
export { ClusterPowerState, type ClusterPowerStateArgs } from "./clusterPowerState";
export { ClusterFleetPowerState, type ClusterFleetPowerStateArgs } from "./clusterFleetPowerState";
export type { PowerSettingsArgs } from "./powerSettingsArgs";
export { clusterPowerStatePolicy } from "./clusterPowerStatePolicy";
export type { IamPolicyDocument, IamPolicyStatement } from "./iamPolicyDocument";
export type { ClusterErrorDetails, MemberFailure } from "./errors";
export type { ClusterRecord } from "./core/clusterRecord";
export type { StopFacts } from "./aurora/stoppability";
export {
  ClusterNotFoundError,
  ClusterPowerError,
  ClusterStateError,
  ClusterTimeoutError,
  FleetMembersError,
  PartialFailureError,
  UnsupportedClusterError,
} from "./errors";
export { planTransition, type TransitionPlan } from "./aurora/planTransition";
export { powerStateOf, type PowerAction } from "./aurora/clusterStatus";
export { FLEET_SCHEMA_VERSION, NewerStateError, SCHEMA_VERSION } from "./state/stateFormat";
export {
  readPollerSettings,
  DEFAULT_POLLER_SETTINGS,
  type PollerSettings,
} from "./poller/pollerSettings";
export {
  CLUSTER_KEEP_STOPPED_TYPE,
  CLUSTER_FLEET_POWER_STATE_TYPE,
  CLUSTER_POWER_STATE_TYPE,
  CLUSTER_STOP_SCHEDULE_TYPE,
} from "./aurora/typeTokens";
export {
  DEFAULT_ON_DELETE,
  DEFAULT_TIMEOUT_MINUTES,
  type ClusterPowerStateInputs,
  type ClusterPowerStateOutputs,
  type FleetMemberOutputs,
  type OnDelete,
  type PowerState,
} from "./types";
export { ClusterKeepStopped, type ClusterKeepStoppedArgs } from "./clusterKeepStopped";
export { InvalidNotificationsError, type WorkflowNotificationsArgs } from "./notificationsArgs";
export {
  withNotifications,
  type NotificationOptions,
  type NotifyOn,
} from "./workflow/notifications";
export type { NotifiedAction } from "./workflow/notificationText";
export { STOP_OUTCOMES, STOP_REASON_PATHS } from "./workflow/stopOutcomes";
export {
  startWorkflowDefinition,
  type StartWorkflowOptions,
} from "./workflow/startWorkflowDefinition";
export { START_OUTCOMES } from "./workflow/startOutcomes";
export {
  stopWorkflowDefinition,
  type StopWorkflowOptions,
} from "./workflow/stopWorkflowDefinition";
export { KEEP_RUNNING_TAG_KEY } from "./aurora/keepRunningOverride";
// Owned by the schedule engineer (provider/clusterStopSchedule.ts):
export {
  ClusterStopSchedule,
  InvalidClusterStopScheduleError,
  type ClusterStopScheduleArgs,
  type ClusterStopScheduleRetry,
} from "./clusterStopSchedule";
// Schedule helpers, to check an expression or preview its next runs before deploying it:
export {
  InvalidTimeZoneError,
  ScheduleExpressionError,
  isValidTimeZone,
  nextRuns,
  nextRunsOutside,
  parseScheduleExpression,
  stoppedHoursPerWeek,
  type AtScheduleExpression,
  type CronScheduleExpression,
  type RateScheduleExpression,
  type ScheduleExpression,
} from "./schedule";
