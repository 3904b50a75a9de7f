import {
  CreateDBClusterCommand,
  DeleteDBClusterCommand,
  DescribeDBClustersCommand,
  StartDBClusterCommand,
  StopDBClusterCommand,
  type DBCluster,
  type RDSClient,
} from "@aws-sdk/client-rds";
import { ManualClock, startEmulator, type RunningEmulator } from "aurora-power/emulator";
import { DUMMY_AUTHORIZATION, rdsClient, sdkError } from "./sdk";

let emu: RunningEmulator;
let rds: RDSClient;
const clock = new ManualClock(Date.parse("2026-03-01T12:00:00Z"));

beforeEach(async () => {
  emu = await startEmulator({
    clock,
    stopSeconds: 1,
    startSeconds: 1,
    seed: [
      { DBClusterIdentifier: "pg" },
      { DBClusterIdentifier: "my", Engine: "aurora-mysql", StorageEncrypted: false },
    ],
  });
  rds = rdsClient(emu.url);
});
afterEach(async () => {
  rds.destroy();
  await emu.stop();
});

async function describe1(id: string): Promise<DBCluster> {
  const out = await rds.send(new DescribeDBClustersCommand({ DBClusterIdentifier: id }));
  return out.DBClusters?.[0] ?? {};
}

describe("the DBCluster shape of an Aurora cluster", () => {
  it("carries the fields of a real Aurora PostgreSQL cluster", async () => {
    const cluster = await describe1("pg");
    expect(cluster).toMatchObject({
      AllocatedStorage: 1,
      AvailabilityZones: ["eu-west-1a", "eu-west-1b", "eu-west-1c"],
      BackupRetentionPeriod: 1,
      DBClusterParameterGroup: "default.aurora-postgresql16",
      DBSubnetGroup: "default",
      Port: 5432,
      MasterUsername: "postgres",
      HostedZoneId: "Z29XKXDKYMONMX",
      StorageEncrypted: true,
      IAMDatabaseAuthenticationEnabled: false,
      MultiAZ: false,
      AutoMinorVersionUpgrade: true,
      DeletionProtection: false,
      CopyTagsToSnapshot: false,
      StorageType: "aurora",
      CustomEndpoints: [],
      EnabledCloudwatchLogsExports: ["postgresql"],
      VpcSecurityGroups: [
        { VpcSecurityGroupId: expect.stringMatching(/^sg-[0-9a-f]{17}$/), Status: "active" },
      ],
      ClusterCreateTime: new Date("2026-03-01T12:00:00Z"),
      EarliestRestorableTime: new Date("2026-03-01T12:00:00Z"),
    });
    expect(cluster.DbClusterResourceId).toMatch(/^cluster-[A-Z0-9]{26}$/);
    expect(cluster.Endpoint).toMatch(/^pg\.cluster-[a-z0-9]{12}\.eu-west-1\.rds\.amazonaws\.com$/);
    expect(cluster.ReaderEndpoint).toBe(cluster.Endpoint?.replace(".cluster-", ".cluster-ro-"));
    expect(cluster.KmsKeyId).toMatch(/^arn:aws:kms:eu-west-1:123456789012:key\/[0-9a-f-]{36}$/);
  });

  it("follows the engine: MySQL port, user and parameter group; no key when unencrypted", async () => {
    const cluster = await describe1("my");
    expect(cluster).toMatchObject({
      Port: 3306,
      MasterUsername: "admin",
      DBClusterParameterGroup: "default.aurora-mysql8.0",
      StorageEncrypted: false,
    });
    expect(cluster.KmsKeyId).toBeUndefined();
  });

  it("is the same in StopDBCluster and StartDBCluster answers", async () => {
    const described = await describe1("pg");
    const stopped = await rds.send(new StopDBClusterCommand({ DBClusterIdentifier: "pg" }));
    expect(stopped.DBCluster).toEqual({ ...described, Status: "stopping" });
    clock.advanceSeconds(1);
    const started = await rds.send(new StartDBClusterCommand({ DBClusterIdentifier: "pg" }));
    expect(started.DBCluster).toEqual({ ...described, Status: "starting" });
  });

  it("names list members as the Query protocol does", async () => {
    const response = await fetch(`${emu.url}/`, {
      method: "POST",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        authorization: DUMMY_AUTHORIZATION,
      },
      body: "Action=DescribeDBClusters&Version=2014-10-31&DBClusterIdentifier=pg",
    });
    const xml = await response.text();
    expect(xml).toContain("<AvailabilityZones><AvailabilityZone>eu-west-1a</AvailabilityZone>");
    expect(xml).toContain("<EnabledCloudwatchLogsExports><member>postgresql</member>");
    expect(xml).toContain("<VpcSecurityGroups><VpcSecurityGroupMembership><VpcSecurityGroupId>");
    expect(xml).toContain("<DBClusterMembers><DBClusterMember><DBInstanceIdentifier>");
  });
});

describe("CreateDBCluster", () => {
  it("answers creating, then the cluster is available createSeconds later", async () => {
    await emu.admin.setConfig({ createSeconds: 2 });
    const created = await rds.send(
      new CreateDBClusterCommand({
        DBClusterIdentifier: "new",
        Engine: "aurora-postgresql",
        MasterUsername: "app",
        Port: 6432,
        DeletionProtection: true,
      }),
    );
    expect(created.DBCluster).toMatchObject({
      Status: "creating",
      Port: 6432,
      MasterUsername: "app",
    });
    expect(created.DBCluster?.EarliestRestorableTime).toBeUndefined();
    clock.advanceSeconds(1.999);
    expect((await describe1("new")).Status).toBe("creating");
    clock.advanceSeconds(0.001);
    expect((await describe1("new")).Status).toBe("available");
    expect((await emu.admin.events()).map((e) => [e.from, e.to])).toEqual([
      ["creating", "available"],
    ]);
    const del = await sdkError(
      rds.send(new DeleteDBClusterCommand({ DBClusterIdentifier: "new" })),
    );
    expect(del).toEqual({
      name: "InvalidParameterCombination",
      message: "Cannot delete protected Cluster, please disable deletion protection and try again.",
      status: 400,
      fault: "client",
    });
  });

  it("refuses an out-of-range createSeconds", async () => {
    await expect(emu.admin.setConfig({ createSeconds: -1 })).rejects.toThrow(
      "`createSeconds` must be a number from 0 to 2147483.647 (seconds), got -1.",
    );
  });
});
