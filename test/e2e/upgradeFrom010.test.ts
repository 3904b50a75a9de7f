import * as fs from "node:fs";
import * as path from "node:path";
import { ClusterPowerState } from "aurora-power";
import type { RunningEmulator } from "aurora-power/emulator";
import { repoRoot, withInlineStack } from "../../scripts/harness";
import { SERIALIZED_PROVIDER } from "../../provider/shim";
import { e2eStackOptions, startE2eEmulator, statusesOf } from "../support/e2eEmulator";

// What aurora-power 0.1.0 stored as `__provider`: a 2.6 KB serialized closure.
const LEGACY_PROVIDER = fs.readFileSync(
  path.join(repoRoot(), "test/fixtures/provider/provider-0.1.0-serialized.txt"),
  "utf8",
);

const program = () => {
  const power = new ClusterPowerState("dev-power", {
    clusterIdentifier: "dev-upgrade",
    state: "stopped",
  });
  return Promise.resolve({ status: power.status });
};

type Deployment = { deployment: { resources: Record<string, unknown>[] } };

function powerResource(state: Deployment): Record<string, Record<string, unknown>> {
  const found = state.deployment.resources.find((r) =>
    String(r.type).endsWith(":ClusterPowerState"),
  );
  if (!found) throw new Error("no ClusterPowerState in the exported state");
  return found as Record<string, Record<string, unknown>>;
}

describe("a stack written by aurora-power 0.1.0 (serialized-closure __provider)", () => {
  let emulator: RunningEmulator;

  beforeAll(async () => {
    emulator = await startE2eEmulator([
      { DBClusterIdentifier: "dev-upgrade", Status: "available" },
    ]);
  });
  afterAll(() => emulator.stop());

  it("shows no change on `up`, takes the new text, and `destroy` still restores the cluster", async () => {
    await withInlineStack(e2eStackOptions(emulator, program), async (run) => {
      await run.up();
      expect((await statusesOf(emulator, ["dev-upgrade"]))["dev-upgrade"]).toBe("stopped");

      // Rewrite the state as 0.1.0 left it: the closure text in inputs and outputs, state format
      // 1 without `writtenBy` (0.1.0 did not record it).
      const state = (await run.stack.exportStack()) as unknown as Deployment;
      const resource = powerResource(state);
      expect(resource.inputs?.__provider).toBe(SERIALIZED_PROVIDER);
      expect(resource.outputs).toMatchObject({ schemaVersion: 1, writtenBy: expect.any(String) });
      const { writtenBy: _dropped, ...outputsOf010 } = resource.outputs ?? {};
      resource.inputs = { ...resource.inputs, __provider: LEGACY_PROVIDER };
      resource.outputs = { ...outputsOf010, __provider: LEGACY_PROVIDER };
      await run.stack.importStack(state as never);

      const preview = await run.preview();
      expect(preview.changeSummary).toEqual({ same: 2 });
      const up = await run.up();
      expect(up.summary.resourceChanges).toEqual({ same: 2 });
      const after = powerResource(await run.stack.exportStack());
      expect(after.inputs?.__provider).toBe(SERIALIZED_PROVIDER);

      // Delete runs the provider text of the stored outputs; make sure that is the 0.1.0 one.
      const stored = (await run.stack.exportStack()) as unknown as Deployment;
      const storedPower = powerResource(stored);
      storedPower.outputs = { ...storedPower.outputs, __provider: LEGACY_PROVIDER };
      await run.stack.importStack(stored as never);
      const destroy = await run.destroy();
      expect(destroy.summary.resourceChanges).toEqual({ delete: 2 });
      expect((await statusesOf(emulator, ["dev-upgrade"]))["dev-upgrade"]).toBe("available");
    });
  });
});
