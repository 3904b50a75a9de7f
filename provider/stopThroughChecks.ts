/**
 * Checks of how a `ClusterStopSchedule` stops its cluster (`stopThrough`, `stopWorkflowArn`) and of
 * the keep-running tag key its own workflow reads — a key is of no use to a workflow it does not create.
 */
import * as keepRunning from "./aurora/keepRunningMessages";

/** The inputs of `ClusterStopScheduleArgs` these checks read. */
export interface StopThroughInputs {
  stopThrough?: unknown;
  stopWorkflowArn?: unknown;
  overrideTagKey?: string;
}

/** Calls `fail(input, detail)` for the first inconsistent or invalid input among them. */
export function checkStopThrough(
  args: StopThroughInputs,
  fail: (input: string, detail: string) => never,
): void {
  const through: unknown = args.stopThrough;
  if (through !== undefined && through !== "workflow" && through !== "direct")
    fail(
      "stopThrough",
      `\`stopThrough\` must be "workflow" or "direct"; got ${JSON.stringify(through)}`,
    );
  if (through === "direct" && args.stopWorkflowArn !== undefined)
    fail(
      "stopWorkflowArn",
      '`stopWorkflowArn` is for `stopThrough: "workflow"`; remove it, or stop through the workflow',
    );
  const key = args.overrideTagKey;
  if (key !== undefined && (through === "direct" || args.stopWorkflowArn))
    fail("overrideTagKey", keepRunning.overrideTagKeyUnused(through === "direct"));
  const invalid = key === undefined ? undefined : keepRunning.overrideTagKeyProblem(key);
  if (invalid) fail("overrideTagKey", invalid);
}
