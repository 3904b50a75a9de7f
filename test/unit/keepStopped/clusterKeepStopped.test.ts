import { installAwsMocks, settle, valueOf, type MockedResource } from "../../support/awsMocks";
import { ClusterKeepStopped } from "../../../provider/clusterKeepStopped";
import { stopWorkflowDefinition } from "../../../provider/workflow/stopWorkflowDefinition";

const resources = installAwsMocks();

let counter = 0;
async function build(args: ConstructorParameters<typeof ClusterKeepStopped>[1]) {
  const name = `keep${++counter}`;
  const component = new ClusterKeepStopped(name, args);
  await valueOf(component.ruleArn);
  await settle();
  const children = resources.filter((r) => r.name.startsWith(`${name}-`));
  const one = (type: string, suffix: string): MockedResource => {
    const found = children.find((c) => c.type === type && c.name === `${name}-${suffix}`);
    if (!found) throw new Error(`no ${type} ${name}-${suffix}`);
    return found;
  };
  return { name, component, children, one };
}

const json = (value: unknown): unknown => JSON.parse(String(value));

describe("ClusterKeepStopped under setMocks", () => {
  it("creates the rule, its target, the workflow and one least-privilege role each", async () => {
    const { children, name } = await build({ clusterIdentifiers: ["Dev-Orders", "dev-billing"] });
    expect(children.map((c) => `${c.type} ${c.name.slice(name.length)}`).sort()).toEqual([
      "aws:cloudwatch/eventRule:EventRule -automatic-start",
      "aws:cloudwatch/eventTarget:EventTarget -start-workflow",
      "aws:iam/role:Role -events-role",
      "aws:iam/role:Role -workflow-role",
      "aws:iam/rolePolicy:RolePolicy -events-policy",
      "aws:iam/rolePolicy:RolePolicy -workflow-policy",
      "aws:sfn/stateMachine:StateMachine -workflow",
    ]);
  });

  it("matches RDS's automatic start of exactly these clusters (lowercase)", async () => {
    const { one } = await build({ clusterIdentifiers: ["Dev-Orders", "dev-billing"] });
    const rule = one("aws:cloudwatch/eventRule:EventRule", "automatic-start");
    expect(json(rule.inputs.eventPattern)).toEqual({
      source: ["aws.rds"],
      "detail-type": ["RDS DB Cluster Event"],
      detail: { EventID: ["RDS-EVENT-0153"], SourceIdentifier: ["dev-billing", "dev-orders"] },
    });
    expect(rule.inputs.state).toBe("ENABLED");
  });

  it("starts the workflow with the cluster the event names", async () => {
    const { one, name } = await build({ clusterIdentifiers: ["dev-orders"] });
    const target = one("aws:cloudwatch/eventTarget:EventTarget", "start-workflow");
    expect(target.inputs).toMatchObject({
      arn: `arn:aws:states:eu-west-1:123456789012:stateMachine:${name}-workflow`,
      roleArn: `arn:aws:iam::123456789012:role/${name}-events-role`,
      inputTransformer: {
        inputPaths: { cluster: "$.detail.SourceIdentifier" },
        inputTemplate: '{"DbClusterIdentifier": <cluster>}',
      },
    });
  });

  it("runs the stop workflow definition as a standard state machine", async () => {
    const { one, name } = await build({ clusterIdentifiers: ["dev-orders"], maxRunSeconds: 600 });
    const machine = one("aws:sfn/stateMachine:StateMachine", "workflow");
    expect(machine.inputs.type).toBe("STANDARD");
    expect(machine.inputs.roleArn).toBe(`arn:aws:iam::123456789012:role/${name}-workflow-role`);
    expect(json(machine.inputs.definition)).toEqual(stopWorkflowDefinition({ maxRunSeconds: 600 }));
  });

  it("passes overrideTagKey to the workflow definition", async () => {
    const { one } = await build({ clusterIdentifiers: ["dev-orders"], overrideTagKey: "ops:hold" });
    const machine = one("aws:sfn/stateMachine:StateMachine", "workflow");
    expect(json(machine.inputs.definition)).toEqual(
      stopWorkflowDefinition({ overrideTagKey: "ops:hold" }),
    );
    expect(JSON.stringify(json(machine.inputs.definition))).toContain("'ops:hold'");
  });

  it("lets the workflow describe and stop exactly these clusters, and EventBridge only start it", async () => {
    const { one, name } = await build({ clusterIdentifiers: ["dev-orders", "dev-billing"] });
    expect(json(one("aws:iam/rolePolicy:RolePolicy", "workflow-policy").inputs.policy)).toEqual({
      Version: "2012-10-17",
      Statement: [
        {
          Sid: "DescribeAndStopTheseClusters",
          Effect: "Allow",
          Action: ["rds:DescribeDBClusters", "rds:StopDBCluster"],
          Resource: [
            "arn:aws:rds:eu-west-1:123456789012:cluster:dev-billing",
            "arn:aws:rds:eu-west-1:123456789012:cluster:dev-orders",
          ],
        },
        {
          Sid: "CountGlobalDatabaseMembers",
          Effect: "Allow",
          Action: ["rds:DescribeGlobalClusters"],
          Resource: ["arn:aws:rds::123456789012:global-cluster:*"],
        },
      ],
    });
    expect(json(one("aws:iam/rolePolicy:RolePolicy", "events-policy").inputs.policy)).toEqual({
      Version: "2012-10-17",
      Statement: [
        {
          Sid: "StartTheStopWorkflow",
          Effect: "Allow",
          Action: "states:StartExecution",
          Resource: `arn:aws:states:eu-west-1:123456789012:stateMachine:${name}-workflow`,
        },
      ],
    });
  });

  it.each([
    ["workflow-role", "states.amazonaws.com"],
    ["events-role", "events.amazonaws.com"],
  ])("trusts only the service of %s from this account", async (role, service) => {
    const { one } = await build({ clusterIdentifiers: ["dev-orders"] });
    expect(json(one("aws:iam/role:Role", role).inputs.assumeRolePolicy)).toEqual({
      Version: "2012-10-17",
      Statement: [
        {
          Effect: "Allow",
          Principal: { Service: service },
          Action: "sts:AssumeRole",
          Condition: { StringEquals: { "aws:SourceAccount": "123456789012" } },
        },
      ],
    });
  });

  it("disables the rule with enabled: false and passes a dead-letter queue to the target", async () => {
    const dlq = "arn:aws:sqs:eu-west-1:123456789012:keeper-dlq";
    const { one } = await build({
      clusterIdentifiers: ["dev-orders"],
      enabled: false,
      deadLetterArn: dlq,
    });
    expect(one("aws:cloudwatch/eventRule:EventRule", "automatic-start").inputs.state).toBe(
      "DISABLED",
    );
    expect(one("aws:cloudwatch/eventTarget:EventTarget", "start-workflow").inputs).toMatchObject({
      deadLetterConfig: { arn: dlq },
    });
  });
});
