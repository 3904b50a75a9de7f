/**
 * Issue 18: progress while waiting is ephemeral (shown live by the CLI, left out of its final
 * Diagnostics) and each operation ends with one kept line per cluster saying what it did. Read
 * from the real engine's output: its event stream (`ephemeral` flag) and its printed text.
 */
import { ClusterFleetPowerState, ClusterPowerState } from "aurora-power";
import type { RunningEmulator } from "aurora-power/emulator";
import type { EngineEvent } from "@pulumi/pulumi/automation";
import { withInlineStack } from "../../scripts/harness";
import { e2eStackOptions, startE2eEmulator } from "../support/e2eEmulator";

/** What the engine said in one operation: its printed text and its info diagnostics. */
interface Captured {
  text: string;
  kept: string[];
  ephemeral: string[];
}

function capture(): Captured & {
  onOutput: (t: string) => void;
  onEvent: (e: EngineEvent) => void;
} {
  const captured = { text: "", kept: [] as string[], ephemeral: [] as string[] };
  return Object.assign(captured, {
    onOutput: (t: string) => void (captured.text += t),
    onEvent: (e: EngineEvent) => {
      const diag = e.diagnosticEvent;
      if (diag === undefined || diag.severity !== "info") return;
      (diag.ephemeral === true ? captured.ephemeral : captured.kept).push(diag.message.trim());
    },
  });
}

/** The lines of the printed `Diagnostics:` block, without its resource header. */
function diagnosticsBlock(text: string): string[] {
  const block = text.split("\nDiagnostics:\n")[1]?.split("\nResources:\n")[0] ?? "";
  return block
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "" && !line.startsWith("pulumi:pulumi:Stack"));
}

const program = () => {
  new ClusterPowerState("moving", { clusterIdentifier: "dev-moving", state: "stopped" });
  new ClusterPowerState("idle", { clusterIdentifier: "dev-idle", state: "stopped" });
  new ClusterFleetPowerState("fleet", {
    clusterIdentifiers: ["dev-f1", "dev-f2"],
    state: "stopped",
  });
  return Promise.resolve({});
};

describe("progress is ephemeral, each operation ends with one line per cluster", () => {
  let emulator: RunningEmulator;

  beforeAll(async () => {
    emulator = await startE2eEmulator(
      [
        { DBClusterIdentifier: "dev-moving", Status: "available" },
        { DBClusterIdentifier: "dev-idle", Status: "stopped" },
        { DBClusterIdentifier: "dev-f1", Status: "available" },
        { DBClusterIdentifier: "dev-f2", Status: "available" },
      ],
      // Long enough for a few progress lines (one a second) while the stops run.
      { stopSeconds: 2.5, startSeconds: 2.5 },
    );
  });
  afterAll(() => emulator.stop());

  it("up and destroy: progress shown live, Diagnostics hold only the outcome lines", async () => {
    await withInlineStack(e2eStackOptions(emulator, program), async (run) => {
      const up = capture();
      await run.up({ onOutput: up.onOutput, onEvent: up.onEvent });

      // Progress reached the CLI while the stops ran, flagged ephemeral.
      expect(up.ephemeral).toContain("dev-moving (us-east-1): stopping, 0s");
      expect(up.ephemeral).toContain(
        "fleet of 2 clusters (us-east-1): create, every member to `stopped`",
      );
      expect(
        up.ephemeral.some((m) =>
          /^fleet of 2 clusters \(us-east-1\): done after \d+s: 2 stopped$/.test(m),
        ),
      ).toBe(true);
      const live = up.text.split("\nDiagnostics:\n")[0] ?? "";
      expect(live).toContain("dev-moving (us-east-1): stopping, 0s");

      // Kept: exactly one line per cluster, and the printed Diagnostics hold only those.
      const stopped = (id: string) =>
        new RegExp(`^cluster \`${id}\` \\(us-east-1\\): stopped in \\ds$`);
      const outcomes = [
        "cluster `dev-idle` (us-east-1): already stopped",
        stopped("dev-moving"),
        stopped("dev-f1"),
        stopped("dev-f2"),
      ];
      for (const lines of [up.kept, diagnosticsBlock(up.text)]) {
        expect(lines).toHaveLength(4);
        for (const outcome of outcomes)
          expect(
            lines.filter((l) => (typeof outcome === "string" ? l === outcome : outcome.test(l))),
          ).toHaveLength(1);
      }

      const destroy = capture();
      await run.destroy({ onOutput: destroy.onOutput, onEvent: destroy.onEvent });
      expect(destroy.ephemeral).toContain("dev-moving (us-east-1): starting, 0s");
      const restored = (id: string) =>
        new RegExp(`^cluster \`${id}\` \\(us-east-1\\): restored to \`running\`: started in \\ds$`);
      const released = [
        "cluster `dev-idle` (us-east-1): restored to `stopped`: already stopped",
        restored("dev-moving"),
        restored("dev-f1"),
        restored("dev-f2"),
      ];
      for (const lines of [destroy.kept, diagnosticsBlock(destroy.text)]) {
        expect(lines).toHaveLength(4);
        for (const outcome of released)
          expect(
            lines.filter((l) => (typeof outcome === "string" ? l === outcome : outcome.test(l))),
          ).toHaveLength(1);
      }
    });
  });
});
