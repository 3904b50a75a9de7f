import { ClusterPowerState, type OnDelete, type PowerState } from "aurora-power";
import type { EmulatorCounters, RunningEmulator } from "aurora-power/emulator";
import { withInlineStack, type InlineStack } from "../../scripts/harness";
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

type PowerCalls = EmulatorCounters["powerCallsByCluster"];
type Statuses = Record<string, string | undefined>;

/** What one run of up → refresh → up → destroy left behind, for the per-case tests to check. */
interface Observed {
  changes: { up: unknown; refresh: unknown; secondUp: unknown; destroy: unknown };
  /** Emulator status of each cluster after the first up, and after destroy. */
  afterUp: Statuses;
  afterDestroy: Statuses;
  /** The power state each resource recorded (its `status` output) after the first up. */
  recordedPower: Record<string, string>;
  /** StopDBCluster / StartDBCluster calls per cluster during each step. */
  calls: { up: PowerCalls; secondUp: PowerCalls; destroy: PowerCalls };
}

/** The power calls of one step: counters from zero, `step` run, the per-cluster calls read. */
async function callsDuring<T>(
  emulator: RunningEmulator,
  step: () => Promise<T>,
): Promise<[T, PowerCalls]> {
  await emulator.admin.resetCounters();
  const result = await step();
  return [result, (await emulator.admin.counters()).powerCallsByCluster];
}

async function runLifecycle(emulator: RunningEmulator, run: InlineStack): Promise<Observed> {
  const [up, upCalls] = await callsDuring(emulator, () => run.up());
  const afterUp = await statusesOf(emulator, IDS);
  const recordedPower = Object.fromEntries(
    Object.entries(up.outputs).map(([id, output]) => [id, powerOf(output.value)]),
  );
  const refresh = await run.refresh();
  const [secondUp, secondUpCalls] = await callsDuring(emulator, () => run.up());
  const [destroy, destroyCalls] = await callsDuring(emulator, () => run.destroy());
  return {
    changes: {
      up: up.summary.resourceChanges,
      refresh: refresh.summary.resourceChanges,
      secondUp: secondUp.summary.resourceChanges,
      destroy: destroy.summary.resourceChanges,
    },
    afterUp,
    afterDestroy: await statusesOf(emulator, IDS),
    recordedPower,
    calls: { up: upCalls, secondUp: secondUpCalls, destroy: destroyCalls },
  };
}

/** The one power call that takes a cluster from `from` to `to` (none when they match). */
function callsBetween(from: string, to: string): PowerCalls[string] | undefined {
  if (from === to) return undefined;
  return to === "stopped"
    ? { StopDBCluster: 1, StartDBCluster: 0 }
    : { StopDBCluster: 0, StartDBCluster: 1 };
}

// One engine run for all 8 clusters (as fast as the single test it replaced); each case then
// passes or fails on its own cluster's statuses, recorded output and power calls.
describe("ClusterPowerState under the real engine: up → refresh → up → destroy", () => {
  let emulator: RunningEmulator;
  let observed: Observed;

  beforeAll(async () => {
    emulator = await startE2eEmulator(
      CASES.map((c) => ({ DBClusterIdentifier: c.id, Status: c.initialStatus })),
    );
    observed = await withInlineStack(e2eStackOptions(emulator, program), (run) =>
      runLifecycle(emulator, run),
    );
  });
  afterAll(() => emulator?.stop());

  it("creates every resource, and refresh and a second up change nothing", () => {
    const all = CASES.length + 1;
    expect(observed.changes).toEqual({
      up: { create: all },
      refresh: { same: all },
      secondUp: { same: all },
      destroy: { delete: all },
    });
  });

  test.each(CASES)("$id: state $state, onDelete $onDelete", (c) => {
    const held = heldStatus(c);
    expect({
      afterUp: observed.afterUp[c.id],
      recorded: observed.recordedPower[c.id],
      upCalls: observed.calls.up[c.id],
      secondUpCalls: observed.calls.secondUp[c.id],
      destroyCalls: observed.calls.destroy[c.id],
      afterDestroy: observed.afterDestroy[c.id],
    }).toEqual({
      afterUp: held,
      recorded: c.state,
      upCalls: callsBetween(c.initialStatus, held),
      secondUpCalls: undefined,
      destroyCalls: callsBetween(held, c.afterDestroy),
      afterDestroy: c.afterDestroy,
    });
  });
});
