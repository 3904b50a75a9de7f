import { clusterArn, type ClusterRecord } from "./clusterRecord";
import type { SeedCluster } from "./types";

/** How a seeded cluster takes part in a Blue/Green deployment. */
export type BlueGreenSeed = NonNullable<SeedCluster["BlueGreenDeployment"]>;

/** One Blue/Green deployment as DescribeBlueGreenDeployments lists it. */
export interface BlueGreenDeploymentView {
  BlueGreenDeploymentIdentifier: string;
  BlueGreenDeploymentName: string;
  Source: string;
  Target: string;
  Status: string;
}

// Kept beside the records rather than in them: a seed's role in a deployment is not RDS state of
// the cluster (DescribeDBClusters shows nothing of it).
const seeds = new WeakMap<ClusterRecord, BlueGreenSeed>();

/** Remembers the Blue/Green deployment a seeded cluster takes part in. */
export function rememberBlueGreen(record: ClusterRecord, seed: BlueGreenSeed | undefined): void {
  if (seed) seeds.set(record, seed);
}

/** The deployment a cluster takes part in, if any. */
export function blueGreenOf(record: ClusterRecord): BlueGreenSeed | undefined {
  return seeds.get(record);
}

/**
 * Every deployment of these clusters, sorted by identifier: the clusters naming one identifier are
 * its source and target; a side nobody seeded gets an ARN of a cluster RDS would have made for it.
 */
export function blueGreenDeployments(
  records: readonly ClusterRecord[],
  requestRegion?: string,
): BlueGreenDeploymentView[] {
  const byId = new Map<string, BlueGreenDeploymentView>();
  for (const record of records) {
    const seed = seeds.get(record);
    if (!seed) continue;
    const arn = clusterArn(record, requestRegion);
    const view = byId.get(seed.identifier) ?? {
      BlueGreenDeploymentIdentifier: seed.identifier,
      BlueGreenDeploymentName: seed.identifier,
      Source: `${arn}-blue`,
      Target: `${arn}-green-${seed.identifier.slice(-6)}`,
      Status: "AVAILABLE",
    };
    if ((seed.role ?? "source") === "source") view.Source = arn;
    else view.Target = arn;
    byId.set(seed.identifier, view);
  }
  return [...byId.values()].sort((a, b) =>
    a.BlueGreenDeploymentIdentifier < b.BlueGreenDeploymentIdentifier ? -1 : 1,
  );
}
