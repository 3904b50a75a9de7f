import * as fs from "node:fs";
import * as path from "node:path";
import { installAwsMocks, settle } from "../../support/awsMocks";
import { PRODUCTION_CLUSTER, program } from "../../../examples/prod-guard/program";

const resources = installAwsMocks();

describe("examples/prod-guard", () => {
  it("asks to stop the production cluster (which the policy pack must refuse)", async () => {
    program();
    await settle();
    const power = resources.find(
      (r) => r.type === "pulumi-nodejs:dynamic/aurora:ClusterPowerState",
    );
    expect(power?.inputs).toMatchObject({
      clusterIdentifier: PRODUCTION_CLUSTER,
      state: "stopped",
    });
  });

  it("ships a policy-pack config whose production pattern matches the cluster", () => {
    const file = path.join(__dirname, "../../../examples/prod-guard/policy-pack-config.json");
    const config = JSON.parse(fs.readFileSync(file, "utf8")) as Record<
      string,
      { enforcementLevel: string; productionIdentifierPatterns?: string[] }
    >;
    const rule = config["aurora-production-never-stopped"];
    expect(rule?.enforcementLevel).toBe("mandatory");
    expect(
      rule?.productionIdentifierPatterns?.some((p) => new RegExp(p, "i").test(PRODUCTION_CLUSTER)),
    ).toBe(true);
  });
});
