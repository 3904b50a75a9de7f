/**
 * Issue 19, defect 6, through the real engine: `orders-prod01` and `prod2-orders` were
 * non-production under the default pattern `(^|[-_.])(prod|production|prd)([-_.]|$)`, so a
 * ClusterPowerState stopping them passed the pack and stopped them. On the code before the fix the
 * `up` succeeds and both clusters end `stopped`, so this test fails there.
 */
import * as path from "node:path";
import { ClusterPowerState } from "aurora-power";
import type { RunningEmulator } from "aurora-power/emulator";
import { repoRoot, withInlineStack } from "../../../scripts/harness";
import { e2eStackOptions, startE2eEmulator, statusesOf } from "../../support/e2eEmulator";

const POLICY_DIR = path.join(repoRoot(), "policy");
const CLUSTERS = ["orders-prod01", "prod2-orders"];

describe("defect 6: the default production pattern fails open (real engine, aurora-power pack)", () => {
  let emulator: RunningEmulator;

  beforeAll(async () => {
    emulator = await startE2eEmulator(CLUSTERS.map((id) => ({ DBClusterIdentifier: id })));
  });
  afterAll(() => emulator.stop());

  it.each(CLUSTERS)("refuses a ClusterPowerState stopping `%s`; it is not stopped", async (id) => {
    const output: string[] = [];
    const program = () => {
      new ClusterPowerState(`pause-${id}`, { clusterIdentifier: id, state: "stopped" });
      return Promise.resolve();
    };
    const options = {
      ...e2eStackOptions(emulator, program),
      policyPacks: [POLICY_DIR],
      onOutput: (text: string) => output.push(text),
    };
    await emulator.admin.resetCounters();
    await withInlineStack(options, async (run) => {
      await expect(run.up()).rejects.toThrow();
    });
    expect(output.join("")).toContain(
      `ClusterPowerState \`pause-${id}\` stops production cluster \`${id}\` (identifier pattern ` +
        "`(^|[-_.])(prod|production|prd)[0-9]*([-_.]|$)`)",
    );
    const { calls } = await emulator.admin.counters();
    expect(calls.StopDBCluster).toBe(0);
    expect(await statusesOf(emulator, [id])).toEqual({ [id]: "available" });
  });
});
