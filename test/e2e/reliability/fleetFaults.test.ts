import { ClusterFleetPowerState } from "aurora-power";
import type { RunningEmulator } from "aurora-power/emulator";
import { withInlineStack } from "../../../scripts/harness";
import { startE2eEmulator } from "../../support/e2eEmulator";
import {
  FAULT_MIX,
  NO_FAULTS,
  clusterIds,
  reliabilityStackOptions,
  reportFaultSeed,
  reportFigure,
  statusCounts,
} from "./reliabilityStack";

const COUNT = 200;

describe("`pulumi up` of one ClusterFleetPowerState of 200 members under injected faults", () => {
  let emulator: RunningEmulator;
  const ids = clusterIds("fleetfault", COUNT);

  beforeAll(async () => {
    emulator = await startE2eEmulator(ids.map((id) => ({ DBClusterIdentifier: id })));
    reportFaultSeed(emulator, "fleetFaults.test.ts");
  });
  afterAll(() => emulator.stop());

  it("converges every member: 200 StopDBCluster calls at once are absorbed by retries", async () => {
    const program = () => {
      new ClusterFleetPowerState("fleet", {
        clusterIdentifiers: ids,
        state: "stopped",
        timeoutMinutes: 2,
      });
      return Promise.resolve();
    };
    // The fault mix throttles 30 % of the calls at random, whatever their pace; the provider's
    // limiter reads that as an empty account quota and slows to an eighth of its share. This test
    // is about absorbing faults, so it gives the provider the endpoint's whole bucket (300, and a
    // floor of 12.5/s); pacing under RDS's real bucket is measured in `npm run bench:b5`.
    const wholeBucket = { AURORA_POWER_RDS_RATE: "100", AURORA_POWER_RDS_BURST: "300" };
    const options = reliabilityStackOptions(emulator, program, wholeBucket);
    await withInlineStack(options, async (run) => {
      await emulator.admin.setConfig(FAULT_MIX);
      await emulator.admin.resetCounters();
      const startedAt = Date.now();
      const up = await run.up();
      const upMs = Date.now() - startedAt;
      const counters = await emulator.admin.counters();

      expect(up.summary.result).toBe("succeeded");
      expect(up.summary.resourceChanges).toEqual({ create: 2 });
      expect(await statusCounts(emulator, ids)).toEqual({ stopped: COUNT });
      expect(counters.errorsInjected.Throttling).toBeGreaterThan(0);
      expect(counters.errorsInjected.InternalFailure).toBeGreaterThan(0);
      expect(counters.calls.StopDBCluster).toBeGreaterThanOrEqual(COUNT);
      reportFigure("fleet of 200, 30% Throttling + 5% InternalFailure + 25 ms", {
        converged: `${(await statusCounts(emulator, ids)).stopped}/${COUNT}`,
        upMs,
        calls: counters.calls,
        errorsInjected: counters.errorsInjected,
      });

      await emulator.admin.setConfig(NO_FAULTS);
      expect((await run.preview()).changeSummary).toEqual({ same: 2 });
      const destroy = await run.destroy();
      expect(destroy.summary.result).toBe("succeeded");
      expect(await statusCounts(emulator, ids)).toEqual({ available: COUNT });
    });
  }, 240_000);
});
