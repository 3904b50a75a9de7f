/**
 * Issue 19, defect 4 (the policy side), through the real engine: two resources holding the power
 * state of one cluster undo each other on every `up`.
 *
 * At preview the provider's own `check` now refuses the second holder (issue 19, provider side), so
 * the engine stops before any stack policy runs; the first two tests show the preview refused and
 * naming both resources. The pack's rule `aurora-one-power-holder-per-cluster` judges what `check`
 * cannot: a stack already holding a cluster twice (states written before that check). The last test
 * runs it through `pulumi policy analyze --file` on such a stack export. On the pack before the fix
 * (no such rule) that analysis passes, so this file fails there.
 */
import * as path from "node:path";
import type { PulumiFn } from "@pulumi/pulumi/automation";
import { ClusterFleetPowerState, ClusterPowerState } from "aurora-power";
import { repoRoot, withInlineStack } from "../../../scripts/harness";
import { NO_ENDPOINT, POLICY_DIR, analyzeStackExport } from "./analyzeStackExport";

const FIXTURE = path.join(repoRoot(), "test", "fixtures", "policy", "twoHoldersStack.json");
const FIX =
  "Each would undo the other's state on every `pulumi up`, and removing either applies its `onDelete` to a cluster the other still holds. " +
  "Keep one holder: remove the other resource (or the cluster from its `clusterIdentifiers`); to move the cluster to a new resource, " +
  "give the new one `aliases` naming the old one instead of declaring both.";

/** Previews `program` with the pack; returns the engine's output after a refused preview. */
async function refusedPreview(program: PulumiFn): Promise<string> {
  const output: string[] = [];
  const options = {
    program,
    endpointUrl: NO_ENDPOINT,
    policyPacks: [POLICY_DIR],
    onOutput: (text: string) => output.push(text),
  };
  await withInlineStack(options, async (run) => {
    await expect(run.preview()).rejects.toThrow();
  });
  return output.join("");
}

describe("defect 4: two holders of one cluster (real engine, aurora-power pack)", () => {
  it("refuses at preview two ClusterPowerStates of `dup-a` with opposite states, naming both", async () => {
    const text = await refusedPreview(() => {
      new ClusterPowerState("dup-a-running", { clusterIdentifier: "dup-a", state: "running" });
      new ClusterPowerState("dup-a-stopped", { clusterIdentifier: "dup-a", state: "stopped" });
      return Promise.resolve();
    });
    expect(text).toMatch(/dup-a-running[^\n]*dup-a-stopped|dup-a-stopped[^\n]*dup-a-running/);
    expect(text).toContain("cluster `dup-a` (us-east-1)");
  });

  it("refuses at preview a fleet member `MIX-A` and a ClusterPowerState of `mix-a`, naming both", async () => {
    const text = await refusedPreview(() => {
      new ClusterFleetPowerState("mix-fleet", {
        clusterIdentifiers: ["MIX-A", "mix-b"],
        state: "stopped",
      });
      new ClusterPowerState("mix-single", { clusterIdentifier: "mix-a", state: "running" });
      return Promise.resolve();
    });
    expect(text).toMatch(/mix-fleet[^\n]*mix-single|mix-single[^\n]*mix-fleet/);
    expect(text).toContain("cluster `mix-a` (us-east-1)");
  });

  it("`aurora-one-power-holder-per-cluster` refuses a stack holding `dup-a` and `mix-a` twice", async () => {
    const { code, output } = await analyzeStackExport(FIXTURE);
    expect(code).not.toBe(0);
    expect(output).toContain(
      "[mandatory] [severity: high]  aurora-one-power-holder-per-cluster  (pulumi-nodejs:dynamic/aurora:ClusterPowerState: dup-a-stopped)",
    );
    expect(output).toContain(
      `ClusterPowerState \`dup-a-running\` and ClusterPowerState \`dup-a-stopped\` both hold the power state of cluster \`dup-a\` (us-east-1). ${FIX}`,
    );
    expect(output).toContain(
      `ClusterFleetPowerState \`mix-fleet\` and ClusterPowerState \`mix-single\` both hold the power state of cluster \`mix-a\` (us-east-1). ${FIX}`,
    );
  });
});
