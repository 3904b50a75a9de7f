/**
 * The aurora-power pack run by the real engine (CLI 3.259 from `npm run engine`), loading the
 * compiled pack through `policy/package.json` exactly as users do with `--policy-pack`.
 */
import { execFile } from "node:child_process";
import * as path from "node:path";
import { promisify } from "node:util";
import { ClusterPowerState } from "aurora-power";
import { auroraPowerPolicies } from "aurora-power/policy";
import { buildStackEnv, engineBinDir, repoRoot, withInlineStack } from "../../../scripts/harness";
import { analyzeStackExport } from "./analyzeStackExport";

const run = promisify(execFile);
const POLICY_DIR = path.join(repoRoot(), "policy");
const FIXTURE = path.join(repoRoot(), "test", "fixtures", "policy", "mixedStack.json");
const FLEET_FIXTURE = path.join(repoRoot(), "test", "fixtures", "policy", "fleetStack.json");
/** Nothing listens here: preview must not reach RDS, and nothing may reach AWS. */
const NO_ENDPOINT = "http://127.0.0.1:9";

interface PolicyEvent {
  policyEvent?: {
    resourceUrn?: string;
    message: string;
    policyName: string;
    enforcementLevel: string;
    severity?: string;
  };
}

async function analyze(file: string): Promise<{ code: number; events: PolicyEvent[] }> {
  const env = {
    ...process.env,
    ...buildStackEnv({ endpointUrl: NO_ENDPOINT, region: "eu-west-1", backendDir: "/nonexistent" }),
  };
  const args = ["policy", "analyze", "--policy-pack", POLICY_DIR, "--file", file, "--json"];
  try {
    const { stdout } = await run(path.join(engineBinDir(), "pulumi"), args, {
      env,
      cwd: repoRoot(),
      timeout: 120_000,
    });
    return { code: 0, events: parseEvents(stdout) };
  } catch (error) {
    const failed = error as { code: number; stdout: string };
    return { code: failed.code, events: parseEvents(failed.stdout) };
  }
}

function parseEvents(stdout: string): PolicyEvent[] {
  return stdout
    .split("\n")
    .filter((line) => line.startsWith("{"))
    .map((line) => JSON.parse(line) as PolicyEvent)
    .filter((event) => event.policyEvent !== undefined);
}

describe("policy pack under the real engine", () => {
  it("`pulumi policy analyze --file` reports the violations of a stack export", async () => {
    const { code, events } = await analyze(FIXTURE);
    const seen = events.map(
      (e) =>
        `${e.policyEvent?.enforcementLevel} ${e.policyEvent?.severity} ${e.policyEvent?.policyName} ${e.policyEvent?.resourceUrn?.split("::").pop()}`,
    );
    expect(code).not.toBe(0);
    expect(seen.sort()).toEqual([
      "mandatory critical aurora-production-never-stopped billing-stop",
      "mandatory high aurora-stoppable-cluster analytics-nightly",
      "mandatory medium aurora-stop-schedule-required orders",
    ]);
    const required = events.find(
      (e) => e.policyEvent?.policyName === "aurora-stop-schedule-required",
    );
    expect(required?.policyEvent?.message).toContain(
      "Aurora cluster `dev-orders` is non-production (tag `Environment=dev`) and has no stop schedule",
    );
  });

  it("judges each ClusterFleetPowerState member like a ClusterPowerState of its own", async () => {
    const { code, events } = await analyze(FLEET_FIXTURE);
    const seen = events.map(
      (e) =>
        `${e.policyEvent?.enforcementLevel} ${e.policyEvent?.severity} ${e.policyEvent?.policyName} ${e.policyEvent?.resourceUrn?.split("::").pop()}`,
    );
    expect(code).not.toBe(0);
    expect(seen.sort()).toEqual([
      "advisory medium aurora-stop-schedule-sane dev-fleet",
      "advisory medium aurora-stop-schedule-sane dev-fleet",
      "advisory medium aurora-stop-schedule-sane dev-fleet",
      "advisory medium aurora-stop-schedule-sane dev-fleet",
      "mandatory critical aurora-production-never-stopped dev-fleet",
      "mandatory high aurora-stoppable-cluster dev-fleet",
      "mandatory medium aurora-stop-schedule-required reports",
    ]);
    const prod = events.find(
      (e) => e.policyEvent?.policyName === "aurora-production-never-stopped",
    );
    expect(prod?.policyEvent?.message).toContain(
      "ClusterFleetPowerState `dev-fleet` stops production cluster",
    );
    expect(prod?.policyEvent?.message).toContain("remove the cluster from `clusterIdentifiers`");
  });

  it("`pulumi policy analyze` prints each violation's severity, not its remediation steps or URL", async () => {
    const { code, output } = await analyzeStackExport(FIXTURE);
    expect(code).not.toBe(0);
    expect(output).toContain(
      "- [mandatory] [severity: critical]  aurora-production-never-stopped  (aws:scheduler:Schedule: billing-stop)",
    );
    expect(output).toContain(
      "- [mandatory] [severity: medium]  aurora-stop-schedule-required  (aws:rds:Cluster: orders)",
    );
    // CLI 3.259 sends `remediationSteps` and `url` only to Pulumi Cloud (the analyzer info), so
    // each message keeps its own fix; this pins that reason.
    for (const policy of auroraPowerPolicies) {
      expect(output).not.toContain(policy.remediationSteps);
      expect(output).not.toContain(policy.url);
    }
  });

  it("`pulumi preview --policy-pack` fails when a production cluster is set to stopped", async () => {
    const output: string[] = [];
    const program = async () => {
      new ClusterPowerState("pause-dev", { clusterIdentifier: "dev-orders", state: "stopped" });
      new ClusterPowerState("pause-prod", { clusterIdentifier: "prod-billing", state: "stopped" });
      await Promise.resolve();
    };
    await withInlineStack(
      {
        program,
        endpointUrl: NO_ENDPOINT,
        policyPacks: [POLICY_DIR],
        onOutput: (t) => output.push(t),
      },
      async (stack) => {
        await expect(stack.preview()).rejects.toThrow();
      },
    );
    const text = output.join("");
    expect(text).toContain("[mandatory] [severity: critical]  aurora-production-never-stopped");
    expect(text).toContain(
      "ClusterPowerState `pause-prod` stops production cluster `prod-billing`",
    );
    expect(text).not.toContain("ClusterPowerState `pause-dev` stops production cluster");
  });

  it("`pulumi preview --policy-pack` passes dev clusters held stopped", async () => {
    const program = async () => {
      new ClusterPowerState("pause-dev", { clusterIdentifier: "dev-orders", state: "stopped" });
      await Promise.resolve();
    };
    await withInlineStack(
      { program, endpointUrl: NO_ENDPOINT, policyPacks: [POLICY_DIR] },
      async (stack) => {
        const result = await stack.preview();
        expect(result.stdout).toContain("aurora-stop-schedule-sane");
        expect(result.stdout).toContain(
          "holds cluster `dev-orders` stopped, but AWS starts a stopped cluster after 7 days",
        );
      },
    );
  });
});
