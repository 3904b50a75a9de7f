import { ClusterPowerState } from "aurora-power";
import type { RunningEmulator } from "aurora-power/emulator";
import { withInlineStack } from "../../../scripts/harness";
import { e2eStackOptions, startE2eEmulator, statusesOf } from "../../support/e2eEmulator";

// Issue 19, defect 2: a single `ClusterPowerState` ignored statuses that are neither running nor
// stopped. With `state: "running"` and the cluster in
// `inaccessible-encryption-credentials-recoverable`, refresh + up said "unchanged" and sent no
// StartDBCluster; with `state: "stopped"` and `storage-full`, up succeeded silently.
const holding = (id: string, state: "running" | "stopped") => () => {
  const power = new ClusterPowerState(id, { clusterIdentifier: id, state, onDelete: "retain" });
  return Promise.resolve({ status: power.status });
};

describe("defect 2: a single ClusterPowerState follows its recorded status", () => {
  let emulator: RunningEmulator;

  beforeAll(async () => {
    emulator = await startE2eEmulator([
      { DBClusterIdentifier: "kms-back", Status: "available" },
      { DBClusterIdentifier: "disk-full", Status: "available" },
    ]);
  });
  afterAll(() => emulator.stop());

  it("starts a running cluster that refresh saw in inaccessible-encryption-credentials-recoverable", async () => {
    let output = "";
    const options = { ...e2eStackOptions(emulator, holding("kms-back", "running")) };
    options.onOutput = (text: string) => void (output += text);
    await withInlineStack(options, async (run) => {
      await run.up();
      await emulator.admin.forceStatus(
        "kms-back",
        "inaccessible-encryption-credentials-recoverable",
      );
      await run.refresh();
      await emulator.admin.resetCounters();

      output = "";
      const preview = await run.preview();
      expect(preview.changeSummary).toEqual({ update: 1, same: 1 });
      expect(output).toContain(
        "cluster `kms-back` (us-east-1) was last seen `inaccessible-encryption-credentials-recoverable`: `pulumi up` will call StartDBCluster to make it `running`",
      );

      const up = await run.up();
      expect(up.summary.resourceChanges).toEqual({ update: 1, same: 1 });
      const { calls } = await emulator.admin.counters();
      expect(calls.StartDBCluster).toBe(1);
      expect(await statusesOf(emulator, ["kms-back"])).toEqual({ "kms-back": "available" });
    });
  });

  it("fails a stopped cluster that refresh saw in storage-full, saying why", async () => {
    await withInlineStack(
      e2eStackOptions(emulator, holding("disk-full", "stopped")),
      async (run) => {
        await run.up();
        await emulator.admin.forceStatus("disk-full", "storage-full");
        await run.refresh();
        await emulator.admin.resetCounters();
        await expect(run.up()).rejects.toThrow(
          "cluster `disk-full` (us-east-1) is `storage-full`: the cluster is in `storage-full`, which needs an operator's action in the RDS console",
        );
        const { calls } = await emulator.admin.counters();
        expect([calls.StopDBCluster ?? 0, calls.StartDBCluster ?? 0]).toEqual([0, 0]);
        await emulator.admin.forceStatus("disk-full", "stopped");
      },
    );
  });
});
