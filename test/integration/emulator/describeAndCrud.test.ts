import {
  CreateDBClusterCommand,
  DeleteDBClusterCommand,
  DescribeDBClustersCommand,
  DescribeDBInstancesCommand,
  ListTagsForResourceCommand,
  AddTagsToResourceCommand,
  paginateDescribeDBClusters,
  StopDBClusterCommand,
  type RDSClient,
} from "@aws-sdk/client-rds";
import { startEmulator, type RunningEmulator } from "aurora-power/emulator";
import { rdsClient, sdkError, waitForStatus } from "./sdk";

let emu: RunningEmulator;
let rds: RDSClient;

const ids = Array.from({ length: 130 }, (_, i) => `c-${String(i).padStart(3, "0")}`);

beforeAll(async () => {
  emu = await startEmulator({
    seed: [
      ...ids.map((id) => ({ DBClusterIdentifier: id })),
      {
        DBClusterIdentifier: "tagged",
        Engine: "aurora-mysql",
        instanceCount: 2,
        Tags: [{ Key: "env", Value: "dev" }],
      },
    ],
  });
  rds = rdsClient(emu.url);
});
afterAll(async () => {
  rds.destroy();
  await emu.stop();
});

describe("DescribeDBClusters", () => {
  it("pages through every cluster with MaxRecords and Marker", async () => {
    const seen: string[] = [];
    let pages = 0;
    for await (const page of paginateDescribeDBClusters({ client: rds, pageSize: 50 }, {})) {
      pages += 1;
      seen.push(...(page.DBClusters ?? []).map((c) => c.DBClusterIdentifier!));
    }
    expect(pages).toBe(3);
    expect(seen).toEqual([...ids, "tagged"]);
  });

  it("filters by many db-cluster-id values, ids or ARNs, ignoring unknown ones", async () => {
    const out = await rds.send(
      new DescribeDBClustersCommand({
        Filters: [
          {
            Name: "db-cluster-id",
            Values: ["C-005", "arn:aws:rds:eu-west-1:123456789012:cluster:c-100", "nope", "tagged"],
          },
        ],
      }),
    );
    expect(out.DBClusters?.map((c) => c.DBClusterIdentifier)).toEqual(["c-005", "c-100", "tagged"]);
    expect(out.Marker).toBeUndefined();
  });

  it("filters by engine", async () => {
    const out = await rds.send(
      new DescribeDBClustersCommand({ Filters: [{ Name: "engine", Values: ["aurora-mysql"] }] }),
    );
    expect(out.DBClusters?.map((c) => c.DBClusterIdentifier)).toEqual(["tagged"]);
  });

  it("returns the seed shape: members, tags, replicas list, ARN, create time", async () => {
    const out = await rds.send(new DescribeDBClustersCommand({ DBClusterIdentifier: "tagged" }));
    expect(out.DBClusters?.[0]).toMatchObject({
      DBClusterIdentifier: "tagged",
      DBClusterArn: "arn:aws:rds:eu-west-1:123456789012:cluster:tagged",
      Status: "available",
      Engine: "aurora-mysql",
      EngineMode: "provisioned",
      MultiAZ: true,
      ReadReplicaIdentifiers: [],
      TagList: [{ Key: "env", Value: "dev" }],
      DBClusterMembers: [
        { DBInstanceIdentifier: "tagged-instance-1", IsClusterWriter: true },
        { DBInstanceIdentifier: "tagged-instance-2", IsClusterWriter: false },
      ],
    });
    expect(out.DBClusters?.[0]?.ClusterCreateTime).toBeInstanceOf(Date);
  });

  it("rejects MaxRecords outside 20–100 and unknown filters", async () => {
    expect(
      await sdkError(rds.send(new DescribeDBClustersCommand({ MaxRecords: 5 }))),
    ).toMatchObject({
      name: "InvalidParameterValue",
      message: "Invalid value 5 for MaxRecords. Must be between 20 and 100",
      status: 400,
    });
    const bad = new DescribeDBClustersCommand({ Filters: [{ Name: "colour", Values: ["red"] }] });
    expect((await sdkError(rds.send(bad))).message).toBe("Unrecognized filter name: colour");
  });

  it("counts the ids asked per call", async () => {
    await emu.admin.resetCounters();
    await rds.send(new DescribeDBClustersCommand({ DBClusterIdentifier: "c-001" }));
    await rds.send(
      new DescribeDBClustersCommand({
        Filters: [{ Name: "db-cluster-id", Values: ["c-001", "c-002", "c-003"] }],
      }),
    );
    await rds.send(new DescribeDBClustersCommand({ MaxRecords: 20 }));
    const counters = await emu.admin.counters();
    expect(counters.describeClusterIdsPerCall).toEqual([1, 3, 0]);
    expect(counters.calls.DescribeDBClusters).toBe(3);
  });
});

