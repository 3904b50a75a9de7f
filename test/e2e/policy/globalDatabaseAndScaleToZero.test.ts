/**
 * Issue 16, the policy side, through the real engine (`pulumi policy analyze --file`, the
 * provisioned CLI, the compiled pack): the only member of an Aurora global database may be held
 * stopped, a member of a global database of two clusters may not (the message names the global
 * database and the count); a dev Serverless v2 cluster scaling to zero needs no stop schedule, and
 * the advisory names the alternative taken, until a provisioned instance keeps it from pausing.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { repoRoot } from "../../../scripts/harness";
import { analyzeStackExport } from "./analyzeStackExport";

const FIXTURES = path.join(repoRoot(), "test", "fixtures", "policy");
const SCALE_TO_ZERO = path.join(FIXTURES, "scaleToZeroStack.json");
const TWO_MEMBERS =
  "ClusterPowerState `pause-dev` stops cluster `dev-orders`, which cannot be stopped: it is a member of global " +
  "database `orders-global`, which has 2 clusters; RDS stops a global database member only when it is the only " +
  "cluster (`globalClusterIdentifier`). AWS rejects StopDBCluster for it (InvalidDBClusterStateFault); detach the " +
  "other clusters from the global database first (RemoveFromGlobalCluster), or remove the stop.";

interface StackExport {
  deployment: {
    resources: {
      type: string;
      inputs: Record<string, unknown>;
      outputs: Record<string, unknown>;
    }[];
  };
}

/** The scale-to-zero fixture with its instance made provisioned, written to a temporary file. */
function withProvisionedInstance(dir: string): string {
  const stack = JSON.parse(fs.readFileSync(SCALE_TO_ZERO, "utf8")) as StackExport;
  for (const r of stack.deployment.resources) {
    if (r.type === "aws:rds/clusterInstance:ClusterInstance") {
      r.inputs.instanceClass = r.outputs.instanceClass = "db.t4g.medium";
    }
  }
  const file = path.join(dir, "provisioned-instance.json");
  fs.writeFileSync(file, JSON.stringify(stack, null, 2));
  return file;
}

describe("global databases and scale to zero under `pulumi policy analyze --file`", () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "global-scale-to-zero-policy-"));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("passes a stop of the only member of a global database", async () => {
    const { code, output } = await analyzeStackExport(
      path.join(FIXTURES, "globalSoleMemberStack.json"),
    );
    expect(output).toContain("✅ aurora-power@");
    expect(output).not.toMatch(/\[(advisory|mandatory)\]/);
    expect(code).toBe(0);
  });

  it("refuses a stop of a member of a global database of two clusters, with the count", async () => {
    const { code, output } = await analyzeStackExport(
      path.join(FIXTURES, "globalTwoMemberStack.json"),
    );
    expect(output).toContain(
      "[mandatory] [severity: high]  aurora-stoppable-cluster  (pulumi-nodejs:dynamic/aurora:ClusterPowerState: pause-dev)",
    );
    expect(output).toContain(TWO_MEMBERS);
    expect(code).not.toBe(0);
  });

  it("accepts scale to zero for a stop schedule, with the advisory naming it", async () => {
    const { code, output } = await analyzeStackExport(SCALE_TO_ZERO);
    expect(output).toContain(
      "[advisory] [severity: low]  aurora-scale-to-zero-instead-of-schedule  (aws:rds:Cluster: dev-orders)",
    );
    expect(output).toContain(
      "Aurora pauses it after 600 s without connections (`secondsUntilAutoPause`)",
    );
    expect(output).not.toContain("[mandatory]");
    expect(code).toBe(0);
  });

  it("requires a stop schedule once a provisioned instance keeps the cluster from pausing", async () => {
    const { code, output } = await analyzeStackExport(withProvisionedInstance(dir));
    expect(output).toContain(
      "[mandatory] [severity: medium]  aurora-stop-schedule-required  (aws:rds:Cluster: dev-orders)",
    );
    expect(output).toContain(
      "Aurora cannot pause it while instance `dev-orders-1` is provisioned (`db.t4g.medium`)",
    );
    expect(output).not.toContain("aurora-scale-to-zero-instead-of-schedule");
    expect(code).not.toBe(0);
  });
});
