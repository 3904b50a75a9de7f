/** The acceptance figures of issue 15, measured locally (see bench/stopWorkflowBench.ts). */
import { benchStopWorkflow } from "../../../bench/stopWorkflowBench";

test.each([0, 0.3])(
  "20 automatic starts, throttle rate %s: stopped within S + poll + stop",
  async (throttleRate) => {
    const result = await benchStopWorkflow({
      runs: 20,
      settleSeconds: 1,
      pollMs: 250,
      stopSeconds: 0.5,
      throttleRate,
      concurrency: 4,
    });
    console.log(JSON.stringify(result));
    expect(result.succeeded).toBe(20);
    expect(result.stopCallsOnBusyCluster).toBe(0);
    // Throttled calls add the Retry pauses: allowed one more poll interval under 30 % throttling.
    const slack = throttleRate > 0 ? result.pollMs : 0;
    expect(result.p95Ms).toBeLessThanOrEqual(result.boundMs + slack);
  },
);
