/**
 * What the provider learns about a cluster before its first change, beyond DescribeDBClusters:
 * how many clusters its global database has (DescribeGlobalClusters) and the Blue/Green
 * deployments it takes part in (DescribeBlueGreenDeployments), so that `stopRefusals` decides with
 * every fact RDS can tell instead of parsing a refusal afterwards.
 */
import type { DBCluster } from "@aws-sdk/client-rds";
import { stopFactsOf, type StopFacts } from "../aurora/stoppability";
import { ClusterPowerError, isProgrammingError } from "../errors";
import { classifyRdsError, sdkErrorMessage } from "../rds/classifyRdsError";
import type { BlueGreenLink, ClusterApi } from "../rds/clusterApi";
import { messages, type ClusterScope, type RetryCommand } from "./messages";
import type { Runtime } from "./runtime";

/** Where the facts are gathered: the runtime, the cluster as messages name it, and the retry. */
export interface FactsScope extends ClusterScope {
  runtime: Pick<Runtime, "api" | "note">;
  retry: RetryCommand;
}

function factsError(scope: FactsScope, call: string, error: unknown): Error {
  if (isProgrammingError(error)) return error;
  const { clusterIdentifier, region } = scope;
  const message = messages.stopFactsFailed(scope, call, sdkErrorMessage(error), scope.retry);
  return new ClusterPowerError(message, { clusterIdentifier, region, cause: error });
}

async function globalMemberCount(scope: FactsScope, globalId: string): Promise<number> {
  try {
    return (await scope.runtime.api.globalClusterMembers(globalId)).length;
  } catch (error) {
    throw factsError(scope, "DescribeGlobalClusters", error);
  }
}

const listings = new WeakMap<object, Promise<BlueGreenLink[]>>();

/**
 * The account's Blue/Green deployments. Clusters described together (a fleet's members, the
 * creates the engine hands out at once) share one listing in flight, so a fleet of 1,000 makes one
 * call rather than one per member; the next wave lists again, so a deployment created meanwhile
 * is seen.
 */
function listBlueGreen(api: ClusterApi): Promise<BlueGreenLink[]> {
  const inFlight = listings.get(api);
  if (inFlight) return inFlight;
  const links = api.blueGreenDeployments();
  listings.set(api, links);
  const forget = () => listings.delete(api);
  links.then(forget, forget);
  return links;
}

// Without the permission (a policy from before this check), RDS's refusal text stays the last
// resort, as it was: say so once rather than fail every cluster.
async function blueGreenDeployments(scope: FactsScope, arn: string): Promise<string[]> {
  try {
    const links = await listBlueGreen(scope.runtime.api);
    return links.filter((l) => l.source === arn || l.target === arn).map((l) => l.identifier);
  } catch (error) {
    if (classifyRdsError(error) !== "access-denied")
      throw factsError(scope, "DescribeBlueGreenDeployments", error);
    scope.runtime.note(messages.blueGreenUnchecked(scope, sdkErrorMessage(error)));
    return [];
  }
}

/**
 * The {@link StopFacts} of a described cluster, completed with its global database's member count
 * (only when it has a `GlobalClusterIdentifier`) and its Blue/Green deployments (only when RDS
 * gave its ARN). Throws a {@link ClusterPowerError} naming the call when one of them fails.
 */
export async function gatherStopFacts(scope: FactsScope, cluster: DBCluster): Promise<StopFacts> {
  const facts = stopFactsOf(cluster, scope.region);
  const globalId = cluster.GlobalClusterIdentifier;
  const arn = cluster.DBClusterArn;
  const [globalClusterMemberCount, deployments] = await Promise.all([
    globalId ? globalMemberCount(scope, globalId) : Promise.resolve(undefined),
    arn ? blueGreenDeployments(scope, arn) : Promise.resolve([]),
  ]);
  return { ...facts, globalClusterMemberCount, blueGreenDeployments: deployments };
}
