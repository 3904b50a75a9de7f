import { DescribeDBClustersCommand, StopDBClusterCommand } from "@aws-sdk/client-rds";
import { EmulatorAdminError, startEmulator, type RunningEmulator } from "aurora-power/emulator";
import { rdsClient, sdkError } from "./sdk";

let emu: RunningEmulator;

beforeEach(async () => {
  emu = await startEmulator({ seed: [{ DBClusterIdentifier: "c1" }] });
});
afterEach(async () => {
  await emu.stop();
});

const describeAll = new DescribeDBClustersCommand({});

describe("fault injection", () => {
  it("answers Throttling (400) at throttleRate 1 and counts it", async () => {
    await emu.admin.setConfig({ throttleRate: 1 });
    const error = await sdkError(rdsClient(emu.url).send(describeAll));
    expect(error).toEqual({
      name: "Throttling",
      message: "Rate exceeded",
      status: 400,
      fault: "client",
    });
    expect((await emu.admin.counters()).errorsInjected).toEqual({
      Throttling: 1,
      InternalFailure: 0,
    });
  });

  it("answers InternalFailure (500) at errorRate 1 and counts it", async () => {
    await emu.admin.setConfig({ errorRate: 1 });
    const error = await sdkError(rdsClient(emu.url).send(describeAll));
    expect([error.name, error.status, error.fault]).toEqual(["InternalFailure", 500, "server"]);
    expect((await emu.admin.counters()).errorsInjected).toEqual({
      Throttling: 0,
      InternalFailure: 1,
    });
  });

  it("is retried by the SDK's standard retry strategy", async () => {
    const emuFlaky = await startEmulator({ errorRate: 0.5, random: sequence([0.1, 0.9]) });
    try {
      const out = await rdsClient(emuFlaky.url, "eu-west-1", 3).send(describeAll);
      expect(out.DBClusters).toEqual([]);
      const counters = await emuFlaky.admin.counters();
      expect([counters.calls.DescribeDBClusters, counters.errorsInjected.InternalFailure]).toEqual([
        2, 1,
      ]);
    } finally {
      await emuFlaky.stop();
    }
  });

  it("adds latencyMs to every answer", async () => {
    await emu.admin.setConfig({ latencyMs: 150 });
    const started = Date.now();
    await rdsClient(emu.url).send(describeAll);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
  });
});

describe("fault seed", () => {
  /** The outcome of each of 30 DescribeDBClusters calls (no SDK retries) at 50 % InternalFailure. */
  async function outcomes(target: RunningEmulator): Promise<string[]> {
    const rds = rdsClient(target.url, "eu-west-1", 1);
    const seen: string[] = [];
    for (let i = 0; i < 30; i++) {
      seen.push(
        await rds.send(describeAll).then(
          () => "ok",
          (e: Error) => e.name,
        ),
      );
    }
    rds.destroy();
    return seen;
  }

  it("reports the seed it was given, and replays the same faults after a reseed", async () => {
    const seeded = await startEmulator({ errorRate: 0.5, faultSeed: 2024 });
    try {
      expect([seeded.faultSeed, await seeded.admin.faultSeed()]).toEqual([2024, 2024]);
      const first = await outcomes(seeded);
      expect(new Set(first)).toEqual(new Set(["ok", "InternalFailure"]));
      expect(await seeded.admin.setFaultSeed(2024)).toBe(2024);
      expect(await outcomes(seeded)).toEqual(first);
      await seeded.admin.setFaultSeed(2025);
      expect([seeded.faultSeed, await seeded.admin.faultSeed()]).toEqual([2025, 2025]);
      expect(await outcomes(seeded)).not.toEqual(first);
    } finally {
      await seeded.stop();
    }
  });

  it("takes AURORA_POWER_FAULT_SEED when no seed is given, else picks and reports one", async () => {
    const saved = process.env.AURORA_POWER_FAULT_SEED;
    process.env.AURORA_POWER_FAULT_SEED = "31337";
    try {
      const fromEnv = await startEmulator();
      expect(await fromEnv.admin.faultSeed()).toBe(31337);
      await fromEnv.stop();
      delete process.env.AURORA_POWER_FAULT_SEED;
      const random = await startEmulator();
      expect(await random.admin.faultSeed()).toEqual(expect.any(Number));
      expect(random.faultSeed).toBe(await random.admin.faultSeed());
      await random.stop();
    } finally {
      if (saved === undefined) delete process.env.AURORA_POWER_FAULT_SEED;
      else process.env.AURORA_POWER_FAULT_SEED = saved;
    }
  });

  it("reports null for an injected random, and rejects a bad seed", async () => {
    const custom = await startEmulator({ random: () => 0.5 });
    try {
      expect(await custom.admin.faultSeed()).toBeNull();
      await expect(custom.admin.setFaultSeed(-3)).rejects.toThrow(
        "`faultSeed` must be an integer from 0 to 4294967295.",
      );
      expect(await custom.admin.setFaultSeed(8)).toBe(8);
    } finally {
      await custom.stop();
    }
  });
});

