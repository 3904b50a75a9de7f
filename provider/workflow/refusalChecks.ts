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

/** Where the workflow keeps the member count of the cluster's global database (absent: not known). */
export const GLOBAL_MEMBER_COUNT_PATH = "$.Global.MemberCount";

/**
 * One reason RDS cannot stop a cluster, as the stop workflow tests it on a DescribeDBClusters
 * result: `rule` is the Choice rule; `probe` are facts for which `stopRefusals` (the provider's
 * decision) returns exactly `kind`, with `sample` the probe value the sentence names, replaced at
 * run time by the described value at `sample.path`.
 */
export interface RefusalCheck {
  kind: StopRefusalKind;
  /** Tells two checks of one kind apart (state names), e.g. the global member count known or not. */
  variant?: string;
  probe: StopFacts;
  rule: ChoiceRule;
  sample?: Substitution;
  /** Further probe values the sentence names (the global member count). */
  moreSamples?: Substitution[];
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

const refusesGlobal = (count: number): boolean =>
  stopRefusals({ globalClusterIdentifier: "g", globalClusterMemberCount: count }).some(
    (refusal) => refusal.kind === "global-database-member",
  );

/**
 * The largest member count for which `stopRefusals` still stops a global database member (1: the
 * only cluster), checked to refuse every larger count up to 16, so one `NumericGreaterThan`
 * expresses the provider's rule.
 */
export function largestStoppableGlobalCount(): number {
  const limit = 16;
  const stoppable = Array.from({ length: limit + 1 }, (_, n) => n).filter((n) => !refusesGlobal(n));
  const largest = Math.max(...stoppable);
  if (!Number.isFinite(largest) || stoppable.length !== largest + 1) {
    throw new Error("stopRefusals no longer refuses global members above one count");
  }
  return largest;
}

function globalChecks(): RefusalCheck[] {
  const gid = field("GlobalClusterIdentifier");
  const largest = largestStoppableGlobalCount();
  const count = largest + 1;
  const known: ChoiceRule = { Variable: GLOBAL_MEMBER_COUNT_PATH, IsPresent: true };
  return [
    {
      kind: "global-database-member",
      variant: "count-unknown",
      probe: { globalClusterIdentifier: "sample-global" },
      rule: { And: [present("GlobalClusterIdentifier"), { Not: known }] },
      sample: { sample: "sample-global", path: gid },
    },
    {
      kind: "global-database-member",
      variant: "members",
      probe: { globalClusterIdentifier: "sample-global", globalClusterMemberCount: count },
      rule: {
        And: [
          present("GlobalClusterIdentifier"),
          known,
          { Variable: GLOBAL_MEMBER_COUNT_PATH, NumericGreaterThan: largest },
        ],
      },
      sample: { sample: "sample-global", path: gid },
      moreSamples: [{ sample: String(count), path: GLOBAL_MEMBER_COUNT_PATH }],
    },
  ];
}

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
 * Global databases: a cluster naming one (`GlobalClusterIdentifier`) is followed by a
 * DescribeGlobalClusters step (`globalClusterStates.ts`) that writes the member count to
 * {@link GLOBAL_MEMBER_COUNT_PATH}, so the workflow decides as `stopRefusals` does with
 * `globalClusterMemberCount`: the only cluster is stopped, a member of more is refused, and a count
 * not known (the global database was not found) is refused, the safe side.
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
    ...globalChecks(),
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
