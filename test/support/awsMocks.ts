/**
 * `pulumi.runtime.setMocks` for programs on @pulumi/aws: records every resource registered and
 * answers the partition / region / caller-identity invokes like an account in eu-west-1.
 */
import * as pulumi from "@pulumi/pulumi";

/** One resource the program registered. */
export interface MockedResource {
  type: string;
  name: string;
  inputs: Record<string, unknown>;
  id: string;
}

export const MOCK_ACCOUNT_ID = "123456789012";
export const MOCK_REGION = "eu-west-1";

/** Outputs a real provider would add, for the types our programs create. */
function computedOutputs(
  type: string,
  name: string,
  inputs: Record<string, unknown>,
): Record<string, unknown> {
  const text = (value: unknown, fallback: string): string =>
    typeof value === "string" ? value : fallback;
  switch (type) {
    case "aws:iam/role:Role":
      return { arn: `arn:aws:iam::${MOCK_ACCOUNT_ID}:role/${name}`, name };
    case "aws:scheduler/schedule:Schedule":
      return {
        arn: `arn:aws:scheduler:${MOCK_REGION}:${MOCK_ACCOUNT_ID}:schedule/${text(inputs.groupName, "default")}/${name}`,
        name,
      };
    case "aws:sfn/stateMachine:StateMachine":
      return { arn: `arn:aws:states:${MOCK_REGION}:${MOCK_ACCOUNT_ID}:stateMachine:${name}`, name };
    case "aws:cloudwatch/eventRule:EventRule":
      return { arn: `arn:aws:events:${MOCK_REGION}:${MOCK_ACCOUNT_ID}:rule/${name}`, name };
    case "aws:rds/cluster:Cluster":
      return {
        arn: `arn:aws:rds:${MOCK_REGION}:${MOCK_ACCOUNT_ID}:cluster:${text(inputs.clusterIdentifier, name)}`,
        clusterIdentifier: inputs.clusterIdentifier ?? name,
      };
    case "pulumi-nodejs:dynamic/aurora:ClusterFleetPowerState": {
      // As the provider reports a fleet that reached its state: every member in that state.
      const ids = Array.isArray(inputs.clusterIdentifiers) ? inputs.clusterIdentifiers : [];
      const state = inputs.state === "stopped" ? "stopped" : "running";
      const status = state === "stopped" ? "stopped" : "available";
      return {
        members: Object.fromEntries(ids.map((id) => [String(id), { state, status }])),
      };
    }
    default:
      return {};
  }
}

/**
 * Installs the mocks and returns the list that fills as resources register. Call once per test
 * file, before the program under test is constructed.
 */
export function installAwsMocks(): MockedResource[] {
  const resources: MockedResource[] = [];
  void pulumi.runtime.setMocks(
    {
      newResource(args: pulumi.runtime.MockResourceArgs) {
        const inputs = args.inputs as Record<string, unknown>;
        const id = `${args.name}-id`;
        resources.push({ type: args.type, name: args.name, inputs, id });
        return { id, state: { ...inputs, ...computedOutputs(args.type, args.name, inputs) } };
      },
      call(args: pulumi.runtime.MockCallArgs) {
        switch (args.token) {
          case "aws:index/getPartition:getPartition":
            return { partition: "aws", dnsSuffix: "amazonaws.com", id: "aws" };
          case "aws:index/getRegion:getRegion":
            return { region: MOCK_REGION, name: MOCK_REGION, id: MOCK_REGION };
          case "aws:index/getCallerIdentity:getCallerIdentity":
            return {
              accountId: MOCK_ACCOUNT_ID,
              arn: `arn:aws:iam::${MOCK_ACCOUNT_ID}:user/test`,
              userId: "AIDTEST",
              id: MOCK_ACCOUNT_ID,
            };
          default:
            throw new Error(`unmocked invoke ${args.token}`);
        }
      },
    },
    "project",
    "stack",
    false,
  );
  return resources;
}

/** Resolves an Output (undefined stays undefined) — the usual way to read one in a mock test. */
export function valueOf<T>(output: pulumi.Output<T>): Promise<T> {
  return new Promise((resolve) => output.apply((value) => resolve(value)));
}

/** Waits until every registered resource's outputs have settled (mock registrations are async). */
export async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
}