function sequence(values: number[]): () => number {
  let i = 0;
  return () => values[i++ % values.length]!;
}

describe("admin API", () => {
  it("counts calls per action and resets", async () => {
    const rds = rdsClient(emu.url);
    await rds.send(describeAll);
    await rds.send(new StopDBClusterCommand({ DBClusterIdentifier: "c1" }));
    const counters = await emu.admin.counters();
    expect(counters.calls).toMatchObject({
      DescribeDBClusters: 1,
      StopDBCluster: 1,
      StartDBCluster: 0,
    });
    expect(counters.powerCallsByCluster).toEqual({ c1: { StopDBCluster: 1, StartDBCluster: 0 } });
    await emu.admin.resetCounters();
    expect(await emu.admin.counters()).toEqual({
      calls: {
        DescribeDBClusters: 0,
        StopDBCluster: 0,
        StartDBCluster: 0,
        CreateDBCluster: 0,
        DeleteDBCluster: 0,
        DescribeDBInstances: 0,
        ListTagsForResource: 0,
        AddTagsToResource: 0,
        DescribeGlobalClusters: 0,
        DescribeBlueGreenDeployments: 0,
      },
      errorsInjected: { Throttling: 0, InternalFailure: 0 },
      describeClusterIdsPerCall: [],
      powerCallsByCluster: {},
      requests: 0,
      quotaThrottled: 0,
    });
  });

  it("seeds, lists, gets, forces a status and deletes clusters", async () => {
    await emu.admin.seed([{ DBClusterIdentifier: "C2", Tags: [{ Key: "env", Value: "dev" }] }]);
    expect((await emu.admin.listClusters()).map((c) => c.DBClusterIdentifier)).toEqual([
      "c1",
      "c2",
    ]);
    expect(await emu.admin.getCluster("c2")).toMatchObject({
      Status: "available",
      TagList: [{ Key: "env", Value: "dev" }],
    });
    expect((await emu.admin.forceStatus("c2", "inaccessible-encryption-credentials")).Status).toBe(
      "inaccessible-encryption-credentials",
    );
    expect(await emu.admin.events()).toEqual([
      expect.objectContaining({
        clusterIdentifier: "c2",
        from: "available",
        to: "inaccessible-encryption-credentials",
      }),
    ]);
    expect(await emu.admin.deleteCluster("c2")).toBe(true);
    expect(await emu.admin.deleteCluster("c2")).toBe(false);
    expect(await emu.admin.getCluster("c2")).toBeUndefined();
  });

  it("reads and changes the configuration, rejecting bad values", async () => {
    expect(await emu.admin.getConfig()).toEqual({
      createSeconds: 1,
      stopSeconds: 5,
      startSeconds: 5,
      backingUpSeconds: 0,
      instanceSettleSeconds: 0,
      autoRestartSeconds: 604800,
      throttleRate: 0,
      errorRate: 0,
      latencyMs: 0,
      staleReadSeconds: 0,
      quotaMode: false,
      quotaBurst: 300,
      quotaRatePerSecond: 12,
    });
    expect((await emu.admin.setConfig({ stopSeconds: 0.5 })).stopSeconds).toBe(0.5);
    await expect(emu.admin.setConfig({ errorRate: 3 })).rejects.toThrow(EmulatorAdminError);
  });

  it("refuses to auto-restart a cluster that is not stopped", async () => {
    await expect(emu.admin.triggerAutoRestart("c1")).rejects.toThrow(/is in available state/);
  });

  it("answers 404 for unknown admin routes", async () => {
    const response = await fetch(`${emu.url}/_emulator/nothing`);
    expect(response.status).toBe(404);
  });
});