describe("DescribeDBInstances and ListTagsForResource", () => {
  it("lists a cluster's instances with the db-cluster-id filter", async () => {
    const out = await rds.send(
      new DescribeDBInstancesCommand({ Filters: [{ Name: "db-cluster-id", Values: ["tagged"] }] }),
    );
    expect(
      out.DBInstances?.map((i) => [
        i.DBInstanceIdentifier,
        i.DBInstanceStatus,
        i.DBClusterIdentifier,
      ]),
    ).toEqual([
      ["tagged-instance-1", "available", "tagged"],
      ["tagged-instance-2", "available", "tagged"],
    ]);
  });

  it("answers DBInstanceNotFoundFault for an unknown instance", async () => {
    const error = await sdkError(
      rds.send(new DescribeDBInstancesCommand({ DBInstanceIdentifier: "ghost" })),
    );
    expect(error).toMatchObject({
      name: "DBInstanceNotFoundFault",
      message: "DBInstance ghost not found.",
      status: 404,
    });
  });

  it("lists a cluster's tags by ARN", async () => {
    const out = await rds.send(
      new ListTagsForResourceCommand({
        ResourceName: "arn:aws:rds:eu-west-1:123456789012:cluster:tagged",
      }),
    );
    expect(out.TagList).toEqual([{ Key: "env", Value: "dev" }]);
  });

  it("adds tags to a cluster by ARN (a key already there takes the new value); Describe lists them", async () => {
    const ResourceName = "arn:aws:rds:eu-west-1:123456789012:cluster:tagged";
    await rds.send(
      new AddTagsToResourceCommand({
        ResourceName,
        Tags: [
          { Key: "env", Value: "test" },
          { Key: "aurora-power:keep-running-until", Value: "2026-11-29T08:00:00Z" },
        ],
      }),
    );
    const expected = [
      { Key: "env", Value: "test" },
      { Key: "aurora-power:keep-running-until", Value: "2026-11-29T08:00:00Z" },
    ];
    expect((await rds.send(new ListTagsForResourceCommand({ ResourceName }))).TagList).toEqual(
      expected,
    );
    const described = await rds.send(
      new DescribeDBClustersCommand({ DBClusterIdentifier: "tagged" }),
    );
    expect(described.DBClusters?.[0]?.TagList).toEqual(expected);
    const missing = await sdkError(
      rds.send(
        new AddTagsToResourceCommand({
          ResourceName: "arn:aws:rds:eu-west-1:123456789012:cluster:zz",
          Tags: [{ Key: "a", Value: "b" }],
        }),
      ),
    );
    expect(missing).toMatchObject({ name: "DBClusterNotFoundFault", status: 404 });
  });

  it("rejects a malformed ARN and an unknown cluster ARN", async () => {
    const bad = await sdkError(
      rds.send(new ListTagsForResourceCommand({ ResourceName: "tagged" })),
    );
    expect(bad).toMatchObject({ name: "InvalidParameterValue", status: 400 });
    const missing = await sdkError(
      rds.send(
        new ListTagsForResourceCommand({
          ResourceName: "arn:aws:rds:eu-west-1:123456789012:cluster:zz",
        }),
      ),
    );
    expect(missing).toMatchObject({ name: "DBClusterNotFoundFault", status: 404 });
  });
});

describe("CreateDBCluster and DeleteDBCluster", () => {
  it("creates a cluster with the seedable fields, then deletes it", async () => {
    const created = await rds.send(
      new CreateDBClusterCommand({
        DBClusterIdentifier: "New-One",
        Engine: "aurora-postgresql",
        EngineVersion: "15.4",
        EngineMode: "provisioned",
        Tags: [{ Key: "team", Value: "orders" }],
      }),
    );
    expect(created.DBCluster).toMatchObject({
      DBClusterIdentifier: "new-one",
      EngineVersion: "15.4",
      Status: "creating",
      TagList: [{ Key: "team", Value: "orders" }],
    });
    const dup = new CreateDBClusterCommand({
      DBClusterIdentifier: "new-one",
      Engine: "aurora-postgresql",
    });
    expect(await sdkError(rds.send(dup))).toMatchObject({
      name: "DBClusterAlreadyExistsFault",
      status: 400,
    });
    await waitForStatus(rds, "new-one", "available");
    const deleted = await rds.send(
      new DeleteDBClusterCommand({ DBClusterIdentifier: "new-one", SkipFinalSnapshot: true }),
    );
    expect(deleted.DBCluster?.Status).toBe("deleting");
    expect(await emu.admin.getCluster("new-one")).toBeUndefined();
  });

  it("creates a Multi-AZ DB cluster, which then refuses to stop", async () => {
    const created = await rds.send(
      new CreateDBClusterCommand({
        DBClusterIdentifier: "maz",
        Engine: "mysql",
        DBClusterInstanceClass: "db.m6gd.large",
      }),
    );
    expect(created.DBCluster).toMatchObject({
      MultiAZ: true,
      DBClusterInstanceClass: "db.m6gd.large",
    });
    const stop = await sdkError(rds.send(new StopDBClusterCommand({ DBClusterIdentifier: "maz" })));
    expect(stop).toMatchObject({ name: "InvalidParameterCombination", status: 400 });
  });

  it("requires Engine on create and refuses to delete a stopped cluster", async () => {
    const noEngine = new CreateDBClusterCommand({ DBClusterIdentifier: "x" } as never);
    expect(await sdkError(rds.send(noEngine))).toMatchObject({
      name: "MissingParameter",
      status: 400,
    });
    await emu.admin.seed([{ DBClusterIdentifier: "parked", Status: "stopped" }]);
    const error = await sdkError(
      rds.send(new DeleteDBClusterCommand({ DBClusterIdentifier: "parked" })),
    );
    expect(error).toMatchObject({
      name: "InvalidDBClusterStateFault",
      message: "DbCluster parked is in stopped state but expected it to be one of available.",
    });
    expect(
      (await sdkError(rds.send(new DeleteDBClusterCommand({ DBClusterIdentifier: "gone" }))))
        .status,
    ).toBe(404);
  });
});
