import { impl, startTestbed, statusOf, type ProviderTestbed } from "./support";

/**
 * The provider's rate limiter against the local endpoint in quota mode (one token bucket for the
 * endpoint, `Throttling` 400 "Rate exceeded" when empty, as RDS's documented bucket).
 */
let bed: ProviderTestbed;
const saved = { ...process.env };

afterEach(async () => {
  await bed.emu.stop();
  for (const name of ["AURORA_POWER_RDS_RATE", "AURORA_POWER_RDS_BURST"]) {
    if (saved[name] === undefined) delete process.env[name];
    else process.env[name] = saved[name];
  }
});

async function stopAll(ids: string[], rate: string, burst: string) {
  process.env.AURORA_POWER_RDS_RATE = rate;
  process.env.AURORA_POWER_RDS_BURST = burst;
  impl.setRuntimeHooks({ env: process.env }); // new runtimes: the limiter reads its share
  await bed.emu.admin.seed(ids.map((id) => ({ DBClusterIdentifier: id })));
  await bed.emu.admin.resetCounters();
  const inputs = await Promise.all(ids.map((id) => bed.inputs(id)));
  const results = await Promise.all(inputs.map((i) => impl.create(i)));
  return { results, counters: await bed.emu.admin.counters() };
}

describe("the shared RDS rate limiter against an endpoint enforcing a request quota", () => {
  it("keeps 20 clusters' calls inside its share: no throttled answer at all", async () => {
    bed = await startTestbed({ quotaMode: true, quotaBurst: 20, quotaRatePerSecond: 40 });
    const ids = Array.from({ length: 20 }, (_, i) => `inside-${i}`);
    const { results, counters } = await stopAll(ids, "20", "10");
    expect(results.map((r) => r.outs?.status)).toEqual(ids.map(() => "stopped"));
    expect(counters.quotaThrottled).toBe(0);
    expect(counters.calls.StopDBCluster).toBe(20);
  });

  it("a share larger than the quota gets throttled, slows down, and every cluster still converges", async () => {
    bed = await startTestbed({ quotaMode: true, quotaBurst: 5, quotaRatePerSecond: 20 });
    const ids = Array.from({ length: 20 }, (_, i) => `over-${i}`);
    const { results, counters } = await stopAll(ids, "100", "100");
    expect(counters.quotaThrottled).toBeGreaterThan(0);
    expect(results.map((r) => r.outs?.status)).toEqual(ids.map(() => "stopped"));
    for (const id of ids) expect(await statusOf(bed.emu, id)).toBe("stopped");
  });
});
