import * as fs from "node:fs";
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { ClusterFleetPowerState, ClusterPowerState } from "aurora-power";
import type { RunningEmulator } from "aurora-power/emulator";
import { withInlineStack } from "../../../scripts/harness";
import { e2eStackOptions, startE2eEmulator, statusesOf } from "../../support/e2eEmulator";

// Issue 19, defect 5: with `clusterIdentifier: pulumi.secret("secret-zeta")` the input was
// encrypted, but the resource ID, `clusterArn`, the fleet's `members` keys and the progress lines
// showed the name in plain text.
/** Every file below `dir`, concatenated. */
function storedText(dir: string): string {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => fs.readFileSync(path.join(entry.parentPath, entry.name), "utf8"))
    .join("\n");
}

const program = () => {
  const power = new ClusterPowerState("zeta-power", {
    clusterIdentifier: pulumi.secret("secret-zeta"),
    state: "stopped",
  });
  const fleet = new ClusterFleetPowerState("eta-fleet", {
    clusterIdentifiers: pulumi.secret(["secret-eta"]),
    state: "stopped",
  });
  return Promise.resolve({ arn: power.clusterArn, members: fleet.members, id: power.id });
};

describe("defect 5: a secret identifier does not leak", () => {
  let emulator: RunningEmulator;

  beforeAll(async () => {
    emulator = await startE2eEmulator([
      { DBClusterIdentifier: "secret-zeta", Status: "available" },
      { DBClusterIdentifier: "secret-eta", Status: "available" },
    ]);
  });
  afterAll(() => emulator.stop());

  it("keeps the name out of IDs, outputs, progress lines and the stored state's plain text", async () => {
    let output = "";
    const options = e2eStackOptions(emulator, program);
    options.onOutput = (text: string) => void (output += text);
    await withInlineStack(options, async (run) => {
      const up = await run.up();
      expect(await statusesOf(emulator, ["secret-zeta", "secret-eta"])).toEqual({
        "secret-zeta": "stopped",
        "secret-eta": "stopped",
      });
      expect(up.outputs.arn?.secret).toBe(true);
      expect(up.outputs.members?.secret).toBe(true);
      expect(up.outputs.id?.value).toMatch(/^us-east-1\/secret\/[0-9a-f-]{36}$/);
      expect(output).toContain("(secret: zeta-power) (us-east-1)");
      // The stored state (the file backend's files, not an export, which decrypts secrets).
      const stored = storedText(path.join(run.workDir, "backend"));
      expect(stored).toContain("zeta-power");
      expect(stored).not.toContain("secret-zeta");
      expect(stored).not.toContain("secret-eta");
      expect(output).not.toContain("secret-zeta");
      expect(output).not.toContain("secret-eta");
      await run.destroy();
    });
  });
});
