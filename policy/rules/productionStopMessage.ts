/**
 * The sentences of `aurora-production-never-stopped`, in their own module so the rule file keeps
 * to its checks.
 */
import type { ClassificationConfig } from "../config";
import type { Classification } from "../classifyEnvironment";
import type { DeletionStop, HolderFacts } from "../holderFacts";
import type { ActionFacts } from "../resourceFacts";
import { describeClusterReference } from "../stackModel";
import type { Maybe } from "../unknowns";

/** How a resource stops a production cluster: by its `state`, or when it lets go of the cluster. */
export type ProductionStop = "state" | DeletionStop;

const FIXES: Record<ActionFacts["kind"], string> = {
  ClusterPowerState: 'set `state: "running"` or remove the resource',
  ClusterFleetPowerState: 'remove the cluster from `clusterIdentifiers` or set `state: "running"`',
  ClusterStopSchedule: "remove the schedule or set `enabled: false`",
  Schedule: 'remove the schedule or set `state: "DISABLED"`',
};

/** When a holder lets go of a cluster, i.e. applies its `onDelete`. */
const LETS_GO: Partial<Record<ActionFacts["kind"], string>> = {
  ClusterPowerState: "it is removed from the program or destroyed",
  ClusterFleetPowerState:
    "it is removed from the program or destroyed, or the cluster leaves `clusterIdentifiers`",
};

const DELETION_FIX = 'set `onDelete: "running"` or `onDelete: "retain"`';

function deletionWhy(stop: DeletionStop, holder: HolderFacts | undefined): string {
  return stop === "onDelete-stopped"
    ? "`onDelete` is `stopped`"
    : "`onDelete` is `restore` and the cluster was stopped when the resource adopted it " +
        `(\`${holder?.initialStatePath ?? "initialState"}\` is \`stopped\`)`;
}

/** What a violation is about: who stops which cluster, how, and why it is production. */
export interface ProductionStopFinding {
  actor: string;
  /** What the message names (a schedule's owning `ClusterStopSchedule`, else the resource's kind). */
  kind: ActionFacts["kind"];
  holder: HolderFacts | undefined;
  stop: ProductionStop;
  identifier: Maybe<string>;
  classification: Classification;
  clusterResourceName?: string;
}

/**
 * "ClusterPowerState `p` stops production cluster `prod-orders` (…) [when …: why]. Production
 * clusters must keep running: <fix>. If the cluster is not production, …".
 */
export function productionStopMessage(
  finding: ProductionStopFinding,
  config: ClassificationConfig,
): string {
  const { actor, kind, stop, classification } = finding;
  const tagKey = config.environmentTagKeys[0] ?? "Environment";
  const cluster = describeClusterReference(finding.identifier, finding.clusterResourceName);
  const what = `${actor} stops production cluster ${cluster} (${classification.reason})`;
  const how =
    stop === "state"
      ? `${what}. Production clusters must keep running: ${FIXES[kind]}.`
      : `${what} when ${LETS_GO[kind] ?? "it is removed"}: ${deletionWhy(stop, finding.holder)}. ` +
        `Production clusters must keep running: ${DELETION_FIX}.`;
  return (
    `${how} If the cluster is not production, tag it ` +
    `\`${tagKey}\` with its environment or list it in \`exemptClusterIdentifiers\`.`
  );
}
