/**
 * The outcome word, in notifications, of each Succeed state of `startWorkflowDefinition`. A
 * Succeed state added there without an entry here makes `withNotifications` throw.
 */
export const START_OUTCOMES: Readonly<Record<string, string>> = {
  StartRequested: "starting",
  StartNotNeeded: "already running",
  ClusterGone: "gone",
};
