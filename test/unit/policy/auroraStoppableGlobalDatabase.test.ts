/**
 * Issue 16: `aurora-stoppable-cluster` on Aurora global databases. AWS stops a member of a global
 * database only when it is the only cluster in it ("Stopping and starting an Amazon Aurora DB
 * cluster", Aurora User Guide). One valid stack (a sole member stopped), one mutation per test.
 */
import type { PolicyResource } from "@pulumi/policy";
import { auroraStoppableCluster, UNKNOWN_VALUE } from "aurora-power/policy";
import {
  auroraCluster,
  globalCluster,
  policyResource,
  powerState,
  runStack,
  runStackToEnd,
} from "./policyFixtures";

const GLOBAL = "orders-global";
const PRIMARY_ARN = "arn:aws:rds:eu-west-1:123456789012:cluster:dev-orders";
const SECONDARY_ARN = "arn:aws:rds:us-east-1:123456789012:cluster:dev-orders-dr";
const STOP = "ClusterPowerState `pause` stops cluster `dev-orders`, which cannot be stopped: ";
const TWO_MEMBERS =
  `${STOP}it is a member of global database \`${GLOBAL}\`, which has 2 clusters; RDS stops a global ` +
  "database member only when it is the only cluster (`globalClusterIdentifier`). AWS rejects " +
  "StopDBCluster for it (InvalidDBClusterStateFault); detach the other clusters from the global " +
  "database first (RemoveFromGlobalCluster), or remove the stop.";

/** The valid stack: `orders-global` with one member, `dev-orders`, held stopped. */
function soleMemberStack(): PolicyResource[] {
  return [
    globalCluster(GLOBAL),
    auroraCluster("dev-orders", { globalClusterIdentifier: GLOBAL, region: "eu-west-1" }),
    powerState("pause", "dev-orders"),
  ];
}

const secondary = (props: Record<string, unknown> = {}) =>
  auroraCluster("dev-orders-dr", {
    globalClusterIdentifier: GLOBAL,
    region: "us-east-1",
    ...props,
  });

describe("aurora-stoppable-cluster and Aurora global databases", () => {
  it("passes a stop of the only member of a declared global database", async () => {
    expect((await runStack(auroraStoppableCluster, soleMemberStack())).violations).toEqual([]);
  });

  it("refuses a stop of a member of a global database of two clusters, with the count", async () => {
    const resources = [...soleMemberStack(), secondary()];
    expect((await runStack(auroraStoppableCluster, resources)).violations).toEqual([
      { message: TWO_MEMBERS, urn: resources[2]?.urn },
    ]);
  });

  it("matches the global database's identifier case-insensitively (RDS stores it lowercase)", async () => {
    const resources = [
      ...soleMemberStack(),
      secondary({ globalClusterIdentifier: "Orders-Global" }),
    ];
    expect((await runStack(auroraStoppableCluster, resources)).violations).toEqual([
      { message: TWO_MEMBERS, urn: resources[2]?.urn },
    ]);
  });

  it("counts the members the global database's `globalClusterMembers` output lists", async () => {
    const [, ...rest] = soleMemberStack();
    const members = [PRIMARY_ARN, SECONDARY_ARN].map((dbClusterArn, i) => ({
      dbClusterArn,
      isWriter: i === 0,
    }));
    const resources = [globalCluster(GLOBAL, { globalClusterMembers: members }), ...rest];
    expect((await runStack(auroraStoppableCluster, resources)).violations).toEqual([
      { message: TWO_MEMBERS, urn: resources[2]?.urn },
    ]);
  });

  it("counts the cluster a global database was created from (`sourceDbClusterIdentifier`)", async () => {
    const [, ...rest] = soleMemberStack();
    const source = auroraCluster("dev-orders-dr", { region: "us-east-1" });
    const global = globalCluster(GLOBAL, { sourceDbClusterIdentifier: SECONDARY_ARN });
    const resources = [global, ...rest, source];
    expect((await runStack(auroraStoppableCluster, resources)).violations).toEqual([
      { message: TWO_MEMBERS, urn: resources[2]?.urn },
    ]);
  });

  it("links a member whose `globalClusterIdentifier` is unknown at preview by property dependency", () => {
    const [global, , stop] = soleMemberStack();
    const member = policyResource(
      "aws:rds/cluster:Cluster",
      "dev-orders",
      {
        clusterIdentifier: "dev-orders",
        engine: "aurora-postgresql",
        globalClusterIdentifier: UNKNOWN_VALUE,
      },
      { propertyDependencies: { globalClusterIdentifier: [global as PolicyResource] } },
    );
    const resources = [global as PolicyResource, member, stop as PolicyResource];
    expect(runStackToEnd(auroraStoppableCluster, resources)).toEqual({ violations: [] });
  });

  it("leaves a sole member undecided while `globalClusterMembers` is unknown at preview", () => {
    const [, ...rest] = soleMemberStack();
    const resources = [globalCluster(GLOBAL, { globalClusterMembers: UNKNOWN_VALUE }), ...rest];
    expect(runStackToEnd(auroraStoppableCluster, resources)).toEqual({
      violations: [],
      undecided:
        "ClusterPowerState `pause`: `globalClusterMembers` is unknown; the check runs again when the values are known (`pulumi up`)",
    });
  });

  it("refuses a member of a global database the stack does not declare, saying it cannot see the members", async () => {
    const [, ...rest] = soleMemberStack();
    expect((await runStack(auroraStoppableCluster, rest)).violations).toEqual([
      {
        message:
          "ClusterPowerState `pause` stops cluster `dev-orders`, a member of global database `orders-global` " +
          "(`globalClusterIdentifier`), which this stack does not declare, so the policy pack cannot count its " +
          "clusters; AWS rejects StopDBCluster for a member of a global database of more than one cluster. " +
          "Declare the `aws.rds.GlobalCluster` in this stack so the pack can count its members, remove the stop, " +
          "or, if it is the only member, exempt the cluster with the reason.",
        urn: rest[1]?.urn,
      },
    ]);
  });
});
