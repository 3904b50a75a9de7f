/**
 * Three judges of "can RDS stop this cluster?" must agree, case by case:
 * (a) the provider's decision, `stopRefusals(stopFactsOf(dbCluster, region))`;
 * (b) the policy rule `aurora-stoppable-cluster` on an equivalent stack declaration;
 * (c) the emulator's own oracle, `checkStopStartEligibility` on a seeded record. The emulator keeps
 *     its own list on purpose (it stands in for AWS), so a drift in either list fails here.
 * Global databases and Blue/Green deployments, which need more than one describe, have their own
 * blocks below. Each case is written once, as the `DBCluster` RDS would describe; the seed and the stack are
 * derived from it mechanically.
 */
import type { DBCluster } from "@aws-sdk/client-rds";
import type { PolicyResource } from "@pulumi/policy";
import { auroraStoppableCluster } from "aurora-power/policy";
import { createClusterRecord } from "../../../emulator/clusterRecord";
import { rememberBlueGreen } from "../../../emulator/blueGreenDeployments";
import { checkStopStartEligibility } from "../../../emulator/stopEligibility";
import type { SeedCluster } from "../../../emulator/types";
import {
  mentionsBlueGreen,
  regionOfArn,
  stopFactsOf,
  stopRefusals,
  type StopRefusalKind,
} from "../../../provider/aurora/stoppability";
import { stopWorkflowDefinition } from "../../../provider/workflow/stopWorkflowDefinition";
import { auroraCluster, powerState, runStack } from "../policy/policyFixtures";
import { runWithFakeRds } from "../workflow/fakeRds";

const REGION = "eu-west-1";
const ID = "dev-orders";
const SOURCE_ARN = `arn:aws:rds:${REGION}:123456789012:cluster:${ID}`;

/** The cluster as DescribeDBClusters returns it; each case changes what it is about. */
const described = (change: Partial<DBCluster>): DBCluster => ({
  DBClusterIdentifier: ID,
  Engine: "aurora-postgresql",
  EngineMode: "provisioned",
  ReadReplicaIdentifiers: [],
  ...change,
});

/** The emulator's seed of the same cluster. */
const seedOf = (c: DBCluster): SeedCluster => ({
  DBClusterIdentifier: c.DBClusterIdentifier ?? ID,
  Engine: c.Engine,
  EngineMode: c.EngineMode,
  GlobalClusterIdentifier: c.GlobalClusterIdentifier,
  ReplicationSourceIdentifier: c.ReplicationSourceIdentifier,
  ReadReplicaIdentifiers: c.ReadReplicaIdentifiers,
  DBClusterInstanceClass: c.DBClusterInstanceClass,
  region: REGION,
});

/**
 * The stack declaring the same cluster, stopped by a `ClusterPowerState`. Its read replicas are
 * declared as the clusters that name it in `replicationSourceIdentifier` (by ARN, as AWS creates
 * them), each in the Region RDS lists it in: an ARN names its Region, an identifier is local.
 */
function stackOf(c: DBCluster): PolicyResource[] {
  const replicas = (c.ReadReplicaIdentifiers ?? []).map((replica) =>
    auroraCluster(replica.slice(replica.lastIndexOf(":") + 1), {
      region: regionOfArn(replica) ?? REGION,
      replicationSourceIdentifier: SOURCE_ARN,
    }),
  );
  const declared = auroraCluster(ID, {
    engine: c.Engine,
    engineMode: c.EngineMode,
    globalClusterIdentifier: c.GlobalClusterIdentifier,
    replicationSourceIdentifier: c.ReplicationSourceIdentifier,
    dbClusterInstanceClass: c.DBClusterInstanceClass,
    region: REGION,
  });
  return [declared, ...replicas, powerState("pause", ID)];
}

/** [case, the cluster, the provider's refusal kinds (none: stoppable)]. */
const CASES: [string, DBCluster, StopRefusalKind[]][] = [
  ["a provisioned Aurora cluster", described({}), []],
  ["an Aurora Serverless v2 cluster", described({ ServerlessV2ScalingConfiguration: {} }), []],
  ["Aurora Serverless v1", described({ EngineMode: "serverless" }), ["serverless-v1"]],
  [
    "a Multi-AZ DB cluster (mysql)",
    described({ Engine: "mysql", DBClusterInstanceClass: "db.m6gd.large" }),
    ["multi-az-cluster"],
  ],
  [
    "a Multi-AZ DB cluster (postgres)",
    described({ Engine: "postgres", DBClusterInstanceClass: "db.m6gd.large" }),
    ["multi-az-cluster"],
  ],
  [
    "a read replica",
    described({ ReplicationSourceIdentifier: "arn:aws:rds:us-east-1:123456789012:cluster:orders" }),
    ["read-replica"],
  ],
  [
    "the source of a cross-Region read replica",
    described({ ReadReplicaIdentifiers: ["arn:aws:rds:us-west-2:123456789012:cluster:replica"] }),
    ["cross-region-replica-source"],
  ],
  [
    "the source of a same-Region read replica",
    described({ ReadReplicaIdentifiers: ["orders-replica"] }),
    [],
  ],
];

