/** The sentences of `aurora-keep-running-tag-in-code`. */
import { OVERRIDE_VALUE_EXAMPLE } from "../provider/aurora/keepRunningMessages";
import type { OverrideOutcome } from "../provider/aurora/keepRunningOverride";

/** What the static value of the tag amounts to; `unknown` before `pulumi up`. */
export type DeclaredOverride = OverrideOutcome | "unknown";

const VALUE_CLAUSES: Readonly<Record<DeclaredOverride, (value: string) => string>> = {
  "kept-running": (value) =>
    `Its value ${value} holds off every stop until then, and stays in the program after that.`,
  expired: (value) =>
    `Its value ${value} has passed: the stop workflow ignores it (it stops the cluster and records the expiry).`,
  ignored: (value) =>
    `Its value \`${value}\` is not a time with an offset (RFC 3339, e.g. ${OVERRIDE_VALUE_EXAMPLE}): the stop workflow ignores it.`,
  unknown: () => "Its value is not known before `pulumi up`.",
};

/** The advisory for a cluster declared with the keep-running tag in its `tags`. */
export function keepRunningTagInCodeMessage(
  cluster: string,
  resourceName: string,
  tagKey: string,
  declared: DeclaredOverride,
  value: string,
): string {
  return (
    `cluster ${cluster} (resource \`${resourceName}\`) sets the keep-running tag \`${tagKey}\` in its \`tags\`: ` +
    "an override kept in the program holds off the stop schedules and the keeper whenever it names a time ahead, and every `pulumi up` puts it back. " +
    `${VALUE_CLAUSES[declared](value)} ` +
    "Remove it from `tags` and set it when needed, with an expiry, from the console or the CLI: " +
    `\`aws rds add-tags-to-resource --resource-name <cluster ARN> --tags Key=${tagKey},Value=${OVERRIDE_VALUE_EXAMPLE}\`.`
  );
}
