import * as pulumi from "@pulumi/pulumi";
import { ClusterPowerState } from "aurora-power";

/** One cluster of the quickstart and the power state it should hold. */
export interface QuickstartCluster {
  clusterIdentifier: string;
  state: "running" | "stopped";
}

/** The clusters used when the stack config sets no `clusters`: two non-production ones to stop, one production to keep running. */
export const DEFAULT_QUICKSTART_CLUSTERS: QuickstartCluster[] = [
  { clusterIdentifier: "dev-orders", state: "stopped" },
  { clusterIdentifier: "staging-reports", state: "stopped" },
  { clusterIdentifier: "prod-orders", state: "running" },
];

/**
 * The quickstart program: one `ClusterPowerState` per cluster, non-production stopped, production
 * kept running. `pulumi destroy` puts every cluster back as it was found (`onDelete: "restore"`).
 * Exported as a function so the same program runs under the official CLI (index.ts) and through
 * the Automation API (`npm start`, the end-to-end tests).
 * @example
 * // Pulumi.<stack>.yaml
 * // config:
 * //   aurora-power-quickstart:clusters:
 * //     - { clusterIdentifier: dev-orders, state: stopped }
 */
export function quickstartProgram(): Promise<Record<string, pulumi.Output<string>>> {
  const config = new pulumi.Config("aurora-power-quickstart");
  const clusters = config.getObject<QuickstartCluster[]>("clusters") ?? DEFAULT_QUICKSTART_CLUSTERS;
  const statuses: Record<string, pulumi.Output<string>> = {};
  for (const cluster of clusters) {
    const power = new ClusterPowerState(cluster.clusterIdentifier, {
      clusterIdentifier: cluster.clusterIdentifier,
      state: cluster.state,
      onDelete: "restore",
    });
    statuses[cluster.clusterIdentifier] = power.status;
  }
  return Promise.resolve(statuses);
}
