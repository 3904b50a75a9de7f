/**
 * B5, a fleet against RDS's request quota: one `ClusterFleetPowerState` of 1,000 clusters stopped
 * by `pulumi up` and started again by `pulumi destroy`, through the real engine and the inline
 * harness, against the local endpoint in quota mode with RDS's documented bucket (300 burst,
 * 12 requests/s, `Throttling` "Rate exceeded"), 20 s transitions; once alone and once with a
 * second, unrelated client spending 6 requests/s on the same bucket. Provider knobs at their
 * defaults. `BENCH_B5_CLUSTERS` overrides the fleet size (a smoke run).
 */
import { ClusterFleetPowerState } from "../provider";
import { startEmulator, type RunningEmulator } from "../emulator";
import { createInlineStack, type InlineStack } from "../scripts/harness";
import { startOtherClient, type OtherClientFigures } from "./otherClient";
import { startRecordingProxy, type RecordingProxy } from "./recordingProxy";
import { sampleStackProcesses } from "./stackProcesses";

/** RDS's documented bucket per account and Region, and B5's transition time. */
export const B5_SETTINGS = { burst: 300, ratePerSecond: 12, transitionSeconds: 20, otherRate: 6 };

/** Figures of one `up` or `destroy` of the fleet. */
export interface B5Operation {
  operation: "up (stop)" | "destroy (start)";
  converged: number;
  clusters: number;
  requests: number;
  throttled: number;
  wallS: number;
  /** T + max(0, requests − 300) / 12: the bucket's limit for these requests. */
  limitS: number;
  /** T + max(0, requests − 300) / (12 − other client's rate): the limit with the other client. */
  limitSharedS: number;
  providerPeakRssMb: number | undefined;
  /**
   * When, from the start of the operation, the first RDS request reached the endpoint (the
   * engine's own start-up before it), the last `StopDBCluster`/`StartDBCluster` did (the end of
   * the paced phase), and the last request did (the final describe); wall minus the last is the
   * engine's finish.
   */
  timeline: { firstRequestS: number; lastPowerCallS: number; lastRequestS: number };
}

/** One B5 scenario: alone, or with the other client. */
export interface B5Scenario {
  name: "alone" | "with another client at 6 req/s";
  operations: B5Operation[];
  other: OtherClientFigures | undefined;
}

const round1 = (n: number) => Math.round(n * 10) / 10;

async function converged(emu: RunningEmulator, ids: string[], status: string): Promise<number> {
  const wanted = new Set(ids);
  const clusters = await emu.admin.listClusters();
  return clusters.filter((c) => wanted.has(c.DBClusterIdentifier) && c.Status === status).length;
}

async function measure(
  stack: InlineStack,
  emu: RunningEmulator,
  proxy: RecordingProxy,
  ids: string[],
  kind: B5Operation["operation"],
): Promise<B5Operation> {
  proxy.reset();
  const sampler = sampleStackProcesses(stack.workDir);
  const started = performance.now();
  const sinceStart = (ms: number) => round1((ms - started) / 1000);
  let failure: unknown;
  try {
    await (kind === "up (stop)" ? stack.up() : stack.destroy());
  } catch (error) {
    failure = error;
  }
  const wallS = (performance.now() - started) / 1000;
  const processes = sampler.stop();
  const calls = proxy.calls();
  const requests = calls.length;
  const { burst, ratePerSecond, transitionSeconds: t, otherRate } = B5_SETTINGS;
  const over = Math.max(0, requests - burst);
  const figures: B5Operation = {
    operation: kind,
    converged: await converged(emu, ids, kind === "up (stop)" ? "stopped" : "available"),
    clusters: ids.length,
    requests,
    throttled: calls.filter((c) => c.throttled).length,
    wallS: round1(wallS),
    limitS: round1(t + over / ratePerSecond),
    limitSharedS: round1(t + over / (ratePerSecond - otherRate)),
    providerPeakRssMb: processes.providerPeakRssMb && round1(processes.providerPeakRssMb),
    timeline: {
      firstRequestS: sinceStart(Math.min(...calls.map((c) => c.startMs))),
      lastPowerCallS: sinceStart(
        Math.max(
          ...calls.filter((c) => /^(Stop|Start)DBCluster$/.test(c.action)).map((c) => c.startMs),
        ),
      ),
      lastRequestS: sinceStart(Math.max(...calls.map((c) => c.startMs))),
    },
  };
  if (failure)
    process.stderr.write(
      `B5 ${kind} failed: ${(failure instanceof Error ? failure.message : JSON.stringify(failure)).slice(0, 2000)}\n`,
    );
  return figures;
}

/** Runs one scenario on a fresh endpoint and stack. */
export async function runB5Scenario(
  clusters: number,
  withOther: boolean,
  log: (message: string) => void,
): Promise<B5Scenario> {
  const label = withOther ? "b5-shared" : "b5-alone";
  const ids = Array.from({ length: clusters }, (_, i) => `${label}-${String(i).padStart(4, "0")}`);
  const { burst, ratePerSecond, transitionSeconds, otherRate } = B5_SETTINGS;
  const emu = await startEmulator({
    stopSeconds: transitionSeconds,
    startSeconds: transitionSeconds,
    quotaMode: true,
    quotaBurst: burst,
    quotaRatePerSecond: ratePerSecond,
    seed: [...ids, `${label}-other`].map((id) => ({ DBClusterIdentifier: id })),
  });
  const proxy = await startRecordingProxy(emu.url);
  let stack: InlineStack | undefined;
  const other = withOther ? startOtherClient(emu.url, `${label}-other`, otherRate) : undefined;
  try {
    stack = await createInlineStack({
      program: () => {
        new ClusterFleetPowerState("fleet", { clusterIdentifiers: ids, state: "stopped" });
        return Promise.resolve({});
      },
      endpointUrl: proxy.url,
      region: "us-east-1",
      projectName: "aurora-power-b5",
    });
    const operations: B5Operation[] = [];
    for (const kind of ["up (stop)", "destroy (start)"] as const) {
      const figures = await measure(stack, emu, proxy, ids, kind);
      log(`B5 ${label} ${kind}: ${JSON.stringify(figures)}`);
      operations.push(figures);
    }
    const name = withOther ? "with another client at 6 req/s" : "alone";
    return { name, operations, other: await other?.stop() };
  } finally {
    await other?.stop();
    await stack?.dispose();
    await proxy.stop();
    await emu.stop();
  }
}
