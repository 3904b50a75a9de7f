import { auroraStoppableCluster, UNKNOWN_VALUE } from "aurora-power/policy";
import {
  auroraCluster,
  fleet,
  policyResource,
  powerState,
  runStack,
  schedule,
  stopScheduleComponent,
  validStack,
} from "./policyFixtures";

const STOP = "ClusterPowerState `pause` stops cluster `dev-orders`, which cannot be stopped: ";
const REJECTED = ". AWS rejects StopDBCluster for it (InvalidDBClusterStateFault); ";

function stackWith(cluster: Record<string, unknown>, state: unknown = "stopped") {
  return [auroraCluster("dev-orders", cluster), powerState("pause", "dev-orders", state)];
}

describe("aurora-stoppable-cluster", () => {
  it("passes the valid stack", async () => {
    expect((await runStack(auroraStoppableCluster, validStack())).violations).toEqual([]);
  });

  it("passes a stop of a provisioned cluster", async () => {
    expect((await runStack(auroraStoppableCluster, stackWith({}))).violations).toEqual([]);
  });

  it("reports a stop of an Aurora Serverless v1 cluster", async () => {
    const resources = stackWith({ engineMode: "serverless" });
    expect((await runStack(auroraStoppableCluster, resources)).violations).toEqual([
      {
        message: `${STOP}it is Aurora Serverless v1 (\`EngineMode: serverless\`), which pauses by itself and cannot be stopped${REJECTED}migrate to Serverless v2 or provisioned, which can be stopped, or remove the stop.`,
        urn: resources[1]?.urn,
      },
    ]);
  });

  it("reports a stop of a member of a global database the stack does not declare", async () => {
    // Declared global databases: auroraStoppableGlobalDatabase.test.ts.
    const outcome = await runStack(
      auroraStoppableCluster,
      stackWith({ globalClusterIdentifier: "orders-global" }),
    );
    expect(outcome.violations.map((v) => v.message.split(", which")[0])).toEqual([
      "ClusterPowerState `pause` stops cluster `dev-orders`, a member of global database `orders-global` (`globalClusterIdentifier`)",
    ]);
  });

  it("reports a stop of a read replica", async () => {
    const source = "arn:aws:rds:us-east-1:123456789012:cluster:orders";
    const outcome = await runStack(
      auroraStoppableCluster,
      stackWith({ replicationSourceIdentifier: source }),
    );
    expect(outcome.violations[0]?.message).toBe(
      `${STOP}it replicates from \`${source}\` (\`replicationSourceIdentifier\`)${REJECTED}promote the replica first, or remove the stop.`,
    );
  });

  it("reports a stop of the source of a replica in another Region", async () => {
    const replica = auroraCluster("dev-orders-replica", {
      region: "us-west-2",
      replicationSourceIdentifier: "arn:aws:rds:eu-west-1:1:cluster:dev-orders",
    });
    const outcome = await runStack(auroraStoppableCluster, [
      ...stackWith({ region: "eu-west-1" }),
      replica,
    ]);
    expect(outcome.violations.map((v) => v.message)).toEqual([
      `${STOP}it has cross-Region read replicas (dev-orders-replica)${REJECTED}promote or delete the replicas first, or remove the stop.`,
    ]);
  });

  it("counts a replica of unknown Region naming its source by ARN as cross-Region", async () => {
    const replica = auroraCluster("dev-orders-replica", {
      replicationSourceIdentifier: "arn:aws:rds:us-east-1:1:cluster:dev-orders",
    });
    const outcome = await runStack(auroraStoppableCluster, [...stackWith({}), replica]);
    expect(outcome.violations.map((v) => v.message)).toEqual([
      `${STOP}it has cross-Region read replicas (dev-orders-replica)${REJECTED}promote or delete the replicas first, or remove the stop.`,
    ]);
  });

  it("takes the replica's Region from its provider", async () => {
    const replica = auroraCluster("dev-orders-replica", {
      replicationSourceIdentifier: "arn:aws:rds:eu-west-1:1:cluster:dev-orders",
    });
    const provider = { type: "pulumi:providers:aws", name: "eu", urn: "urn:p", props: {} };
    const inRegion = { ...replica, provider: { ...provider, props: { region: "eu-west-1" } } };
    const elsewhere = { ...replica, provider: { ...provider, props: { region: "us-west-2" } } };
    const run = async (r: typeof replica) =>
      (await runStack(auroraStoppableCluster, [...stackWith({}), r])).violations.length;
    expect([await run(inRegion), await run(elsewhere)]).toEqual([0, 1]);
  });

  it.each([
    ["by ARN", "arn:aws:rds:eu-west-1:1:cluster:dev-orders"],
    ["by identifier", "dev-orders"],
  ])("passes a stop of the source of a same-Region replica named %s", async (_how, source) => {
    const replica = auroraCluster("dev-orders-replica", {
      region: "eu-west-1",
      replicationSourceIdentifier: source,
    });
    const outcome = await runStack(auroraStoppableCluster, [
      ...stackWith({ region: "eu-west-1" }),
      replica,
    ]);
    expect(outcome.violations).toEqual([]);
  });

  it("ignores a replica of a namesake cluster in another Region", async () => {
    const replica = auroraCluster("replica", {
      region: "us-west-2",
      replicationSourceIdentifier: "arn:aws:rds:us-east-1:1:cluster:dev-orders",
    });
    const resources = [...stackWith({ region: "eu-west-1" }), replica];
    expect((await runStack(auroraStoppableCluster, resources)).violations).toEqual([]);
  });

  it("reports a stop of a non-Aurora Multi-AZ DB cluster", async () => {
    const outcome = await runStack(
      auroraStoppableCluster,
      stackWith({ engine: "postgres", dbClusterInstanceClass: "db.m6gd.large" }),
    );
    expect(outcome.violations[0]?.message).toBe(
      `${STOP}it is a Multi-AZ DB cluster of engine \`postgres\`, not an Aurora cluster; RDS cannot stop those (\`dbClusterInstanceClass\` set)${REJECTED}stop the workload another way, or remove the stop.`,
    );
  });

  it("names the ClusterStopSchedule that owns a stop schedule", async () => {
    const cluster = auroraCluster("dev-orders", { globalClusterIdentifier: "g" });
    const component = stopScheduleComponent("nightly", {});
    const child = schedule("nightly-stop", "dev-orders", "stop", {}, { parent: component });
    const outcome = await runStack(auroraStoppableCluster, [cluster, component, child]);
    expect(outcome.violations).toEqual([
      {
        message: expect.stringContaining(
          "ClusterStopSchedule `nightly` stops cluster `dev-orders`",
        ) as string,
        urn: component.urn,
      },
    ]);
  });

  it("passes a ClusterPowerState holding such a cluster running", async () => {
    expect(
      (await runStack(auroraStoppableCluster, stackWith({ engineMode: "serverless" }, "running")))
        .violations,
    ).toEqual([]);
  });

  it("skips an exempt cluster", async () => {
    const resources = stackWith({
      engineMode: "serverless",
      tags: { "aurora-power:exempt": "AWS support case 123" },
    });
    expect((await runStack(auroraStoppableCluster, resources)).violations).toEqual([]);
  });

  it("reports a stop of a cluster in a retired engine mode", async () => {
    const outcome = await runStack(
      auroraStoppableCluster,
      stackWith({ engineMode: "multimaster" }),
    );
    expect(outcome.violations.map((v) => v.message)).toEqual([
      `${STOP}its engine mode \`multimaster\` cannot be stopped (\`engineMode\`)${REJECTED}migrate to a provisioned or Serverless v2 cluster, or remove the stop.`,
    ]);
  });

  it("reports every reason of a cluster that cannot be stopped for several", async () => {
    const outcome = await runStack(
      auroraStoppableCluster,
      stackWith({ engineMode: "serverless", replicationSourceIdentifier: "orders" }),
    );
    expect(outcome.violations.map((v) => v.message.split(": ")[1]?.split(".")[0])).toEqual([
      "it is Aurora Serverless v1 (`EngineMode",
      "it replicates from `orders` (`replicationSourceIdentifier`)",
    ]);
  });

  it("reports as unknown a cluster whose engine mode is unknown at preview", async () => {
    await expect(
      runStack(auroraStoppableCluster, stackWith({ engineMode: UNKNOWN_VALUE })),
    ).rejects.toThrow("ClusterPowerState `pause`: `engineMode` is unknown");
  });

  it("ignores resources it does not understand", async () => {
    const bucket = policyResource("aws:s3/bucket:Bucket", "logs", { bucket: "logs" });
    expect((await runStack(auroraStoppableCluster, [bucket])).violations).toEqual([]);
  });
});

