import type { RunningEmulator } from "aurora-power/emulator";
import { withInlineStack } from "../../../scripts/harness";
import { startE2eEmulator } from "../../support/e2eEmulator";
import {
  FAULT_MIX,
  NO_FAULTS,
  clusterIds,
  holdAll,
  plantedCredentialsIn,
  reliabilityStackOptions,
  reportFaultSeed,
  reportFigure,
  statusCounts,
} from "./reliabilityStack";

const COUNT = 50;

function total(record: Record<string, number>): number {
  return Object.values(record).reduce((sum, n) => sum + n, 0);
}

describe("`pulumi up` of 50 ClusterPowerState resources under injected faults", () => {
  let emulator: RunningEmulator;
  const ids = clusterIds("fleet", COUNT);

  beforeAll(async () => {
    emulator = await startE2eEmulator(ids.map((id) => ({ DBClusterIdentifier: id })));
    reportFaultSeed(emulator, "faults.test.ts");
  });
  afterAll(() => emulator.stop());

  it("converges every cluster with 0 failed resources; the retries spent are reported", async () => {
    await withInlineStack(
      reliabilityStackOptions(emulator, holdAll(ids, "stopped")),
      async (run) => {
        await emulator.admin.setConfig(FAULT_MIX);
        await emulator.admin.resetCounters();
        const startedAt = Date.now();
        const up = await run.up();
        const upMs = Date.now() - startedAt;
        const counters = await emulator.admin.counters();

        expect(up.summary.result).toBe("succeeded");
        expect(up.summary.resourceChanges).toEqual({ create: COUNT + 1 });
        expect(await statusCounts(emulator, ids)).toEqual({ stopped: COUNT });
        // The faults really happened, and every one was absorbed by a retry.
        expect(counters.errorsInjected.Throttling).toBeGreaterThan(0);
        expect(counters.errorsInjected.InternalFailure).toBeGreaterThan(0);
        // One StopDBCluster per cluster got through; every other one was a faulted attempt retried.
        expect(counters.calls.StopDBCluster).toBeGreaterThanOrEqual(COUNT);
        reportFigure("50 clusters, 30% Throttling + 5% InternalFailure + 25 ms", {
          converged: `${(await statusCounts(emulator, ids)).stopped}/${COUNT}`,
          failedResources: 0,
          upMs,
          calls: counters.calls,
          errorsInjected: counters.errorsInjected,
          retriesSpent: total(counters.errorsInjected),
        });

        // A second preview sees nothing to do; destroy (faults off, to keep the suite short) restores every cluster.
        expect((await run.preview()).changeSummary).toEqual({ same: COUNT + 1 });
        await emulator.admin.setConfig(NO_FAULTS);
        const destroy = await run.destroy();
        expect(destroy.summary.result).toBe("succeeded");
        expect(await statusCounts(emulator, ids)).toEqual({ available: COUNT });
        expect(await plantedCredentialsIn(run)).toEqual([]);
      },
    );
    // About 20 s with the default `standard` retry mode; `AWS_RETRY_MODE=adaptive` paces the
    // client to ~1 request/s after throttling (80–123 s measured): keep room for it.
  }, 240_000);
});
