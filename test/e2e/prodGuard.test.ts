/**
 * examples/prod-guard under the real engine (CLI 3.259 from `npm run engine`): the example program
 * previewed with the compiled aurora-power pack (`policy/`) and the example's
 * `policy-pack-config.json`, as its README tells users to run it.
 */
import * as path from "node:path";
import { CommandError } from "@pulumi/pulumi/automation";
import { repoRoot, withInlineStack } from "../../scripts/harness";
import { PRODUCTION_CLUSTER, program } from "../../examples/prod-guard/program";

const POLICY_DIR = path.join(repoRoot(), "policy");
const POLICY_CONFIG = path.join(repoRoot(), "examples", "prod-guard", "policy-pack-config.json");
/** Nothing listens here: a preview must not reach RDS, and nothing may reach AWS. */
const NO_ENDPOINT = "http://127.0.0.1:9";

/** Previews the example with config `state`; returns whether it passed and the engine's output. */
async function previewWithState(state: string): Promise<{ passed: boolean; output: string }> {
  const chunks: string[] = [];
  const options = {
    program: () => Promise.resolve(program()),
    endpointUrl: NO_ENDPOINT,
    projectName: "prod-guard",
    config: { state: { value: state } },
    policyPacks: [POLICY_DIR],
    onOutput: (text: string) => chunks.push(text),
  };
  return withInlineStack(options, async (run) => {
    let passed = true;
    try {
      const result = await run.preview({ policyPackConfigs: [POLICY_CONFIG] });
      expect(result.changeSummary).toEqual({ create: 2 });
    } catch (error) {
      // A failed preview is the CLI exiting non-zero; anything else is a broken test run.
      if (!(error instanceof CommandError)) throw error;
      passed = false;
    }
    return { passed, output: chunks.join("") };
  });
}

describe("examples/prod-guard with the aurora-power pack under the real engine", () => {
  it("fails the preview with a mandatory violation naming the production cluster", async () => {
    const { passed, output } = await previewWithState("stopped");
    expect(passed).toBe(false);
    expect(output).toContain("[mandatory] [severity: critical]  aurora-production-never-stopped");
    expect(output).toContain(
      `ClusterPowerState \`orders-prod-power\` stops production cluster \`${PRODUCTION_CLUSTER}\` ` +
        "(identifier pattern `(^|[-_.])(prod|production|prd)[0-9]*([-_.]|$)`). Production clusters must " +
        'keep running: set `state: "running"` or remove the resource.',
    );
  });

  it("passes the preview once the production cluster is set running", async () => {
    const { passed, output } = await previewWithState("running");
    expect(passed).toBe(true);
    expect(output).toContain("✅ aurora-power@v0.2.0");
    expect(output).not.toContain("aurora-production-never-stopped");
    expect(output).not.toContain("[mandatory]");
  });
});
