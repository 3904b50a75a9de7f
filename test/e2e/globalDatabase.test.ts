/**
 * Issue 16 acceptance, through the real engine against the local endpoint: the only cluster of an
 * Aurora global database is stopped and restored on destroy; a member of a global database of two
 * is refused at create with nothing changed (no StopDBCluster reaches the endpoint).
 */
import { ClusterPowerState } from "aurora-power";
import type { RunningEmulator } from "aurora-power/emulator";
import { withInlineStack } from "../../scripts/harness";
import { e2eStackOptions, startE2eEmulator, statusesOf } from "../support/e2eEmulator";

const program = (clusterIdentifier: string) => () => {
  new ClusterPowerState(`${clusterIdentifier}-power`, { clusterIdentifier, state: "stopped" });
  return Promise.resolve();
};

describe("global database members end to end against the local RDS endpoint", () => {
  let emulator: RunningEmulator;

  beforeAll(async () => {
    emulator = await startE2eEmulator([
      { DBClusterIdentifier: "gdb-solo", GlobalClusterIdentifier: "solo-gdb", Status: "available" },
      { DBClusterIdentifier: "gdb-primary", GlobalClusterIdentifier: "two-gdb" },
      {
        DBClusterIdentifier: "gdb-secondary",
        GlobalClusterIdentifier: "two-gdb",
        region: "us-west-2",
      },
    ]);
  });
  afterAll(() => emulator.stop());

  it("stops the only cluster of a global database and restores it on destroy", async () => {
    await withInlineStack(e2eStackOptions(emulator, program("gdb-solo")), async (run) => {
      const up = await run.up();
      expect(up.summary.resourceChanges).toEqual({ create: 2 });
      expect(await statusesOf(emulator, ["gdb-solo"])).toEqual({ "gdb-solo": "stopped" });
      const destroy = await run.destroy();
      expect(destroy.summary.resourceChanges).toEqual({ delete: 2 });
      expect(await statusesOf(emulator, ["gdb-solo"])).toEqual({ "gdb-solo": "available" });
    });
  });

  it("refuses a member of a global database of two at create, with nothing changed", async () => {
    await emulator.admin.resetCounters();
    await withInlineStack(e2eStackOptions(emulator, program("gdb-primary")), async (run) => {
      await expect(run.up()).rejects.toThrow(
        /cluster `gdb-primary` \(\S+\) cannot be stopped: it is a member of global database `two-gdb`, which has 2 clusters; RDS stops a global database member only when it is the only cluster; detach the other clusters from the global database first \(RemoveFromGlobalCluster\), or leave it running/,
      );
      const counters = await emulator.admin.counters();
      expect(counters.calls.StopDBCluster).toBe(0);
      expect(counters.calls.StartDBCluster).toBe(0);
      expect(counters.calls.DescribeGlobalClusters).toBe(1);
      expect(await statusesOf(emulator, ["gdb-primary"])).toEqual({ "gdb-primary": "available" });
    });
  });
});
