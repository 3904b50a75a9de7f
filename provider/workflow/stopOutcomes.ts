import { PLAN_TARGETS } from "./planChoice";

/**
 * The outcome word, in notifications, of each Succeed state of `stopWorkflowDefinition`. A Succeed
 * state added there without an entry here makes `withNotifications` throw (and its tests fail).
 */
export const STOP_OUTCOMES: Readonly<Record<string, string>> = {
  StopRequested: "stopping",
  [PLAN_TARGETS.succeed]: "already stopped",
  ClusterGone: "gone",
  KeptRunning: "kept running",
};
