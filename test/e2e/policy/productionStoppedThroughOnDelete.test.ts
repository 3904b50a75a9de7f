/**
 * Issue 19, defect 1, through the real engine: a production cluster held `running` with
 * `onDelete: "stopped"` used to pass the pack, and removing the resource from the program then
 * stopped production. `pulumi destroy` runs no policy pack, so the guard is the `up` of the program
 * that still declares the resource: it must be refused before the resource is created, so the later
 * removal never happens with that `onDelete`. On the code before the fix the first `up` succeeds
 * (and the removal's `up` calls StopDBCluster once), so each test fails there.
 */
import * as path from "node:path";
import { ClusterFleetPowerState, ClusterPowerState } from "aurora-power";
import type { RunningEmulator } from "aurora-power/emulator";
import type { PulumiFn } from "@pulumi/pulumi/automation";
import { repoRoot, withInlineStack } from "../../../scripts/harness";
import { e2eStackOptions, startE2eEmulator, statusesOf } from "../../support/e2eEmulator";

const POLICY_DIR = path.join(repoRoot(), "policy");
const CLUSTERS = ["prod-orders", "prod-billing"];

async function powerCalls(emulator: RunningEmulator): Promise<[number, number]> {
  const { calls } = await emulator.admin.counters();
  return [calls.StopDBCluster, calls.StartDBCluster];
}

const nothing: PulumiFn = () => Promise.resolve();

describe("defect 1: production stopped through `onDelete` (real engine, aurora-power pack)", () => {
  let emulator: RunningEmulator;

  beforeAll(async () => {
    emulator = await startE2eEmulator(CLUSTERS.map((id) => ({ DBClusterIdentifier: id })));
  });
  afterAll(() => emulator.stop());

  /** `up` with `program` is refused; then `up` without it (the removal) stops nothing. */
  async function expectRefusedAndHarmless(program: PulumiFn, expected: string): Promise<void> {
    const output: string[] = [];
    const options = {
      ...e2eStackOptions(emulator, program),
      policyPacks: [POLICY_DIR],
      onOutput: (text: string) => output.push(text),
    };
    await emulator.admin.resetCounters();
    await withInlineStack(options, async (run) => {
      await expect(run.up()).rejects.toThrow();
      const text = output.join("");
      expect(text).toContain("[mandatory] [severity: critical]  aurora-production-never-stopped");
      expect(text).toContain(expected);
      const { deployment } = await run.stack.exportStack();
      const types = ((deployment as { resources?: { type: string }[] }).resources ?? []).map(
        (r) => r.type,
      );
      expect(types.filter((t) => t.startsWith("pulumi-nodejs:dynamic/aurora:"))).toEqual([]);
      // The removal: the program without the resource.
      await run.up({ program: nothing });
    });
    expect(await powerCalls(emulator)).toEqual([0, 0]);
    expect(await statusesOf(emulator, CLUSTERS)).toEqual({
      "prod-orders": "available",
      "prod-billing": "available",
    });
  }

  it('refuses a ClusterPowerState of a production cluster with `onDelete: "stopped"`', async () => {
    const program: PulumiFn = () => {
      new ClusterPowerState("p", {
        clusterIdentifier: "prod-orders",
        state: "running",
        onDelete: "stopped",
      });
      return Promise.resolve();
    };
    await expectRefusedAndHarmless(
      program,
      "ClusterPowerState `p` stops production cluster `prod-orders` (identifier pattern " +
        "`(^|[-_.])(prod|production|prd)[0-9]*([-_.]|$)`) when it is removed from the program or " +
        'destroyed: `onDelete` is `stopped`. Production clusters must keep running: set `onDelete: "running"` ' +
        'or `onDelete: "retain"`.',
    );
  });

  it('refuses a ClusterFleetPowerState listing a production cluster with `onDelete: "stopped"`', async () => {
    const program: PulumiFn = () => {
      new ClusterFleetPowerState("f", {
        clusterIdentifiers: ["prod-billing"],
        state: "running",
        onDelete: "stopped",
      });
      return Promise.resolve();
    };
    await expectRefusedAndHarmless(
      program,
      "ClusterFleetPowerState `f` stops production cluster `prod-billing` (identifier pattern " +
        "`(^|[-_.])(prod|production|prd)[0-9]*([-_.]|$)`) when it is removed from the program or " +
        "destroyed, or the cluster leaves `clusterIdentifiers`: `onDelete` is `stopped`.",
    );
  });
});
