import {
  ClusterStopSchedule,
  InvalidClusterStopScheduleError,
  type ClusterStopScheduleArgs,
} from "../../../../provider/clusterStopSchedule";

/**
 * The error `new ClusterStopSchedule("nightly", args)` throws while validating `args`; any other
 * error is rethrown, and a schedule built without one fails the test.
 */
export function stopScheduleErrorFor(
  args: ClusterStopScheduleArgs,
): InvalidClusterStopScheduleError {
  try {
    new ClusterStopSchedule("nightly", args);
  } catch (error) {
    if (error instanceof InvalidClusterStopScheduleError) return error;
    throw error;
  }
  throw new Error("expected InvalidClusterStopScheduleError");
}
