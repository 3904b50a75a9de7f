/**
 * The real stop-workflow definition, executed by aws-local-stepfunctions, against the local RDS
 * endpoint over HTTP through `@aws-sdk/client-rds`.
 */
import { AddTagsToResourceCommand, type RDSClient } from "@aws-sdk/client-rds";
import { startEmulator, type RunningEmulator, type SeedCluster } from "aurora-power/emulator";
import { stopWorkflowDefinition } from "../../../provider/workflow/stopWorkflowDefinition";
import { keepStoppedEventPattern } from "../../../provider/workflow/keepStoppedEventPattern";
import { EventBridgeHarness } from "../../../scripts/keeper/eventBridgeHarness";
import {
  localRdsClient,
  runLocally,
  type LocalExecution,
} from "../../../scripts/keeper/localExecution";

const definition = stopWorkflowDefinition({ maxRunSeconds: 60 });
let emu: RunningEmulator;
let rds: RDSClient;

async function boot(seed: SeedCluster[], options: Parameters<typeof startEmulator>[0] = {}) {
  emu = await startEmulator({
    stopSeconds: 0.1,
    startSeconds: 0.2,
    faultSeed: 7,
    seed,
    ...options,
  });
  rds = localRdsClient(emu.url);
}

afterEach(async () => {
  rds?.destroy();
  await emu?.stop();
});

/** The emulator's own history: StopDBCluster accepted only while `available`. */
async function expectStopsOnlyFromAvailable(run: LocalExecution): Promise<void> {
  expect(run.calls.filter((c) => c.error === "Rds.InvalidDbClusterStateException")).toEqual([]);
  const events = await emu.admin.events();
  for (const e of events.filter((x) => x.to === "stopping")) expect(e.from).toBe("available");
}

const run = (id: string) => runLocally(definition, { DbClusterIdentifier: id }, rds);

test("accelerated 7-day restart: the keeper stops the cluster again once its instances settle", async () => {
  // The instances settle 2 s after the cluster is `available`: the first stop must come before
  // that, and a loaded machine takes up to 1.5 s from the restart to the workflow's first describe.
  await boot([{ DBClusterIdentifier: "dev-orders", Status: "stopped", region: "eu-west-1" }], {
    instanceSettleSeconds: 2,
  });
  const runs: Promise<LocalExecution>[] = [];
  const harness = new EventBridgeHarness(emu.admin, [
    {
      pattern: keepStoppedEventPattern(["dev-orders"]),
      target: (event) => {
        const execution = run(event.detail.SourceIdentifier);
        runs.push(execution);
        return execution;
      },
    },
  ]);
  harness.start();
  await emu.admin.triggerAutoRestart("dev-orders");
  while (runs.length === 0) await new Promise((r) => setTimeout(r, 10));
  const result = await runs[0]!;
  await harness.stop();
  expect(result.status).toBe("SUCCEEDED");
  expect(result.states.at(-1)).toBe("StopRequested");
  expect(result.calls.some((c) => c.error === "Rds.InvalidDbInstanceStateException")).toBe(true);
  await new Promise((r) => setTimeout(r, 150));
  expect((await emu.admin.getCluster("dev-orders"))?.Status).toBe("stopped");
  const ids = (await emu.admin.rdsEvents()).map((e) => e.detail.EventID);
  expect(ids).toEqual(["RDS-EVENT-0153", "RDS-EVENT-0151", "RDS-EVENT-0150"]);
  expect(harness.delivered.map((e) => e["detail-type"])).toEqual(["RDS DB Cluster Event"]);
  await expectStopsOnlyFromAvailable(result);
});

test("a stop during `starting` waits, then stops", async () => {
  await boot([{ DBClusterIdentifier: "dev-orders", Status: "stopped" }], { startSeconds: 1 });
  await emu.admin.triggerAutoRestart("dev-orders");
  const result = await run("dev-orders");
  expect(result.status).toBe("SUCCEEDED");
  expect(result.states).toContain("WaitForAvailable");
  expect(result.states.at(-1)).toBe("StopRequested");
  await expectStopsOnlyFromAvailable(result);
});

