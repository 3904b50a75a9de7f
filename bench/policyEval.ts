/**
 * Policy evaluation time: every aurora-power rule (stack checks once, resource checks per
 * resource) over a synthetic stack, in-process, as the analyzer server would run them.
 */
import type { PolicyResource, ResourceValidationArgs, StackValidationArgs } from "@pulumi/policy";
import { auroraPowerPolicies } from "../policy/index";
import { CLUSTER_POWER_STATE_TYPE } from "../provider/aurora/typeTokens";

function resource(
  type: string,
  name: string,
  props: Record<string, unknown>,
  propertyDependencies: Record<string, PolicyResource[]> = {},
): PolicyResource {
  return {
    type,
    name,
    props,
    urn: `urn:pulumi:bench::bench::${type}::${name}`,
    opts: {
      protect: false,
      ignoreChanges: [],
      aliases: [],
      additionalSecretOutputs: [],
      customTimeouts: { createSeconds: 0, updateSeconds: 0, deleteSeconds: 0 },
    },
    dependencies: Object.values(propertyDependencies).flat(),
    propertyDependencies,
    isType: () => false,
    asType: () => undefined,
  };
}

/** A stack of `count` resources: per 10, one dev Aurora cluster, its stop and start schedules, a power state and six others. */
export function syntheticStack(count: number): PolicyResource[] {
  const resources: PolicyResource[] = [];
  for (let i = 0; resources.length < count; i++) {
    const id = `dev-orders-${i}`;
    const cluster = resource("aws:rds/cluster:Cluster", id, {
      clusterIdentifier: id,
      engine: "aurora-postgresql",
      engineMode: "provisioned",
      tags: { Environment: "dev" },
    });
    const target = (action: string) => ({
      arn: `arn:aws:scheduler:::aws-sdk:rds:${action}DBCluster`,
      input: JSON.stringify({ DbClusterIdentifier: id }),
    });
    const group = [
      cluster,
      resource(
        "aws:scheduler/schedule:Schedule",
        `${id}-stop`,
        {
          scheduleExpression: "cron(0 19 ? * MON-FRI *)",
          scheduleExpressionTimezone: "Europe/Berlin",
          target: target("stop"),
        },
        { target: [cluster] },
      ),
      resource(
        "aws:scheduler/schedule:Schedule",
        `${id}-start`,
        {
          scheduleExpression: "cron(0 7 ? * MON-FRI *)",
          scheduleExpressionTimezone: "Europe/Berlin",
          target: target("start"),
        },
        { target: [cluster] },
      ),
      resource(
        CLUSTER_POWER_STATE_TYPE,
        `${id}-power`,
        { clusterIdentifier: id, state: "running" },
        { clusterIdentifier: [cluster] },
      ),
      ...Array.from({ length: 6 }, (_, k) =>
        resource("aws:s3/bucket:Bucket", `${id}-bucket-${k}`, { bucket: `${id}-${k}` }),
      ),
    ];
    resources.push(...group.slice(0, count - resources.length));
  }
  return resources;
}

const noop = () => undefined;
const notApplicable = (): never => {
  throw new Error("not applicable");
};

async function evaluate(resources: PolicyResource[]): Promise<void> {
  const common = {
    stackTags: new Map<string, string>(),
    getConfig: <T extends object>() => ({}) as T,
    notApplicable,
  };
  for (const policy of auroraPowerPolicies) {
    if ("validateStack" in policy) {
      const args: StackValidationArgs = { resources, ...common };
      await policy.validateStack(args, noop);
    }
    const validate = "validateResource" in policy ? policy.validateResource : undefined;
    if (typeof validate === "function") {
      for (const r of resources) {
        const args: ResourceValidationArgs = {
          type: r.type,
          props: r.props,
          urn: r.urn,
          name: r.name,
          opts: r.opts,
          isType: () => false,
          asType: () => undefined,
          ...common,
        };
        await validate(args, noop);
      }
    }
  }
}

/** Evaluates every rule over a synthetic stack of `resourceCount` resources; returns wall time. */
export async function benchPolicyEval(
  resourceCount: number,
): Promise<{ resources: number; evalMs: number }> {
  const resources = syntheticStack(resourceCount);
  await evaluate(syntheticStack(100)); // warm up the JIT and the regex cache
  const started = process.hrtime.bigint();
  await evaluate(resources);
  const evalMs = Number(process.hrtime.bigint() - started) / 1e6;
  return { resources: resources.length, evalMs: Math.round(evalMs * 10) / 10 };
}
