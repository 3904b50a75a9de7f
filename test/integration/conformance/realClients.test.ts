import { spawn } from "node:child_process";
import { join } from "node:path";
import { startEmulator, type RunningEmulator } from "aurora-power/emulator";
import { ensurePythonClients, type PythonClients } from "./pythonClients";

let emu: RunningEmulator;
let clients: PythonClients;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

// Async, so the endpoint in this process keeps serving while the client runs.
function runClient(command: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env: { ...process.env, ...env } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

// AWS CLI v1 exits 255 when the service answers an error.
// The AWS CLI with dummy credentials, no profile files and no retries.
const CLI_ENV = {
  AWS_ACCESS_KEY_ID: "test",
  AWS_SECRET_ACCESS_KEY: "test",
  AWS_CONFIG_FILE: "/dev/null",
  AWS_SHARED_CREDENTIALS_FILE: "/dev/null",
  AWS_MAX_ATTEMPTS: "1",
  AWS_PAGER: "",
};

function aws(...args: string[]): Promise<Run> {
  const common = ["--endpoint-url", emu.url, "--region", "eu-west-1", "--output", "json"];
  return runClient(clients.aws, ["rds", ...args, ...common], CLI_ENV);
}

beforeAll(() => {
  clients = ensurePythonClients();
  process.stdout.write(
    `conformance venv ${clients.reused ? "reused" : "created"} in ${clients.elapsedMs} ms (${clients.dir})\n`,
  );
}, 600_000);

beforeEach(async () => {
  emu = await startEmulator({
    stopSeconds: 0.2,
    startSeconds: 0.2,
    seed: [
      { DBClusterIdentifier: "conf-pg", Tags: [{ Key: "env", Value: "dev" }], instanceCount: 2 },
      { DBClusterIdentifier: "conf-mysql", Engine: "aurora-mysql", StorageEncrypted: false },
      { DBClusterIdentifier: "conf-v1", EngineMode: "serverless" },
      {
        DBClusterIdentifier: "conf-maz",
        Engine: "postgres",
        DBClusterInstanceClass: "db.m6gd.large",
        instanceCount: 3,
      },
    ],
  });
});
afterEach(async () => {
  await emu.stop();
});

describe("real RDS clients beside the JS SDK parse every answer against their own model", () => {
  it("boto3: describe, stop, start, not found and throttled, every field typed as botocore's model says", async () => {
    const script = join(__dirname, "boto3Conformance.py");
    const run = await runClient(clients.python, [script, emu.url, "conf-pg"]);
    expect(run.stderr).toBe("");
    const report = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(report.problems).toEqual([]);
    expect(run.code).toBe(0);
    expect(report).toMatchObject({
      versions: { boto3: "1.44.8", botocore: "1.44.8" },
      clusters: 4,
      stopped: "stopping",
      started: "starting",
      notFound: {
        code: "DBClusterNotFoundFault",
        message: "DBCluster no-such-cluster not found.",
        status: 404,
      },
      throttled: { code: "Throttling", message: "Rate exceeded", status: 400 },
      tags: expect.arrayContaining([
        { Key: "aurora-power:keep-running-until", Value: "2026-11-29T08:00:00Z" },
      ]) as unknown,
    });
    expect(report.fields).toEqual(
      expect.arrayContaining([
        "DbClusterResourceId",
        "Endpoint",
        "ReaderEndpoint",
        "Port",
        "StorageEncrypted",
        "AvailabilityZones",
        "MasterUsername",
        "DeletionProtection",
        "HostedZoneId",
        "VpcSecurityGroups",
      ]),
    );
  }, 60_000);

  it("the AWS CLI: describe, stop, start, not found and throttled", async () => {
    const described = await aws("describe-db-clusters");
    expect([described.code, described.stderr]).toEqual([0, ""]);
    const clusters = (JSON.parse(described.stdout) as { DBClusters: Record<string, unknown>[] })
      .DBClusters;
    expect(clusters.map((c) => c.DBClusterIdentifier)).toEqual([
      "conf-maz",
      "conf-mysql",
      "conf-pg",
      "conf-v1",
    ]);
    expect(clusters[2]).toMatchObject({
      Port: 5432,
      StorageEncrypted: true,
      AvailabilityZones: ["eu-west-1a", "eu-west-1b", "eu-west-1c"],
    });
    const stopped = await aws("stop-db-cluster", "--db-cluster-identifier", "conf-pg");
    expect(JSON.parse(stopped.stdout)).toMatchObject({ DBCluster: { Status: "stopping" } });
    await new Promise((resolve) => setTimeout(resolve, 300));
    const started = await aws("start-db-cluster", "--db-cluster-identifier", "conf-pg");
    expect(JSON.parse(started.stdout)).toMatchObject({ DBCluster: { Status: "starting" } });
    const missing = await aws("describe-db-clusters", "--db-cluster-identifier", "nope");
    expect(missing.code).toBe(255);
    expect(missing.stderr).toContain(
      "An error occurred (DBClusterNotFoundFault) when calling the DescribeDBClusters operation: DBCluster nope not found.",
    );
    // The keep-running tag, set as the README says (no Pulumi run), read back by a describe.
    const tagged = await aws(
      "add-tags-to-resource",
      "--resource-name",
      "arn:aws:rds:eu-west-1:123456789012:cluster:conf-pg",
      "--tags",
      "Key=aurora-power:keep-running-until,Value=2026-11-29T08:00:00Z",
    );
    expect([tagged.code, tagged.stderr, tagged.stdout]).toEqual([0, "", ""]);
    const withTag = await aws("describe-db-clusters", "--db-cluster-identifier", "conf-pg");
    expect(JSON.parse(withTag.stdout)).toMatchObject({
      DBClusters: [
        {
          TagList: expect.arrayContaining([
            { Key: "aurora-power:keep-running-until", Value: "2026-11-29T08:00:00Z" },
          ]) as unknown,
        },
      ],
    });
    await emu.admin.setConfig({ quotaMode: true, quotaBurst: 1, quotaRatePerSecond: 0 });
    expect((await aws("describe-db-clusters")).code).toBe(0);
    const throttled = await aws("describe-db-clusters");
    expect(throttled.code).toBe(255);
    expect(throttled.stderr).toContain(
      "An error occurred (Throttling) when calling the DescribeDBClusters operation",
    );
    expect(throttled.stderr).toContain("Rate exceeded");
  }, 60_000);
});