test("an already stopped cluster: success and no StopDBCluster call", async () => {
  await boot([{ DBClusterIdentifier: "dev-orders", Status: "stopped" }]);
  const result = await run("dev-orders");
  expect(result.status).toBe("SUCCEEDED");
  expect(result.states.at(-1)).toBe("StopNotNeeded");
  expect((await emu.admin.counters()).calls.StopDBCluster).toBe(0);
});

test("a cluster deleted meanwhile: success", async () => {
  await boot([{ DBClusterIdentifier: "dev-orders", Status: "stopped" }], { startSeconds: 2 });
  await emu.admin.triggerAutoRestart("dev-orders");
  const pending = run("dev-orders");
  await new Promise((r) => setTimeout(r, 300));
  await emu.admin.deleteCluster("dev-orders");
  const result = await pending;
  expect(result.status).toBe("SUCCEEDED");
  expect(result.states.at(-1)).toBe("ClusterGone");
  expect((await emu.admin.counters()).calls.StopDBCluster).toBe(0);
});

test.each([
  [
    { DBClusterIdentifier: "legacy-v1", EngineMode: "serverless" },
    "cluster `legacy-v1` cannot be stopped: it is Aurora Serverless v1 (`EngineMode: serverless`), which pauses by itself and cannot be stopped; migrate to Serverless v2 or provisioned, which can be stopped",
  ],
])("a cluster RDS cannot stop fails with the reason (%o)", async (seed, cause) => {
  await boot([seed]);
  const result = await run(seed.DBClusterIdentifier);
  expect(result).toMatchObject({ status: "FAILED", error: "AuroraPower.CannotStop", cause });
  expect((await emu.admin.counters()).calls.StopDBCluster).toBe(0);
});

test("the only cluster of a global database, started automatically, is stopped again", async () => {
  await boot([
    {
      DBClusterIdentifier: "orders-eu",
      Status: "stopped",
      GlobalClusterIdentifier: "orders-global",
      region: "eu-west-1",
    },
  ]);
  await emu.admin.triggerAutoRestart("orders-eu");
  const result = await run("orders-eu");
  expect(result.status).toBe("SUCCEEDED");
  expect(result.states.at(-1)).toBe("StopRequested");
  expect(result.states).toContain("DescribeGlobalCluster");
  await new Promise((r) => setTimeout(r, 250));
  expect((await emu.admin.getCluster("orders-eu"))?.Status).toBe("stopped");
  const calls = (await emu.admin.counters()).calls;
  expect(calls.DescribeGlobalClusters).toBeGreaterThanOrEqual(1);
  expect(calls.StopDBCluster).toBeGreaterThanOrEqual(1);
  await expectStopsOnlyFromAvailable(result);
});

test("a member of a global database of two fails with the provider's reason and no StopDBCluster", async () => {
  await boot([
    { DBClusterIdentifier: "orders-eu", GlobalClusterIdentifier: "orders-global" },
    {
      DBClusterIdentifier: "orders-us",
      GlobalClusterIdentifier: "orders-global",
      region: "us-east-1",
    },
  ]);
  const result = await run("orders-eu");
  expect(result).toMatchObject({
    status: "FAILED",
    error: "AuroraPower.CannotStop",
    cause:
      "cluster `orders-eu` cannot be stopped: it is a member of global database `orders-global`, which has 2 clusters; RDS stops a global database member only when it is the only cluster; detach the other clusters from the global database first (RemoveFromGlobalCluster)",
  });
  const calls = (await emu.admin.counters()).calls;
  expect(calls.DescribeGlobalClusters).toBe(1);
  expect(calls.StopDBCluster).toBe(0);
});

