import { CLUSTER_FLEET_POWER_STATE_TYPE, ClusterFleetPowerState } from "aurora-power";
import type { RunningEmulator } from "aurora-power/emulator";
import { withInlineStack, type InlineStack } from "../../scripts/harness";
import {
  e2eStackOptions,
  startE2eEmulator,
  statusesOf,
  waitForStatus,
} from "../support/e2eEmulator";

const FLEET = Array.from({ length: 20 }, (_, i) => `fleet-${String(i).padStart(2, "0")}`);
const ADDED = "fleet-added";
const PARTIAL = ["part-a", "part-b"];

function fleetProgram(clusterIdentifiers: string[]) {
  return () => {
    const fleet = new ClusterFleetPowerState("dev-fleet", {
      clusterIdentifiers,
      state: "stopped",
      onDelete: "restore",
    });
    return Promise.resolve({ members: fleet.members });
  };
}

/** The `members` the fleet recorded in the stack's state (refresh updates these). */
async function recordedMembers(run: InlineStack): Promise<Record<string, { state: string }>> {
  const { deployment } = await run.stack.exportStack();
  const resources =
    (deployment as { resources?: { type: string; outputs?: Record<string, unknown> }[] })
      .resources ?? [];
  const fleet = resources.find((r) => r.type === CLUSTER_FLEET_POWER_STATE_TYPE);
  return (fleet?.outputs?.members ?? {}) as Record<string, { state: string }>;
}

async function powerCalls(emulator: RunningEmulator): Promise<[number, number]> {
  const { calls } = await emulator.admin.counters();
  return [calls.StopDBCluster, calls.StartDBCluster];
}

const all = (ids: string[], status: string) => Object.fromEntries(ids.map((id) => [id, status]));

describe("ClusterFleetPowerState under the real engine", () => {
  let emulator: RunningEmulator;

  beforeAll(async () => {
    emulator = await startE2eEmulator([
      ...[...FLEET, ADDED, ...PARTIAL].map((id) => ({ DBClusterIdentifier: id })),
    ]);
  });
  afterAll(() => emulator.stop());

  it("stops 20 clusters as one resource; refresh shows drift; up converges; a list change is an update; destroy restores", async () => {
    await withInlineStack(e2eStackOptions(emulator, fleetProgram(FLEET)), async (run) => {
      const up = await run.up();
      expect(up.summary.resourceChanges).toEqual({ create: 2 });
      expect(await statusesOf(emulator, FLEET)).toEqual(all(FLEET, "stopped"));
      const members = up.outputs.members?.value as Record<string, { status: string }>;
      expect(Object.keys(members)).toEqual(FLEET);

      // RDS restarts one member after 7 days: refresh records it, up stops that one alone.
      await emulator.admin.triggerAutoRestart("fleet-03");
      await waitForStatus(emulator, "fleet-03", "available");
      const refresh = await run.refresh();
      expect(refresh.summary.resourceChanges).toEqual({ update: 1, same: 1 });
      expect((await recordedMembers(run))["fleet-03"]?.state).toBe("running");
      await emulator.admin.resetCounters();
      const converge = await run.up();
      expect(converge.summary.resourceChanges).toEqual({ update: 1, same: 1 });
      expect(await powerCalls(emulator)).toEqual([1, 0]);
      expect(await statusesOf(emulator, FLEET)).toEqual(all(FLEET, "stopped"));

      // One member out, one in: an update, not a replacement; the one out is restored.
      const changed = [...FLEET.slice(1), ADDED];
      const preview = await run.preview({ program: fleetProgram(changed) });
      expect(preview.changeSummary).toEqual({ update: 1, same: 1 });
      await emulator.admin.resetCounters();
      const update = await run.up({ program: fleetProgram(changed) });
      expect(update.summary.resourceChanges).toEqual({ update: 1, same: 1 });
      expect(await powerCalls(emulator)).toEqual([1, 1]);
      expect(await statusesOf(emulator, ["fleet-00", ADDED])).toEqual({
        "fleet-00": "available",
        [ADDED]: "stopped",
      });
      expect(Object.keys(await recordedMembers(run))).toEqual(changed);

      await emulator.admin.resetCounters();
      const quiet = await run.up({ program: fleetProgram(changed) });
      expect(quiet.summary.resourceChanges).toEqual({ same: 2 });
      expect(await powerCalls(emulator)).toEqual([0, 0]);

      const destroy = await run.destroy();
      expect(destroy.summary.resourceChanges).toEqual({ delete: 2 });
      expect(await statusesOf(emulator, [...FLEET, ADDED])).toEqual(
        all([...FLEET, ADDED], "available"),
      );
    });
  });

  it("keeps the fleet after a partial failure (a missing member), and the next up after fixing the list succeeds", async () => {
    await withInlineStack(
      e2eStackOptions(emulator, fleetProgram([...PARTIAL, "part-missing"])),
      async (run) => {
        await expect(run.up()).rejects.toThrow(
          /cluster `part-missing` \(us-east-1\) was not found; check `clusterIdentifier`, `region` and the account of the credentials/,
        );
        expect(await statusesOf(emulator, PARTIAL)).toEqual(all(PARTIAL, "stopped"));
        expect(Object.keys(await recordedMembers(run))).toEqual(PARTIAL);

        await emulator.admin.resetCounters();
        const fixed = await run.up({ program: fleetProgram(PARTIAL) });
        expect(fixed.summary.resourceChanges).toEqual({ update: 1, same: 1 });
        expect(await powerCalls(emulator)).toEqual([0, 0]);

        await run.destroy();
        expect(await statusesOf(emulator, PARTIAL)).toEqual(all(PARTIAL, "available"));
      },
    );
  });
});
