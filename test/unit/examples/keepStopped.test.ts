import * as pulumi from "@pulumi/pulumi";
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

  it("reports failed runs to the topic of the config `notificationTopicArn`, and nowhere without it", async () => {
    const topicArn = "arn:aws:sns:eu-west-1:123456789012:aurora-ops";
    const workflowPolicies = () =>
      resources
        .filter((r) => r.name === "dev-clusters-keeper-workflow-policy")
        .map((r) => JSON.parse(String(r.inputs.policy)) as { Statement: { Sid?: string }[] });
    expect(workflowPolicies()[0]?.Statement.map((s) => s.Sid)).not.toContain(
      "PublishNotifications",
    );
    resources.length = 0;
    // The last test of the file: jest gives each file its own module registry, so its config.
    pulumi.runtime.setConfig("project:notificationTopicArn", topicArn);
    program();
    await settle();
    const publish = workflowPolicies()[0]?.Statement.find((s) => s.Sid === "PublishNotifications");
    expect(publish).toEqual({
      Sid: "PublishNotifications",
      Effect: "Allow",
      Action: "sns:Publish",
      Resource: topicArn,
    });
  });
});
