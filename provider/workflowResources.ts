/**
 * The three resources every aurora-power workflow is deployed as: the role Step Functions assumes,
 * its inline policy, and the standard state machine — which waits for the policy, so that the first
 * execution finds its permissions in place.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { serviceTrustPolicy } from "./iamPolicyDocument";

/** A deployed workflow: `<prefix>` (the state machine), `<prefix>-role` and `<prefix>-policy`. */
export interface WorkflowResources {
  stateMachine: aws.sfn.StateMachine;
  role: aws.iam.Role;
  policy: aws.iam.RolePolicy;
}

/** Creates a workflow's role, policy and state machine as children of `parent`. */
export function createWorkflowResources(
  prefix: string,
  spec: {
    /** The role's description. */
    description: string;
    accountId: pulumi.Output<string>;
    /** The role's policy document, as JSON. */
    policy: pulumi.Input<string>;
    /** The state machine's definition, as JSON. */
    definition: pulumi.Input<string>;
  },
  parent: pulumi.Resource,
): WorkflowResources {
  const role = new aws.iam.Role(
    `${prefix}-role`,
    {
      description: spec.description,
      assumeRolePolicy: spec.accountId.apply((id) =>
        JSON.stringify(serviceTrustPolicy("states.amazonaws.com", id)),
      ),
    },
    { parent },
  );
  const policy = new aws.iam.RolePolicy(
    `${prefix}-policy`,
    { role: role.id, policy: spec.policy },
    { parent },
  );
  const stateMachine = new aws.sfn.StateMachine(
    prefix,
    { type: "STANDARD", roleArn: role.arn, definition: spec.definition },
    // The first execution must find the permissions in place.
    { parent, dependsOn: [policy] },
  );
  return { stateMachine, role, policy };
}
