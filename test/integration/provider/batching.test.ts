import { impl, startTestbed, type ProviderTestbed } from "./support";

let bed: ProviderTestbed;

beforeAll(async () => {
  bed = await startTestbed({ stopSeconds: 1, startSeconds: 1 });
});
afterAll(async () => {
  await bed.emu.stop();
});

describe("one poller for every cluster of the provider process", () => {
  it("waits on 150 clusters with at most 2 DescribeDBClusters calls per tick, and notices completion within 1 s", async () => {
    const ids = Array.from({ length: 150 }, (_, i) => `fleet-${String(i).padStart(3, "0")}`);
    await bed.emu.admin.seed(ids.map((id) => ({ DBClusterIdentifier: id })));
    await bed.emu.admin.resetCounters();
    const inputs = await Promise.all(ids.map((id) => bed.inputs(id)));
    const results = await Promise.all(
      inputs.map(async (i) => ({ outs: (await impl.create(i)).outs, doneAt: Date.now() })),
    );
    expect(results.every((r) => r.outs?.status === "stopped")).toBe(true);

    const counters = await bed.emu.admin.counters();
    const stats = Object.values(impl.pollerStats());
    expect(stats).toHaveLength(1);
    const [poller] = stats;
    expect(counters.calls.StopDBCluster).toBe(150);
    // Every describe went through the poller, and no tick needed more than ceil(150 / 100) calls.
    expect(counters.calls.DescribeDBClusters).toBe(poller?.describeCalls);
    expect(poller?.maxCallsPerTick).toBeLessThanOrEqual(2);
    expect(Math.max(...counters.describeClusterIdsPerCall)).toBeLessThanOrEqual(100);
    expect(counters.describeClusterIdsPerCall).not.toContain(0);
    expect(counters.calls.DescribeDBClusters).toBeLessThanOrEqual(2 * (poller?.ticks ?? 0));

    // Detection: each create returned within 1 s of its cluster reaching `stopped`.
    const stoppedAt = new Map(
      (await bed.emu.admin.events())
        .filter((e) => e.to === "stopped")
        .map((e) => [e.clusterIdentifier, Date.parse(e.at)]),
    );
    const lags = ids
      .map((id, i) => (results[i]?.doneAt ?? 0) - (stoppedAt.get(id) ?? 0))
      .sort((a, b) => a - b);
    expect(lags[0]).toBeGreaterThanOrEqual(0);
    expect(lags[Math.floor(lags.length * 0.95)]).toBeLessThanOrEqual(1000);
  });

  it("rides out injected throttling and 500s through the SDK's retries", async () => {
    const ids = Array.from({ length: 20 }, (_, i) => `flaky-${i}`);
    await bed.emu.admin.seed(ids.map((id) => ({ DBClusterIdentifier: id })));
    await bed.emu.admin.resetCounters();
    await bed.emu.admin.setConfig({ throttleRate: 0.2, errorRate: 0.1 });
    const inputs = await Promise.all(ids.map((id) => bed.inputs(id)));
    const results = await Promise.all(inputs.map((i) => impl.create(i)));
    await bed.emu.admin.setConfig({ throttleRate: 0, errorRate: 0 });
    expect(results.map((r) => r.outs?.status)).toEqual(ids.map(() => "stopped"));
    const { errorsInjected } = await bed.emu.admin.counters();
    expect(errorsInjected.Throttling + errorsInjected.InternalFailure).toBeGreaterThan(0);
  });
});
