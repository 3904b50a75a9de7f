import {
  DescribeDBClustersCommand,
  StartDBClusterCommand,
  StopDBClusterCommand,
  RDSClient,
} from "@aws-sdk/client-rds";
import { startEmulator, type RunningEmulator } from "aurora-power/emulator";
import { rdsClient, sdkError, waitForStatus } from "./sdk";

let emu: RunningEmulator;
let rds: RDSClient;

beforeEach(async () => {
  emu = await startEmulator({ stopSeconds: 0.2, startSeconds: 0.2 });
  rds = rdsClient(emu.url);
});
afterEach(async () => {
  rds.destroy();
  await emu.stop();
});

const stop = (id: string) => rds.send(new StopDBClusterCommand({ DBClusterIdentifier: id }));
const start = (id: string) => rds.send(new StartDBClusterCommand({ DBClusterIdentifier: id }));

describe("stop and start over the real SDK", () => {
  it("stops, then starts, with timed transitions and exact events", async () => {
    await emu.admin.seed([{ DBClusterIdentifier: "dev-orders" }]);
    const stopped = await stop("dev-orders");
    expect(stopped.DBCluster?.Status).toBe("stopping");
    await waitForStatus(rds, "dev-orders", "stopped");
    const afterStop = await rds.send(
      new DescribeDBClustersCommand({ DBClusterIdentifier: "dev-orders" }),
    );
    expect(afterStop.DBClusters?.[0]?.AutomaticRestartTime).toBeInstanceOf(Date);
    expect((await start("dev-orders")).DBCluster?.Status).toBe("starting");
    await waitForStatus(rds, "dev-orders", "available");
    const events = await emu.admin.events();
    expect(events.map((e) => `${e.from}>${e.to}`)).toEqual([
      "available>stopping",
      "stopping>stopped",
      "stopped>starting",
      "starting>available",
    ]);
    const stopMs = Date.parse(events[1]!.at) - Date.parse(events[0]!.at);
    expect(stopMs).toBe(200);
    expect(events[0]!.at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  });

  it("passes through backing-up when configured", async () => {
    await emu.admin.seed([{ DBClusterIdentifier: "c1", Status: "stopped" }]);
    await emu.admin.setConfig({ backingUpSeconds: 0.2 });
    await start("c1");
    await waitForStatus(rds, "c1", "available");
    // Assert on the recorded instants, not on polling a 0.2 s window that a busy machine can miss.
    const events = await emu.admin.events();
    expect(events.map((e) => e.to)).toEqual(["starting", "backing-up", "available"]);
    const [starting, backingUp, available] = events.map((e) => Date.parse(e.at));
    expect([backingUp! - starting!, available! - backingUp!]).toEqual([200, 200]);
  });

  it("refuses stop while instances settle after a start (InvalidDBInstanceStateFault)", async () => {
    await emu.admin.seed([{ DBClusterIdentifier: "c1", Status: "stopped" }]);
    await emu.admin.setConfig({ instanceSettleSeconds: 30 });
    await start("c1");
    await waitForStatus(rds, "c1", "available");
    expect(await sdkError(stop("c1"))).toEqual({
      name: "InvalidDBInstanceStateFault",
      message: "Instance c1-instance-1 is not in available state.",
      status: 400,
      fault: "client",
    });
  });

  it("restarts a stopped cluster by itself and reports AutomaticRestartTime", async () => {
    await emu.admin.setConfig({ autoRestartSeconds: 3600 });
    await emu.admin.seed([{ DBClusterIdentifier: "c1" }]);
    await stop("c1");
    await waitForStatus(rds, "c1", "stopped");
    const stoppedAt = Date.parse((await emu.admin.events()).find((e) => e.to === "stopped")!.at);
    const view = await emu.admin.getCluster("c1");
    expect(Date.parse(view!.AutomaticRestartTime!) - stoppedAt).toBe(3600 * 1000);
    // The restart is measured from the stop with the live setting, so shortening it now fires it.
    await emu.admin.setConfig({ autoRestartSeconds: 0.3 });
    await waitForStatus(rds, "c1", "available");
    const events = await emu.admin.events();
    expect(events.map((e) => e.to)).toEqual(["stopping", "stopped", "starting", "available"]);
    expect(Date.parse(events[2]!.at) - stoppedAt).toBe(300);
  });

  it("triggers the automatic restart through the admin API", async () => {
    await emu.admin.seed([{ DBClusterIdentifier: "c1", Status: "stopped" }]);
    expect((await emu.admin.triggerAutoRestart("c1")).Status).toBe("starting");
  });

  it("is reached through AWS_ENDPOINT_URL_RDS with an unmodified client", async () => {
    await emu.admin.seed([{ DBClusterIdentifier: "env-configured" }]);
    const saved = process.env.AWS_ENDPOINT_URL_RDS;
    process.env.AWS_ENDPOINT_URL_RDS = emu.url;
    const plain = new RDSClient({
      region: "eu-west-1",
      credentials: { accessKeyId: "test", secretAccessKey: "test" },
    });
    try {
      const out = await plain.send(new DescribeDBClustersCommand({}));
      expect(out.DBClusters?.map((c) => c.DBClusterIdentifier)).toEqual(["env-configured"]);
    } finally {
      plain.destroy();
      if (saved === undefined) delete process.env.AWS_ENDPOINT_URL_RDS;
      else process.env.AWS_ENDPOINT_URL_RDS = saved;
    }
  });

  it("treats identifiers case-insensitively and stores them lowercase", async () => {
    await emu.admin.seed([{ DBClusterIdentifier: "Dev-Orders" }]);
    const out = await stop("DEV-ORDERS");
    expect(out.DBCluster?.DBClusterIdentifier).toBe("dev-orders");
  });

  it("builds the ARN from the request's SigV4 region, or the seeded region", async () => {
    await emu.admin.seed([
      { DBClusterIdentifier: "here" },
      { DBClusterIdentifier: "there", region: "ap-southeast-2" },
    ]);
    const out = await rdsClient(emu.url, "eu-central-1").send(new DescribeDBClustersCommand({}));
    expect(out.DBClusters?.map((c) => c.DBClusterArn)).toEqual([
      "arn:aws:rds:eu-central-1:123456789012:cluster:here",
      "arn:aws:rds:ap-southeast-2:123456789012:cluster:there",
    ]);
  });
});

describe("stop and start errors", () => {
  it("DBClusterNotFoundFault (404) for an unknown cluster", async () => {
    expect(await sdkError(stop("missing"))).toEqual({
      name: "DBClusterNotFoundFault",
      message: "DBCluster missing not found.",
      status: 404,
      fault: "client",
    });
    expect((await sdkError(start("missing"))).name).toBe("DBClusterNotFoundFault");
    expect(
      (await sdkError(rds.send(new DescribeDBClustersCommand({ DBClusterIdentifier: "missing" }))))
        .status,
    ).toBe(404);
  });

  it("InvalidDBClusterStateFault naming the state for stop and start", async () => {
    await emu.admin.seed([
      { DBClusterIdentifier: "c1" },
      { DBClusterIdentifier: "c2", Status: "backing-up" },
    ]);
    expect(await sdkError(start("c1"))).toEqual({
      name: "InvalidDBClusterStateFault",
      message:
        "DbCluster c1 is in available state but expected it to be one of stopped, inaccessible-encryption-credentials-recoverable.",
      status: 400,
      fault: "client",
    });
    expect((await sdkError(stop("c2"))).message).toBe(
      "DbCluster c2 is in backing-up state but expected it to be one of available.",
    );
  });

  it("starts from inaccessible-encryption-credentials-recoverable", async () => {
    await emu.admin.seed([{ DBClusterIdentifier: "c1" }]);
    await emu.admin.forceStatus("c1", "inaccessible-encryption-credentials-recoverable");
    expect((await start("c1")).DBCluster?.Status).toBe("starting");
  });

  it.each([
    ["Serverless v1", { EngineMode: "serverless" }],
    [
      "cross-Region replica",
      { ReplicationSourceIdentifier: "arn:aws:rds:us-west-2:123456789012:cluster:src" },
    ],
    [
      "replication source",
      { ReadReplicaIdentifiers: ["arn:aws:rds:us-west-2:123456789012:cluster:r1"] },
    ],
    ["Multi-AZ DB cluster", { Engine: "postgres", DBClusterInstanceClass: "db.m6gd.large" }],
  ])("refuses a %s with InvalidParameterCombination", async (_name, seed) => {
    await emu.admin.seed([{ DBClusterIdentifier: "c1", ...seed }]);
    const error = await sdkError(stop("c1"));
    expect([error.name, error.status]).toEqual(["InvalidParameterCombination", 400]);
    expect(error.message).toContain("c1");
  });

  it("stops the only member of a global database, refuses a member of two (InvalidDBClusterStateFault)", async () => {
    await emu.admin.seed([{ DBClusterIdentifier: "solo", GlobalClusterIdentifier: "g-solo" }]);
    expect((await stop("solo")).DBCluster?.Status).toBe("stopping");
    await emu.admin.seed([
      { DBClusterIdentifier: "pair-a", GlobalClusterIdentifier: "g-pair" },
      { DBClusterIdentifier: "pair-b", GlobalClusterIdentifier: "g-pair" },
    ]);
    const error = await sdkError(stop("pair-a"));
    expect([error.name, error.status]).toEqual(["InvalidDBClusterStateFault", 400]);
    expect(error.message).toContain("pair-a");
  });

  it("MissingParameter when the identifier is empty", async () => {
    expect(await sdkError(stop(""))).toMatchObject({
      name: "MissingParameter",
      message: "The request must contain the parameter DBClusterIdentifier",
      status: 400,
    });
  });
});
