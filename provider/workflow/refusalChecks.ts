import {
  isAuroraEngine,
  stopRefusals,
  type StopFacts,
  type StopRefusalKind,
} from "../aurora/stoppability";
import type { ChoiceRule } from "./aslTypes";
import type { Substitution } from "./intrinsicFormat";

/** Where the workflow keeps the described cluster (`DbClusters[0]` of DescribeDBClusters). */
export const CLUSTER_PATH = "$.Described.Cluster";

/** Where the workflow keeps `ReadReplicaIdentifiers` as a JSON string (`States.JsonToString`). */
export const REPLICAS_JSON_PATH = "$.Replicas.Json";

/**
 * One reason RDS cannot stop a cluster, as the stop workflow tests it on a DescribeDBClusters
 * result: `rule` is the Choice rule; `probe` are facts for which `stopRefusals` (the provider's
 * decision) returns exactly `kind`, with `sample` the probe value the sentence names, replaced at
 * run time by the described value at `sample.path`.
 */
export interface RefusalCheck {
  kind: StopRefusalKind;
  probe: StopFacts;
  rule: ChoiceRule;
  sample?: Substitution;
}

const field = (name: string): string => `${CLUSTER_PATH}.${name}`;
const present = (name: string): ChoiceRule => ({ Variable: field(name), IsPresent: true });
const anyOf = (name: string, values: readonly string[]): ChoiceRule => ({
  Or: values.map((value) => ({ Variable: field(name), StringEquals: value })),
});

/** RDS engine names (RDS API reference, CreateDBCluster `Engine`); the Aurora ones are kept. */
const ENGINE_NAMES = ["aurora", "aurora-mysql", "aurora-postgresql", "mysql", "postgres"];
/** Engine modes RDS has had (CreateDBCluster `EngineMode`). */
const ENGINE_MODES = ["provisioned", "serverless", "parallelquery", "global", "multimaster"];

function modesRefusedAs(kind: StopRefusalKind): string[] {
  return ENGINE_MODES.filter((mode) =>
    stopRefusals({ engineMode: mode }).some((refusal) => refusal.kind === kind),
  );
}

/**
 * The checks the workflow makes, in `stopRefusals`' order. Field names are those of the Step
 * Functions SDK integration (`DbClusterInstanceClass`, Java SDK 2.x casing). The SDK integration's
 * output omits absent fields, so presence is tested first. Two deliberate simplifications, both
 * on the safe side: a read replica named by ARN counts as cross-Region (RDS names same-Region
 * replicas by identifier, see `crossRegionReplicasOf`), and a Blue/Green participant is not
 * visible in DescribeDBClusters: RDS's refusal of the stop ends the run (`Rds.RdsException`).
 *
 * Not yet the same as the provider for global databases: the workflow has no DescribeGlobalClusters
 * step, so its probe carries no `globalClusterMemberCount` and `stopRefusals` refuses every member
 * (count unknown counts as more than one). That is a false refusal only for the only cluster of a
 * global database, never a stop RDS would refuse. Adding the step needs, beyond this folder, the
 * workflow role's `rds:DescribeGlobalClusters` (provider/stopWorkflow.ts) and a local handler in
 * scripts/keeper/localExecution.ts (issue 16, left open).
 */
export function refusalChecks(): RefusalCheck[] {
  const auroraEngines = ENGINE_NAMES.filter(isAuroraEngine);
  const retiredModes = modesRefusedAs("retired-engine-mode");
  const sampleReplica = "arn:aws:rds:us-west-2:123456789012:cluster:sample-replica";
  return [
    {
      kind: "multi-az-cluster",
      probe: { engine: "mysql", dbClusterInstanceClass: "db.r6gd.large" },
      rule: {
        And: [present("DbClusterInstanceClass"), present("Engine")].concat({
          Not: anyOf("Engine", auroraEngines),
        }),
      },
      sample: { sample: "mysql", path: field("Engine") },
    },
    {
      kind: "serverless-v1",
      probe: { engineMode: "serverless" },
      rule: { And: [present("EngineMode"), anyOf("EngineMode", modesRefusedAs("serverless-v1"))] },
    },
    {
      kind: "retired-engine-mode",
      probe: { engineMode: retiredModes[0] ?? "multimaster" },
      rule: { And: [present("EngineMode"), anyOf("EngineMode", retiredModes)] },
      sample: { sample: retiredModes[0] ?? "multimaster", path: field("EngineMode") },
    },
    {
      kind: "global-database-member",
      probe: { globalClusterIdentifier: "sample-global" },
      rule: present("GlobalClusterIdentifier"),
      sample: { sample: "sample-global", path: field("GlobalClusterIdentifier") },
    },
    {
      kind: "read-replica",
      probe: { replicationSourceIdentifier: "sample-source" },
      rule: present("ReplicationSourceIdentifier"),
      sample: { sample: "sample-source", path: field("ReplicationSourceIdentifier") },
    },
    {
      kind: "cross-region-replica-source",
      probe: { crossRegionReplicas: [sampleReplica] },
      rule: { Variable: REPLICAS_JSON_PATH, StringMatches: '*"arn:*' },
      sample: { sample: sampleReplica, path: REPLICAS_JSON_PATH },
    },
  ];
}
