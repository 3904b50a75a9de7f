/**
 * Issue 15, the policy side, through the real engine (`pulumi policy analyze --file`, the
 * provisioned CLI, the compiled pack): a dev cluster held stopped by a `ClusterPowerState` and
 * covered by a `ClusterKeepStopped` (with its EventBridge rule, state machine and role) passes
 * every rule with no reminder; the same stack without the keeper gets the 7-day reminder of
 * `aurora-stop-schedule-sane`, which names `ClusterKeepStopped` as a way out.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { repoRoot } from "../../../scripts/harness";
import { analyzeStackExport } from "./analyzeStackExport";

const FIXTURE = path.join(repoRoot(), "test", "fixtures", "policy", "keepStoppedStack.json");
const REMINDER =
  "ClusterPowerState `pause-dev` holds cluster `dev-orders` stopped, but AWS starts a stopped cluster after 7 days " +
  "and nothing in this stack stops it again before the next `pulumi up`; add a `ClusterKeepStopped` listing it in " +
  "`clusterIdentifiers` to stop it again whenever AWS starts it, or a `ClusterStopSchedule` for it.";

interface StackExport {
  deployment: { resources: { urn: string }[] };
}

/** The fixture without the keeper and its children, written to a temporary file. */
function exportWithoutKeeper(dir: string): string {
  const stack = JSON.parse(fs.readFileSync(FIXTURE, "utf8")) as StackExport;
  stack.deployment.resources = stack.deployment.resources.filter(
    (r) => !r.urn.includes("aurora-power:index:ClusterKeepStopped"),
  );
  const file = path.join(dir, "without-keeper.json");
  fs.writeFileSync(file, JSON.stringify(stack, null, 2));
  return file;
}

describe("ClusterKeepStopped under `pulumi policy analyze --file` (aurora-power pack)", () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "keep-stopped-policy-"));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("passes a held-stopped dev cluster covered by a keeper, with no reminder", async () => {
    const { code, output } = await analyzeStackExport(FIXTURE);
    expect(output).toContain("✅ aurora-power@");
    expect(output).not.toMatch(/\[(advisory|mandatory)\]/);
    expect(output).not.toContain("holds cluster");
    expect(code).toBe(0);
  });

  it("reminds, naming ClusterKeepStopped, when the keeper is removed", async () => {
    const { code, output } = await analyzeStackExport(exportWithoutKeeper(dir));
    expect(output).toContain(
      "[advisory] [severity: medium]  aurora-stop-schedule-sane  (pulumi-nodejs:dynamic/aurora:ClusterPowerState: pause-dev)",
    );
    expect(output).toContain(REMINDER);
    expect(output).not.toContain("[mandatory]");
    expect(code).toBe(0);
  });
});
