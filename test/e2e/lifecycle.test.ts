import { ClusterPowerState, type OnDelete, type PowerState } from "aurora-power";
import type { RunningEmulator } from "aurora-power/emulator";
import { withInlineStack } from "../../scripts/harness";
import { e2eStackOptions, powerOf, startE2eEmulator, statusesOf } from "../support/e2eEmulator";

interface Case {
  id: string;
  initialStatus: "available" | "stopped";
  state: PowerState;
  onDelete: OnDelete;
  afterDestroy: "available" | "stopped";
}

const ON_DELETES: OnDelete[] = ["restore", "running", "stopped", "retain"];

// Every (state, onDelete) pair, each starting from the opposite power state so up must act.
const CASES: Case[] = (["stopped", "running"] as const).flatMap((state) =>
  ON_DELETES.map((onDelete): Case => {
    const initialStatus = state === "stopped" ? "available" : "stopped";
    const heldStatus = state === "stopped" ? "stopped" : "available";
    const afterDestroy = {
      restore: initialStatus,
      running: "available",
      stopped: "stopped",
      retain: heldStatus,
    }[onDelete];
    return {
      id: `${state === "stopped" ? "stop" : "run"}-${onDelete}`,
      initialStatus,
      state,
      onDelete,
      afterDestroy,
    } as Case;
  }),
);
const IDS = CASES.map((c) => c.id);

function program() {
  const statuses = CASES.map((c) => [
    c.id,
    new ClusterPowerState(c.id, { clusterIdentifier: c.id, state: c.state, onDelete: c.onDelete })
      .status,
  ]);
  return Promise.resolve(Object.fromEntries(statuses));
}

const heldStatus = (c: Case) => (c.state === "stopped" ? "stopped" : "available");

describe("ClusterPowerState under the real engine: up → refresh → up → destroy", () => {
  let emulator: RunningEmulator;

  beforeAll(async () => {
    emulator = await startE2eEmulator(
      CASES.map((c) => ({ DBClusterIdentifier: c.id, Status: c.initialStatus })),
    );
  });
  afterAll(() => emulator.stop());

  it("holds both states, stays quiet on refresh and a second up, and honours every onDelete", async () => {
    await withInlineStack(e2eStackOptions(emulator, program), async (run) => {
      const up = await run.up();
      expect(up.summary.resourceChanges).toEqual({ create: CASES.length + 1 });
      const held = Object.fromEntries(CASES.map((c) => [c.id, heldStatus(c)]));
      expect(await statusesOf(emulator, IDS)).toEqual(held);
      const recordedPower = Object.entries(up.outputs).map(([id, output]) => [
        id,
        powerOf(output.value),
      ]);
      expect(Object.fromEntries(recordedPower)).toEqual(
        Object.fromEntries(CASES.map((c) => [c.id, c.state])),
      );

      const refresh = await run.refresh();
      expect(refresh.summary.resourceChanges).toEqual({ same: CASES.length + 1 });

      await emulator.admin.resetCounters();
      const second = await run.up();
      expect(second.summary.resourceChanges).toEqual({ same: CASES.length + 1 });
      const counters = await emulator.admin.counters();
      expect([counters.calls.StopDBCluster, counters.calls.StartDBCluster]).toEqual([0, 0]);

      const destroy = await run.destroy();
      expect(destroy.summary.resourceChanges).toEqual({ delete: CASES.length + 1 });
      expect(await statusesOf(emulator, IDS)).toEqual(
        Object.fromEntries(CASES.map((c) => [c.id, c.afterDestroy])),
      );
    });
  });
});
