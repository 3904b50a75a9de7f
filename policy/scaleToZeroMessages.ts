/**
 * The sentences about scale to zero that `aurora-stop-schedule-required` and
 * `aurora-scale-to-zero-instead-of-schedule` show, in one place.
 */

/** Aurora's default `SecondsUntilAutoPause` (RDS API reference, `ServerlessV2ScalingConfiguration`). */
const DEFAULT_SECONDS_UNTIL_AUTO_PAUSE = 300;

/**
 * The advisory for a non-production cluster that has no stop schedule and scales to zero instead.
 *
 * @param name The cluster as messages quote it.
 * @param reason Why it is non-production, e.g. "tag `Environment=dev`".
 * @param secondsUntilAutoPause Its declared `secondsUntilAutoPause`, if any.
 */
export function scaleToZeroAdvisory(
  name: string,
  reason: string,
  secondsUntilAutoPause: number | undefined,
): string {
  const seconds = secondsUntilAutoPause ?? DEFAULT_SECONDS_UNTIL_AUTO_PAUSE;
  const source = secondsUntilAutoPause === undefined ? "the default" : "`secondsUntilAutoPause`";
  return (
    `Aurora cluster ${name} is non-production (${reason}) and has no stop schedule; ` +
    "`aurora-stop-schedule-required` accepts scale to zero instead: it is Aurora Serverless v2 with " +
    `\`serverlessv2ScalingConfiguration.minCapacity: 0\`, so Aurora pauses it after ${seconds} s ` +
    `without connections (${source}) and bills no capacity while it is paused. Any connection ` +
    "resumes it, and logical replication or a zero-ETL integration (which the pack cannot see) " +
    "keeps it from pausing; add a `ClusterStopSchedule` if it must stop, or set " +
    "`acceptScaleToZero: false` to require one."
  );
}

/**
 * The clause a violation adds when the cluster scales to zero but cannot pause: "; its
 * `minCapacity: 0` does not count: Aurora cannot pause it while …". Empty without blockers.
 */
export function blockedScaleToZeroClause(blockers: readonly string[]): string {
  return blockers.length === 0
    ? ""
    : "; its `serverlessv2ScalingConfiguration.minCapacity: 0` does not count, as Aurora cannot " +
        `pause it while ${blockers.join(", and while ")}`;
}
