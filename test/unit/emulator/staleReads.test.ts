import { ClusterStore } from "../../../emulator/clusterStore";
import { ManualClock } from "../../../emulator/clock";
import { DEFAULT_CONFIG, mergeConfig } from "../../../emulator/config";
import { QueryParams } from "../../../emulator/queryParams";
import { describeDBClusters } from "../../../emulator/actions/describeDBClusters";
import { startDBCluster } from "../../../emulator/actions/startDBCluster";
import { stopDBCluster } from "../../../emulator/actions/stopDBCluster";
import { emptyCounters } from "../../../emulator/emulatorState";
import type { ActionHandler } from "../../../emulator/actions/actionContext";
import type { EmulatorConfig, SeedCluster } from "../../../emulator/types";
import { parseCliArgs } from "../../../emulator/cli";

const T0 = Date.parse("2026-11-23T10:00:00.000Z");

/** One store with one cluster, a fake clock and a 2 s stale window unless told otherwise. */
function setup(overrides: Partial<EmulatorConfig> = {}, seed: Partial<SeedCluster> = {}) {
  const clock = new ManualClock(T0);
  const config: EmulatorConfig = {
    ...DEFAULT_CONFIG,
    stopSeconds: 1,
    startSeconds: 1,
    staleReadSeconds: 2,
    ...overrides,
  };
  const store = new ClusterStore(() => config, clock);
  store.seed({ DBClusterIdentifier: "dev-orders", ...seed });
  const call = (handler: ActionHandler, body: string) =>
    handler({ params: new QueryParams(body), store, counters: emptyCounters() });
  /** The status DescribeDBClusters answers for the cluster right now. */
  const described = () => {
    const result = call(describeDBClusters, "DBClusterIdentifier=dev-orders") as {
      DBClusters: { DBCluster: { Status: string; AutomaticRestartTime?: string }[] };
    };
    return result.DBClusters.DBCluster[0];
  };
  const act = (handler: ActionHandler) =>
    (call(handler, "DBClusterIdentifier=dev-orders") as { DBCluster: { Status: string } }).DBCluster
      .Status;
  return { clock, config, store, described, act };
}

describe("stale reads after a power call (staleReadSeconds)", () => {
  it("keeps describing `available` for staleReadSeconds after a stop, then the live status", () => {
    const { clock, store, described, act } = setup();
    expect(act(stopDBCluster)).toBe("stopping");
    expect(described()?.Status).toBe("available");
    clock.advanceSeconds(1.999);
    expect(store.get("dev-orders").status).toBe("stopped");
    expect(described()).toEqual(
      expect.objectContaining({ Status: "available", AutomaticRestartTime: undefined }),
    );
    clock.advanceSeconds(0.001);
    expect(described()).toEqual(
      expect.objectContaining({ Status: "stopped", AutomaticRestartTime: expect.any(String) }),
    );
  });

  it("keeps describing `stopped` with its restart time for staleReadSeconds after a start", () => {
    const { clock, described, act } = setup({}, { Status: "stopped" });
    const restartTime = described()?.AutomaticRestartTime;
    expect(restartTime).toBe("2026-11-30T10:00:00.000Z");
    expect(act(startDBCluster)).toBe("starting");
    clock.advanceSeconds(1.5);
    expect(described()).toEqual(
      expect.objectContaining({ Status: "stopped", AutomaticRestartTime: restartTime }),
    );
    clock.advanceSeconds(0.5);
    expect(described()).toEqual(
      expect.objectContaining({ Status: "available", AutomaticRestartTime: undefined }),
    );
  });

  it("shows the live transitional status once the window is shorter than the transition", () => {
    const { clock, described, act } = setup({ staleReadSeconds: 0.5, stopSeconds: 5 });
    act(stopDBCluster);
    clock.advanceSeconds(0.499);
    expect(described()?.Status).toBe("available");
    clock.advanceSeconds(0.001);
    expect(described()?.Status).toBe("stopping");
  });

  it("answers the live status at once when staleReadSeconds is 0 (the default)", () => {
    const { described, act } = setup({ staleReadSeconds: DEFAULT_CONFIG.staleReadSeconds });
    act(stopDBCluster);
    expect(described()?.Status).toBe("stopping");
  });

  it("decides refusals on the live status, not on what describes show", () => {
    const { clock, store, described, act } = setup();
    act(stopDBCluster);
    clock.advanceSeconds(1);
    expect(described()?.Status).toBe("available");
    expect(() => act(stopDBCluster)).toThrow(
      "DbCluster dev-orders is in stopped state but expected it to be one of available",
    );
    expect(store.get("dev-orders").status).toBe("stopped");
  });

  it("records events at the live instants whatever describes show", () => {
    const { clock, store, act } = setup();
    act(stopDBCluster);
    clock.advanceSeconds(1);
    expect(store.events().map((e) => `${e.from}>${e.to}@${e.at}`)).toEqual([
      "available>stopping@2026-11-23T10:00:00.000Z",
      "stopping>stopped@2026-11-23T10:00:01.000Z",
    ]);
  });

  it("drops the stale snapshot when the admin forces a status", () => {
    const { store, described, act } = setup();
    act(stopDBCluster);
    expect(described()?.Status).toBe("available");
    store.forceStatus("dev-orders", "maintenance");
    expect(described()?.Status).toBe("maintenance");
  });

  it("is a config key and a CLI flag", () => {
    expect(DEFAULT_CONFIG.staleReadSeconds).toBe(0);
    expect(mergeConfig(DEFAULT_CONFIG, { staleReadSeconds: 3 }).staleReadSeconds).toBe(3);
    expect(() => mergeConfig(DEFAULT_CONFIG, { staleReadSeconds: -1 })).toThrow(
      "`staleReadSeconds` must be a number from 0 to 2147483.647 (seconds), got -1.",
    );
    expect(parseCliArgs(["--stale-read-seconds", "1.5"]).options).toEqual({
      staleReadSeconds: 1.5,
    });
  });
});
