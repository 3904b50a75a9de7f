import { PLAN_TARGETS } from "./planChoice";
import { OVERRIDE_RECORD_PATH } from "./overrideStates";

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

/**
 * Where a run of `stopWorkflowDefinition` records why it reached a Succeed state, for the
 * notification's reason (`withNotifications`' `reasonPaths`): the keep-running tag's sentence,
 * naming the tag and its time, rather than the state's fixed Comment. Always there at
 * `KeptRunning`; at `StopRequested` only when the tag was read (expired or ignored).
 */
export const STOP_REASON_PATHS: Readonly<Record<string, string>> = {
  KeptRunning: `${OVERRIDE_RECORD_PATH}.Reason`,
  StopRequested: `${OVERRIDE_RECORD_PATH}.Reason`,
};
