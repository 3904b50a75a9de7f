import type { ReportViolation, StackValidationArgs, StackValidationPolicy } from "@pulumi/policy";
import { DEFAULT_CLASSIFICATION, resolveConfig, ruleConfigSchema } from "../config";
import { exemptionOf } from "../classifyEnvironment";
import type { ActionFacts } from "../resourceFacts";
import {
  ClusterNode,
  buildStackModel,
  describeAction,
  describeCluster,
  stopsCluster,
  targetIdentifierOf,
} from "../stackModel";
import { Maybe, UnknownValue, throwUndecided } from "../unknowns";

/** Why AWS refuses to stop a cluster, and the way out given how to remove the stop. */
interface Unstoppable {
  reason: string;
  fix: (removeStop: string) => string;
}

/** How to remove the stop: a fleet keeps holding its other members. */
function removeStopOf(kind: ActionFacts["kind"]): string {
  return kind === "ClusterFleetPowerState"
    ? "remove the cluster from `clusterIdentifiers`"
    : "remove the stop";
}

const present = (value: Maybe<string>): value is string =>
  typeof value === "string" && value !== "";

/** `arn:aws:rds:eu-west-1:123:cluster:orders` or `orders` → `orders`. */
function identifierOfSource(source: string): string {
  const marker = ":cluster:";
  const at = source.lastIndexOf(marker);
  return (at < 0 ? source : source.slice(at + marker.length)).toLowerCase();
}

/**
 * The conditions the Aurora User Guide ("Stopping and starting an Amazon Aurora DB cluster",
 * limitations) and the RDS guide for Multi-AZ DB clusters list as "cannot be stopped", checked
 * on the cluster's declaration. `sources` holds identifiers other clusters replicate from.
 */
function unstoppableReasons(
  cluster: ClusterNode,
  sources: ReadonlySet<string>,
): Unstoppable[] | UnknownValue {
  const f = cluster.facts;
  const reasons: Unstoppable[] = [];
  const unknown = [
    f.engineMode,
    f.globalClusterIdentifier,
    f.replicationSourceIdentifier,
    f.dbClusterInstanceClass,
    cluster.aurora,
  ].find((v) => v instanceof UnknownValue);
  if (typeof f.engineMode === "string" && f.engineMode.toLowerCase() === "serverless") {
    reasons.push({
      reason: "it runs Aurora Serverless v1 (`engineMode: serverless`)",
      fix: (remove) =>
        `migrate it to Serverless v2 or provisioned, which can be stopped, or ${remove}`,
    });
  }
  if (present(f.globalClusterIdentifier)) {
    reasons.push({
      reason: `it is a member of global database \`${f.globalClusterIdentifier}\` (\`globalClusterIdentifier\`)`,
      fix: (remove) => `remove it from the global database first, or ${remove}`,
    });
  }
  if (present(f.replicationSourceIdentifier)) {
    reasons.push({
      reason: `it is a read replica of \`${f.replicationSourceIdentifier}\` (\`replicationSourceIdentifier\`)`,
      fix: (remove) => `promote it to a standalone cluster first, or ${remove}`,
    });
  }
  if (typeof f.identifier === "string" && sources.has(f.identifier.toLowerCase())) {
    reasons.push({
      reason: "it is the replication source of another cluster in this stack",
      fix: (remove) => `remove the replica first, or ${remove}`,
    });
  }
  if (cluster.aurora === false && present(f.dbClusterInstanceClass)) {
    reasons.push({
      reason: `it is a Multi-AZ DB cluster (engine \`${typeof f.engine === "string" ? f.engine : "?"}\` with \`dbClusterInstanceClass\`), not Aurora`,
      fix: (remove) => `${remove}; Multi-AZ DB clusters cannot be stopped at all`,
    });
  }
  return reasons.length === 0 && unknown !== undefined ? unknown : reasons;
}

function replicationSources(clusters: readonly ClusterNode[]): Set<string> {
  const sources = new Set<string>();
  for (const cluster of clusters) {
    if (present(cluster.facts.replicationSourceIdentifier)) {
      sources.add(identifierOfSource(cluster.facts.replicationSourceIdentifier));
    }
  }
  return sources;
}

function validateStack(args: StackValidationArgs, reportViolation: ReportViolation): void {
  const config = resolveConfig(DEFAULT_CLASSIFICATION, args.getConfig());
  const model = buildStackModel(args.resources);
  const sources = replicationSources(model.clusters);
  const undecided: string[] = [];
  for (const action of model.actions) {
    const cluster = action.cluster;
    const stops = stopsCluster(action.facts);
    if (
      cluster === undefined ||
      stops === false ||
      exemptionOf(cluster.facts.identifier, cluster.facts.tags, config)
    ) {
      continue;
    }
    const reasons = unstoppableReasons(cluster, sources);
    const unknown =
      reasons instanceof UnknownValue
        ? reasons
        : reasons.length > 0 && stops instanceof UnknownValue
          ? stops
          : undefined;
    if (unknown !== undefined) {
      undecided.push(`${describeAction(action.owner)}: \`${unknown.path}\` is unknown`);
      continue;
    }
    const name = describeCluster(targetIdentifierOf(action), cluster.resource.name);
    for (const { reason, fix } of reasons as Unstoppable[]) {
      const message =
        `${describeAction(action.owner)} stops cluster ${name}, which cannot be stopped: ${reason}. ` +
        `AWS rejects StopDBCluster for it (InvalidDBClusterStateFault); ${fix(removeStopOf(action.owner.kind))}.`;
      reportViolation(message, action.owner.urn);
    }
  }
  if (undecided.length > 0) {
    throwUndecided(undecided);
  }
}

/**
 * `aurora-stoppable-cluster`: no `ClusterPowerState`, `ClusterFleetPowerState` or stop schedule
 * stops a cluster the stack declares as one AWS cannot stop (Serverless v1, global database member,
 * replica or replication source, non-Aurora Multi-AZ DB cluster).
 */
export const auroraStoppableCluster: StackValidationPolicy = {
  name: "aurora-stoppable-cluster",
  description:
    "Stops only target clusters AWS can stop: not Serverless v1, global database members, replicas, replication sources or Multi-AZ DB clusters.",
  enforcementLevel: "mandatory",
  configSchema: ruleConfigSchema(),
  validateStack,
};
