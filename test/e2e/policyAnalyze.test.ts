import * as fs from "node:fs";
import * as path from "node:path";
import { buildStackEnv, runProvisionedCli, withInlineStack } from "../../scripts/harness";
import { echoProgram } from "../support/echoProgram";
import { FIXTURE_VIOLATION, writeFixturePolicyPack } from "../support/fixturePolicyPack";

// No RDS call happens in these stacks; an unroutable loopback port keeps any stray call local.
const NO_ENDPOINT = "http://127.0.0.1:9";

describe("Node.js policy packs with the provisioned CLI (no language host)", () => {
  it("`pulumi policy analyze --file` judges a stack export with a Node.js pack", async () => {
    await withInlineStack(
      { program: echoProgram("forbidden"), endpointUrl: NO_ENDPOINT },
      async (run) => {
        await run.up();
        const exportFile = await run.exportTo(path.join(run.workDir, "stack-export.json"));
        const packDir = writeFixturePolicyPack(path.join(run.workDir, "pack"));
        const env = buildStackEnv({
          endpointUrl: NO_ENDPOINT,
          region: "us-east-1",
          backendDir: path.join(run.workDir, "backend"),
        });

        const result = await runProvisionedCli(
          ["policy", "analyze", "--policy-pack", packDir, "--file", exportFile],
          {
            cwd: run.workDir,
            env,
          },
        );

        expect(result.code).not.toBe(0);
        expect(result.stdout + result.stderr).toContain(FIXTURE_VIOLATION);
        expect(result.stdout + result.stderr).toContain("fixture-no-forbidden-message");
      },
    );
  });

  it("`policyPacks` on preview fails a mandatory violation and passes a compliant program", async () => {
    const packDir = writeFixturePolicyPack(
      path.join(__dirname, "../../.pulumi-test", `pack-${process.pid}`),
    );
    const options = { endpointUrl: NO_ENDPOINT, policyPacks: [packDir] };
    try {
      await withInlineStack({ ...options, program: echoProgram("forbidden") }, async (run) => {
        await expect(run.preview()).rejects.toThrow(FIXTURE_VIOLATION);
      });
      await withInlineStack({ ...options, program: echoProgram("allowed") }, async (run) => {
        const preview = await run.preview();
        expect(preview.changeSummary).toEqual({ create: 2 });
      });
    } finally {
      fs.rmSync(packDir, { recursive: true, force: true });
    }
  });
});