describe.each(CASES)("%s", (_case, cluster, kinds) => {
  const stoppable = kinds.length === 0;

  it(`(a) the provider decides ${stoppable ? "stoppable" : kinds.join(", ")}`, () => {
    expect(stopRefusals(stopFactsOf(cluster, REGION)).map((r) => r.kind)).toEqual(kinds);
  });

  it(`(b) the policy pack ${stoppable ? "passes" : "refuses"} the stop`, async () => {
    const { violations } = await runStack(auroraStoppableCluster, stackOf(cluster));
    expect(violations.length === 0).toBe(stoppable);
  });

  it(`(c) the emulator ${stoppable ? "accepts" : "refuses"} StopDBCluster`, () => {
    const record = createClusterRecord(seedOf(cluster), 0);
    expect(checkStopStartEligibility(record, REGION) === undefined).toBe(stoppable);
  });
});

/**
 * Global databases: the provider counts the members with DescribeGlobalClusters
 * (`globalClusterMemberCount`), the emulator with its own seeds (every cluster naming the global
 * database), the policy from the stack. A member of a global database of two clusters is refused
 * by all three and by the stop workflow (its DescribeGlobalClusters step); the only cluster of a
 * global database is stopped by the provider, the emulator and the workflow (the policy's
 * `aws.rds.GlobalCluster` cases are in test/unit/policy).
 */
describe("global database members", () => {
  const cluster = described({ GlobalClusterIdentifier: "orders-global" });
  const secondary: SeedCluster = {
    DBClusterIdentifier: "orders-secondary",
    GlobalClusterIdentifier: "orders-global",
    region: "us-west-2",
  };

  it("(a) the provider refuses a member of two, stops the only member", () => {
    const facts = stopFactsOf(cluster, REGION);
    const kinds = (count: number) =>
      stopRefusals({ ...facts, globalClusterMemberCount: count }).map((r) => r.kind);
    expect(kinds(2)).toEqual(["global-database-member"]);
    expect(kinds(1)).toEqual([]);
  });

  it("(b) the policy pack refuses a member whose global database it cannot see", async () => {
    const { violations } = await runStack(auroraStoppableCluster, stackOf(cluster));
    expect(violations.length).toBeGreaterThan(0);
  });

  it("(c) the emulator refuses a member of two, accepts the only member", () => {
    const record = createClusterRecord(seedOf(cluster), 0);
    const peers = [record, createClusterRecord(secondary, 0)];
    expect(checkStopStartEligibility(record, REGION, peers)).toMatchObject({
      code: "InvalidDBClusterStateFault",
    });
    expect(checkStopStartEligibility(record, REGION, [record])).toBeUndefined();
  });

  it("(d) the stop workflow refuses a member of two, stops the only member", async () => {
    const definition = stopWorkflowDefinition();
    const answer = { Status: "available", GlobalClusterIdentifier: "orders-global" };
    const two = await runWithFakeRds(definition, [answer], { globalMembers: 2 });
    expect(two).toMatchObject({ status: "FAILED", error: "AuroraPower.CannotStop", stops: 0 });
    const one = await runWithFakeRds(definition, [answer], { globalMembers: 1 });
    expect(one).toMatchObject({ status: "SUCCEEDED", stops: 1 });
  });
});

/**
 * Blue/Green: RDS flags no Blue/Green participation on `DBCluster`; the provider asks
 * DescribeBlueGreenDeployments (`blueGreenDeployments`) and keeps RDS's refusal text as the last
 * resort (`blueGreenRefusal`). The policy cannot judge it: a Blue/Green deployment is not declared
 * in a Pulumi stack (`aws.rds.Cluster` has no Blue/Green input), so the rule passes the stop. The
 * emulator refuses a cluster seeded in a deployment.
 */
describe("a cluster in a Blue/Green deployment", () => {
  const cluster = described({});
  const refusal = "DB cluster dev-orders is part of a blue/green deployment";

  it("(a) the provider refuses it from DescribeBlueGreenDeployments, or from RDS's refusal", () => {
    const facts = stopFactsOf(cluster, REGION);
    const known = stopRefusals({ ...facts, blueGreenDeployments: ["bgd-abc123"] });
    expect(known.map((r) => r.kind)).toEqual(["blue-green-deployment"]);
    expect(mentionsBlueGreen(refusal)).toBe(true);
    const late = stopRefusals({ ...facts, blueGreenRefusal: refusal });
    expect(late.map((r) => r.kind)).toEqual(["blue-green-deployment"]);
  });

  it("(b) the policy pack cannot see it and passes the stop", async () => {
    expect((await runStack(auroraStoppableCluster, stackOf(cluster))).violations).toEqual([]);
  });

  it("(c) the emulator refuses StopDBCluster of a seeded participant", () => {
    const seed = { ...seedOf(cluster), BlueGreenDeployment: { identifier: "bgd-abc123" } };
    const record = createClusterRecord(seed, 0);
    rememberBlueGreen(record, seed.BlueGreenDeployment);
    expect(checkStopStartEligibility(record, REGION)).toMatchObject({
      code: "InvalidDBClusterStateFault",
    });
  });
});