describe("aurora-stoppable-cluster (ClusterFleetPowerState members)", () => {
  const FLEET_STOP =
    "ClusterFleetPowerState `dev-fleet` stops cluster `dev-orders`, which cannot be stopped: ";

  it("reports the member AWS cannot stop, on the fleet, with removing it from the list as the fix", async () => {
    const stop = fleet("dev-fleet", ["dev-search", "dev-orders"]);
    const outcome = await runStack(auroraStoppableCluster, [
      auroraCluster("dev-search"),
      auroraCluster("dev-orders", { engineMode: "serverless" }),
      stop,
    ]);
    expect(outcome.violations).toEqual([
      {
        message: `${FLEET_STOP}it is Aurora Serverless v1 (\`EngineMode: serverless\`), which pauses by itself and cannot be stopped${REJECTED}migrate to Serverless v2 or provisioned, which can be stopped, or remove the cluster from \`clusterIdentifiers\`.`,
        urn: stop.urn,
      },
    ]);
  });

  it("reports a Multi-AZ DB cluster member", async () => {
    const cluster = auroraCluster("dev-orders", {
      engine: "postgres",
      dbClusterInstanceClass: "db.m6gd.large",
    });
    const outcome = await runStack(auroraStoppableCluster, [
      cluster,
      fleet("dev-fleet", ["dev-orders"]),
    ]);
    expect(outcome.violations.map((v) => v.message)).toEqual([
      `${FLEET_STOP}it is a Multi-AZ DB cluster of engine \`postgres\`, not an Aurora cluster; RDS cannot stop those (\`dbClusterInstanceClass\` set)${REJECTED}stop the workload another way, or remove the cluster from \`clusterIdentifiers\`.`,
    ]);
  });

  it("passes a fleet holding such a cluster running", async () => {
    const resources = [
      auroraCluster("dev-orders", { engineMode: "serverless" }),
      fleet("dev-fleet", ["dev-orders"], "running"),
    ];
    expect((await runStack(auroraStoppableCluster, resources)).violations).toEqual([]);
  });
});
