/**
 * The aurora-power policy rules, for composing your own pack. Importing this module constructs no
 * `PolicyPack` (only one may exist per process and constructing it starts the analyzer server);
 * the ready-made pack is `policy/pack.ts`, run with `--policy-pack node_modules/aurora-power/policy`.
 *
 * @example
 * import { PolicyPack } from "@pulumi/policy";
 * import { auroraPowerPolicies } from "aurora-power/policy";
 * new PolicyPack("my-pack", { policies: [...auroraPowerPolicies, myOwnRule] });
 */
import type { Policies } from "@pulumi/policy";
import { auroraKeepRunningTagInCode } from "./rules/auroraKeepRunningTagInCode";
import { auroraOnePowerHolderPerCluster } from "./rules/auroraOnePowerHolderPerCluster";
import { auroraProductionNeverStopped } from "./rules/auroraProductionNeverStopped";
import { auroraScaleToZeroInsteadOfSchedule } from "./rules/auroraScaleToZeroInsteadOfSchedule";
import { auroraStopScheduleRequired } from "./rules/auroraStopScheduleRequired";
import { auroraStopScheduleSane } from "./rules/auroraStopScheduleSane";
import { auroraStoppableCluster } from "./rules/auroraStoppableCluster";

export { auroraKeepRunningTagInCode } from "./rules/auroraKeepRunningTagInCode";
export { auroraOnePowerHolderPerCluster } from "./rules/auroraOnePowerHolderPerCluster";
export { auroraProductionNeverStopped } from "./rules/auroraProductionNeverStopped";
export { auroraScaleToZeroInsteadOfSchedule } from "./rules/auroraScaleToZeroInsteadOfSchedule";
export {
  auroraStopScheduleRequired,
  STOP_SCHEDULE_REQUIRED_DEFAULTS,
  type StopScheduleRequiredConfig,
} from "./rules/auroraStopScheduleRequired";
export {
  auroraStopScheduleSane,
  STOP_SCHEDULE_SANE_DEFAULTS,
  type StopScheduleSaneConfig,
} from "./rules/auroraStopScheduleSane";
export { auroraStoppableCluster } from "./rules/auroraStoppableCluster";
export { remediateScheduleTag } from "./rules/remediateScheduleTag";
export {
  POLICY_DOCS_URL,
  REPOSITORY_URL,
  policyDocsUrl,
  type AuroraPolicyName,
  type PolicyMetadata,
} from "./policyMetadata";
export {
  DEFAULT_CLASSIFICATION,
  CLASSIFICATION_SCHEMA,
  ruleConfigSchema,
  resolveConfig,
  PolicyConfigError,
  type ClassificationConfig,
  type Environment,
} from "./config";
export {
  classifyEnvironment,
  classifyByEvidence,
  exemptionOf,
  type Classification,
} from "./classifyEnvironment";
export {
  RDS_CLUSTER_TYPE,
  SCHEDULER_SCHEDULE_TYPE,
  actionFacts,
  clusterFacts,
  fleetMemberFacts,
  powerActionsOf,
  type ActionFacts,
  type ClusterFacts,
  type PowerEffect,
} from "./resourceFacts";
export {
  STOP_DB_CLUSTER_TARGET_ARN,
  START_DB_CLUSTER_TARGET_ARN,
} from "../provider/aurora/schedulerTargets";
export { UNKNOWN_VALUE } from "../provider/aurora/unknownValue";
export { buildStackModel, type StackModel } from "./stackModel";
export type { ClusterNode, ActionNode } from "./stackNodes";
export {
  crossRegionReplicasOf,
  declaredStopFacts,
  type CrossRegionReplicas,
  type DeclaredStopFacts,
} from "./declaredStopFacts";
export { UnknownValue, UNKNOWN_STRING } from "./unknowns";
export {
  RDS_GLOBAL_CLUSTER_TYPE,
  globalDatabasesOf,
  type GlobalDatabases,
  type GlobalMembership,
} from "./globalDatabases";
export {
  RDS_CLUSTER_INSTANCE_TYPE,
  RDS_PROXY_TARGET_TYPE,
  scaleToZeroOf,
  type ScaleToZero,
} from "./scaleToZero";

/** Every aurora-power rule, in the order the pack runs them. */
export const auroraPowerPolicies: Policies = [
  auroraStopScheduleRequired,
  auroraScaleToZeroInsteadOfSchedule,
  auroraProductionNeverStopped,
  auroraStoppableCluster,
  auroraStopScheduleSane,
  auroraOnePowerHolderPerCluster,
  auroraKeepRunningTagInCode,
];
