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
import { auroraProductionNeverStopped } from "./rules/auroraProductionNeverStopped";
import { auroraStopScheduleRequired } from "./rules/auroraStopScheduleRequired";
import { auroraStopScheduleSane } from "./rules/auroraStopScheduleSane";
import { auroraStoppableCluster } from "./rules/auroraStoppableCluster";

export { auroraProductionNeverStopped } from "./rules/auroraProductionNeverStopped";
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
  DEFAULT_CLASSIFICATION,
  CLASSIFICATION_SCHEMA,
  ruleConfigSchema,
  resolveConfig,
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
  STOP_CLUSTER_TARGET_ARN,
  START_CLUSTER_TARGET_ARN,
  actionFacts,
  clusterFacts,
  fleetMemberFacts,
  powerActionsOf,
  type ActionFacts,
  type ClusterFacts,
} from "./resourceFacts";
export { buildStackModel, type StackModel, type ClusterNode, type ActionNode } from "./stackModel";
export { UnknownValue, UNKNOWN_STRING } from "./unknowns";

/** Every aurora-power rule, in the order the pack runs them. */
export const auroraPowerPolicies: Policies = [
  auroraStopScheduleRequired,
  auroraProductionNeverStopped,
  auroraStoppableCluster,
  auroraStopScheduleSane,
];
