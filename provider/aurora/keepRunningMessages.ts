/**
 * The sentences the stop workflow records about the keep-running override (its output's
 * `Override.Reason`). The workflow fills the cluster and the tag's value in at run time
 * (`States.Format`), so they take them as plain strings.
 */
import { isValidTagKey, type OverrideOutcome } from "./keepRunningOverride";

/** An example of a value the override accepts, for the sentences. */
export const OVERRIDE_VALUE_EXAMPLE = "2026-11-29T08:00:00Z";

/** The reason recorded for `outcome`, naming the cluster, the tag and its value. */
export function overrideReason(
  outcome: OverrideOutcome,
  clusterIdentifier: string,
  tagKey: string,
  value: string,
): string {
  const tag = `its tag \`${tagKey}\``;
  switch (outcome) {
    case "kept-running":
      return `cluster \`${clusterIdentifier}\` left running: ${tag} keeps it running until ${value}; remove the tag to let the stop go ahead (the next stop after that time stops it)`;
    case "expired":
      return `cluster \`${clusterIdentifier}\` stopped: ${tag} kept it running until ${value}, which has passed; remove the tag`;
    case "ignored":
      return `cluster \`${clusterIdentifier}\` stopped: ${tag} has the value \`${value}\`, which is not a time with an offset (RFC 3339, e.g. ${OVERRIDE_VALUE_EXAMPLE}), so it was ignored; fix or remove the tag`;
  }
}

/** Why an `overrideTagKey` option is refused. */
export function invalidOverrideTagKey(tagKey: string): string {
  return `\`overrideTagKey\` ${JSON.stringify(tagKey)} is not an RDS tag key: use 1 to 128 letters, digits, spaces and \`_ . : / = + - @\`, not starting with \`aws:\` or \`rds:\``;
}

/** Why `ClusterStopSchedule` refuses an `overrideTagKey` it would not use. */
export function overrideTagKeyUnused(direct: boolean): string {
  return direct
    ? '`overrideTagKey` is read by the stop workflow, and `stopThrough: "direct"` stops without it; remove it, or stop through the workflow'
    : "`overrideTagKey` is read by the workflow this schedule creates, and `stopWorkflowArn` names another; set the key on the component that builds that workflow (e.g. `ClusterKeepStopped`)";
}

/** {@link invalidOverrideTagKey} for a key RDS would refuse, else undefined. */
export function overrideTagKeyProblem(tagKey: string): string | undefined {
  return isValidTagKey(tagKey) ? undefined : invalidOverrideTagKey(tagKey);
}
