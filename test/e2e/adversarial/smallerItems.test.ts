import { ClusterFleetPowerState, ClusterPowerState } from "aurora-power";
import type { RunningEmulator } from "aurora-power/emulator";
import { withInlineStack, type InlineStackOptions } from "../../../scripts/harness";
import { e2eStackOptions, startE2eEmulator, statusesOf } from "../../support/e2eEmulator";

// Issue 19, the smaller items that show through the engine: a blocked destroy names the ways out,
// once and without a stack trace; check failures read cleanly; an ARN is refused with the
// identifier to pass; a tiny `timeoutMinutes` blames no endpoint; a changed ambient Region does
// not replace resources whose Region was defaulted.
function withOutput(options: InlineStackOptions): {
  options: InlineStackOptions;
  text: () => string;
} {
  let output = "";
  return {
    options: { ...options, onOutput: (chunk: string) => void (output += chunk) },
    text: () => output,
  };
}

const single =
  (id: string, extra: Record<string, unknown> = {}) =>
  () => {
    new ClusterPowerState(id, { clusterIdentifier: id, state: "stopped", ...extra });
    return Promise.resolve({});
  };

describe("issue 19, smaller items through the engine", () => {
  let emulator: RunningEmulator;

  beforeAll(async () => {
    emulator = await startE2eEmulator([
      { DBClusterIdentifier: "blocked", Status: "available" },
      { DBClusterIdentifier: "quick", Status: "available" },
      { DBClusterIdentifier: "ambient", Status: "available" },
    ]);
  });
  afterAll(() => emulator.stop());

  it("a destroy blocked by storage-full names the ways out, without a stack trace", async () => {
    const { options, text } = withOutput(e2eStackOptions(emulator, single("blocked")));
    await withInlineStack(options, async (run) => {
      await run.up();
      await emulator.admin.forceStatus("blocked", "storage-full");
      await expect(run.destroy()).rejects.toThrow(
        'cluster `blocked` (us-east-1) is `storage-full`: the cluster is in `storage-full`, which needs an operator\'s action in the RDS console. The cluster cannot be given `onDelete: restore` now. To remove the resource anyway, set `onDelete: "retain"` on it and run `pulumi up`, then `pulumi destroy`',
      );
      expect(text()).not.toMatch(/^\s+at /m);
      expect(text()).not.toContain("ClusterStateError:");
      await emulator.admin.forceStatus("blocked", "available");
    });
  });

  it("a fleet's check failure names the element, with no `<nil>` value", async () => {
    const program = () => {
      new ClusterFleetPowerState("fleet", {
        clusterIdentifiers: ["ok", "bad--id"],
        state: "stopped",
      });
      return Promise.resolve({});
    };
    const { options, text } = withOutput(e2eStackOptions(emulator, program));
    await withInlineStack(options, async (run) => {
      await expect(run.preview()).rejects.toThrow();
      expect(text()).toContain(
        'property clusterIdentifiers value {[{ok} {bad--id}]} has a problem: `clusterIdentifiers[1]` must be 1–63 letters, digits or hyphens, start with a letter, and not end with a hyphen or contain two consecutive hyphens; got "bad--id"',
      );
      expect(text()).not.toContain("<nil>");
    });
  });

  it("an ARN as identifier is refused with the identifier to pass", async () => {
    const arn = "arn:aws:rds:us-east-1:123456789012:cluster:orders";
    const program = single("by-arn", { clusterIdentifier: arn });
    await withInlineStack(e2eStackOptions(emulator, program), async (run) => {
      await expect(run.preview()).rejects.toThrow(
        '`clusterIdentifier` takes the DB cluster identifier, not its ARN: pass "orders" (the part after `:cluster:`)',
      );
    });
  });

  it("a tiny timeoutMinutes says no call was made instead of blaming the endpoint", async () => {
    const program = single("quick", { timeoutMinutes: 0.00001 });
    await withInlineStack(e2eStackOptions(emulator, program), async (run) => {
      await expect(run.up()).rejects.toThrow(
        "cluster `quick` (us-east-1): `timeoutMinutes` (0 min) ran out before DescribeDBClusters could be sent; no call was made",
      );
      expect(await statusesOf(emulator, ["quick"])).toEqual({ quick: "available" });
    });
  });

  it("a changed ambient Region does not replace a resource whose Region was defaulted", async () => {
    await withInlineStack(e2eStackOptions(emulator, single("ambient")), async (run) => {
      await run.up();
      await run.stack.setConfig("aws:region", { value: "eu-west-1" });
      const preview = await run.preview();
      expect(preview.changeSummary).toEqual({ same: 2 });
      await run.stack.removeConfig("aws:region");
      await run.destroy();
      expect(await statusesOf(emulator, ["ambient"])).toEqual({ ambient: "available" });
    });
  });
});