describe("the keep-running tag", () => {
  const key = "aurora-power:keep-running-until";
  const dayMs = 24 * 3600 * 1000;
  const bootTagged = (value: string) =>
    boot([{ DBClusterIdentifier: "dev-orders", Tags: [{ Key: key, Value: value }] }]);

  test("a time ahead: no StopDBCluster, the output says why", async () => {
    const until = new Date(Date.now() + dayMs).toISOString().replace(/\.\d+Z$/, "Z");
    await bootTagged(until);
    const result = await run("dev-orders");
    expect(result).toMatchObject({
      status: "SUCCEEDED",
      output: {
        Override: {
          Outcome: "kept-running",
          Reason: `cluster \`dev-orders\` left running: its tag \`${key}\` keeps it running until ${until}; remove the tag to let the stop go ahead (the next stop after that time stops it)`,
        },
      },
    });
    expect(result.states.at(-1)).toBe("KeptRunning");
    expect((await emu.admin.counters()).calls.StopDBCluster).toBe(0);
    expect((await emu.admin.getCluster("dev-orders"))?.Status).toBe("available");
  });

  test("set with AddTagsToResource, no Pulumi run: the keeper leaves the restarted cluster running", async () => {
    await boot([{ DBClusterIdentifier: "dev-orders", Status: "stopped", region: "eu-west-1" }]);
    const until = new Date(Date.now() + dayMs).toISOString();
    await rds.send(
      new AddTagsToResourceCommand({
        ResourceName: "arn:aws:rds:eu-west-1:123456789012:cluster:dev-orders",
        Tags: [{ Key: key, Value: until }],
      }),
    );
    await emu.admin.triggerAutoRestart("dev-orders");
    const result = await run("dev-orders");
    expect(result).toMatchObject({
      status: "SUCCEEDED",
      output: { Override: { Outcome: "kept-running" } },
    });
    expect((await emu.admin.counters()).calls.StopDBCluster).toBe(0);
    expect((await emu.admin.getCluster("dev-orders"))?.Status).toBe("available");
  });

  test("a time passed: stopped, the expiry recorded", async () => {
    await bootTagged("2026-01-01T00:00:00+01:00");
    const result = await run("dev-orders");
    expect(result).toMatchObject({
      status: "SUCCEEDED",
      output: { Override: { Outcome: "expired" } },
    });
    expect(result.states.at(-1)).toBe("StopRequested");
    expect((await emu.admin.counters()).calls.StopDBCluster).toBe(1);
  });

  test("a value that is no time: stopped, and why it was ignored", async () => {
    await bootTagged("next Monday");
    const result = await run("dev-orders");
    expect(result).toMatchObject({
      status: "SUCCEEDED",
      output: {
        Override: {
          Outcome: "ignored",
          Reason: `cluster \`dev-orders\` stopped: its tag \`${key}\` has the value \`next Monday\`, which is not a time with an offset (RFC 3339, e.g. 2026-11-29T08:00:00Z), so it was ignored; fix or remove the tag`,
        },
      },
    });
    expect((await emu.admin.counters()).calls.StopDBCluster).toBe(1);
  });
});

test("throttling and 5xx injected (seeded): converges", async () => {
  await boot([{ DBClusterIdentifier: "dev-orders", Status: "stopped" }], {
    // A run may take two calls only (the restart ends before the first describe), or twenty (it
    // describes all through `starting`), depending on the machine's load. So the seed is one whose
    // first call fails (mulberry32(1): 0.627 then 0.003, an InternalFailure) and whose first 300
    // calls never fail more than 4 times in a row: below the 8 retries, whatever the timing.
    throttleRate: 0.3,
    errorRate: 0.2,
    faultSeed: 1,
  });
  await emu.admin.triggerAutoRestart("dev-orders");
  const result = await run("dev-orders");
  expect(result.status).toBe("SUCCEEDED");
  expect(result.calls.some((c) => c.error === "Rds.RdsException")).toBe(true);
  const injected = (await emu.admin.counters()).errorsInjected;
  expect(injected.Throttling + injected.InternalFailure).toBeGreaterThan(0);
  await expectStopsOnlyFromAvailable(result);
});
