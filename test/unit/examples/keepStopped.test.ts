import { installAwsMocks, settle, valueOf } from "../../support/awsMocks";
import { DEFAULT_CLUSTERS, program } from "../../../examples/keep-stopped/program";

const resources = installAwsMocks();

describe("examples/keep-stopped", () => {
  it("holds the clusters stopped and keeps them stopped after the automatic start", async () => {
    const outputs = program();
    expect(await valueOf(outputs.stopWorkflowArn)).toBe(
      "arn:aws:states:eu-west-1:123456789012:stateMachine:dev-clusters-keeper-workflow",
    );
    await settle();
    const fleet = resources.find((r) => r.type.endsWith(":ClusterFleetPowerState"));
    expect(fleet?.inputs).toMatchObject({ clusterIdentifiers: DEFAULT_CLUSTERS, state: "stopped" });
    const rule = resources.find((r) => r.type === "aws:cloudwatch/eventRule:EventRule");
    expect(JSON.parse(String(rule?.inputs.eventPattern))).toMatchObject({
      detail: { EventID: ["RDS-EVENT-0153"], SourceIdentifier: ["dev-billing", "dev-orders"] },
    });
  });
});
