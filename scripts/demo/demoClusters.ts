import type { SeedCluster } from "aurora-power/emulator";

/**
 * The clusters `npm start` seeds into the local RDS endpoint: two non-production clusters the
 * quickstart stops, one production cluster it keeps running (and the policy pack protects).
 */
export const DEMO_CLUSTERS: SeedCluster[] = [
  { DBClusterIdentifier: "dev-orders", Tags: [{ Key: "environment", Value: "dev" }] },
  {
    DBClusterIdentifier: "staging-reports",
    Engine: "aurora-mysql",
    Tags: [{ Key: "environment", Value: "staging" }],
  },
  {
    DBClusterIdentifier: "prod-orders",
    instanceCount: 2,
    Tags: [{ Key: "environment", Value: "production" }],
  },
];

/** Seconds the demo's emulated stop and start take: long enough to watch progress, short enough to wait for. */
export const DEMO_TRANSITION_SECONDS = 3;
