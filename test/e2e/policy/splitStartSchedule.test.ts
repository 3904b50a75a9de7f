/**
 * Issue 17 (holidays), the policy side, through the real engine (`pulumi policy analyze --file`,
 * the provisioned CLI, the compiled pack): the scheduled dev cluster whose `ClusterStopSchedule`
 * split its start schedule into three windows around holidays (`startDate` / `endDate`) passes
 * every rule, as the same stack with one start schedule does; its start windows alone are no stop
 * schedule.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { repoRoot } from "../../../scripts/harness";
import { analyzeStackExport } from "./analyzeStackExport";

const FIXTURES = path.join(repoRoot(), "test", "fixtures", "policy");
const SPLIT = path.join(FIXTURES, "scheduledDevClusterHolidays.json");
const SINGLE = path.join(FIXTURES, "scheduled-dev-cluster.json");

interface StackExport {
  deployment: { resources: { urn: string; type: string }[] };
}

/** The split stack with only its start windows left (no component, no stop schedule). */
function startsOnly(dir: string): string {
  const stack = JSON.parse(fs.readFileSync(SPLIT, "utf8")) as StackExport;
  stack.deployment.resources = stack.deployment.resources.filter(
    (r) => !r.urn.endsWith("-stop") && r.type !== "aurora-power:index:ClusterStopSchedule",
  );
  const file = path.join(dir, "starts-only.json");
  fs.writeFileSync(file, JSON.stringify(stack, null, 2));
  return file;
}

describe("a start schedule split around holidays under `pulumi policy analyze --file`", () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "split-start-policy-"));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("passes every rule, as the same stack with one start schedule does", async () => {
    for (const file of [SPLIT, SINGLE]) {
      const { code, output } = await analyzeStackExport(file);
      expect(output).toContain("✅ aurora-power@");
      expect(output).not.toMatch(/\[(advisory|mandatory)\]/);
      expect(code).toBe(0);
    }
  });

  it("does not take the start windows alone for a stop schedule", async () => {
    const { code, output } = await analyzeStackExport(startsOnly(dir));
    expect(output).toContain("[mandatory] [severity: medium]  aurora-stop-schedule-required");
    expect(output).toContain(
      "Aurora cluster `dev-orders` is non-production (tag `Environment=dev`) and has no stop schedule",
    );
    expect(code).not.toBe(0);
  });
});
