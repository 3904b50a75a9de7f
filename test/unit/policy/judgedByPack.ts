import type {
  PolicyResource,
  ResourceValidationPolicy,
  StackValidationPolicy,
} from "@pulumi/policy";
import { auroraPowerPolicies } from "aurora-power/policy";
import { NotApplicable, resourceArgs } from "./policyFixtures";

/** Every message of every rule of the pack, stack checks and resource checks, in order. */
export async function judgedByPack(resources: PolicyResource[]): Promise<string[]> {
  const messages: string[] = [];
  const report = (message: string) => messages.push(message);
  for (const policy of auroraPowerPolicies) {
    const stack = policy as Partial<StackValidationPolicy>;
    const common = { stackTags: new Map<string, string>(), getConfig: <T>() => ({}) as T };
    await stack.validateStack?.(
      {
        resources,
        ...common,
        notApplicable: (reason?: string): never => {
          throw new NotApplicable(reason);
        },
      },
      report,
    );
    const resourcePolicy = policy as Partial<ResourceValidationPolicy>;
    const validations = [resourcePolicy.validateResource ?? []].flat();
    for (const resource of resources) {
      for (const validate of validations) {
        try {
          await validate(resourceArgs(resource), report);
        } catch (error) {
          if (!(error instanceof NotApplicable)) throw error;
        }
      }
    }
  }
  return messages;
}
