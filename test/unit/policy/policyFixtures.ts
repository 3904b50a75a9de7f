/**
 * One fixture factory for the policy rule tests: a valid stack (a dev cluster with a stop
 * schedule, a production cluster left running) that each test changes in one place.
 */
import type {
  PolicyResource,
  ResourceValidationArgs,
  ResourceValidationPolicy,
  StackValidationArgs,
  StackValidationPolicy,
} from "@pulumi/policy";
import {
  CLUSTER_FLEET_POWER_STATE_TYPE,
  CLUSTER_POWER_STATE_TYPE,
  CLUSTER_STOP_SCHEDULE_TYPE,
} from "../../../provider/aurora/typeTokens";

export const STACK_URN = "urn:pulumi:dev::shop::pulumi:pulumi:Stack::shop-dev";

/** Builds a stack resource the way the policy SDK hands it to `validateStack`. */
export function policyResource(
  type: string,
  name: string,
  props: Record<string, unknown>,
  options: {
    parent?: PolicyResource;
    propertyDependencies?: Record<string, PolicyResource[]>;
  } = {},
): PolicyResource {
  const qualified = options.parent ? `${options.parent.type}$${type}` : type;
  return {
    type,
    name,
    props,
    urn: `urn:pulumi:dev::shop::${qualified}::${name}`,
    opts: {
      protect: false,
      ignoreChanges: [],
      aliases: [],
      additionalSecretOutputs: [],
      customTimeouts: { createSeconds: 0, updateSeconds: 0, deleteSeconds: 0 },
    },
    parent: options.parent,
    dependencies: Object.values(options.propertyDependencies ?? {}).flat(),
    propertyDependencies: options.propertyDependencies ?? {},
    isType: () => false,
    asType: () => undefined,
  };
}

export function auroraCluster(name: string, props: Record<string, unknown> = {}): PolicyResource {
  return policyResource("aws:rds/cluster:Cluster", name, {
    clusterIdentifier: name,
    engine: "aurora-postgresql",
    engineMode: "provisioned",
    tags: { Environment: name.startsWith("prod") ? "prod" : "dev" },
    ...props,
  });
}

export function powerState(
  name: string,
  clusterIdentifier: unknown,
  state: unknown = "stopped",
  deps?: PolicyResource[],
): PolicyResource {
  return policyResource(
    CLUSTER_POWER_STATE_TYPE,
    name,
    { clusterIdentifier, state, onDelete: "restore", timeoutMinutes: 60 },
    deps ? { propertyDependencies: { clusterIdentifier: deps } } : {},
  );
}

/** A `ClusterFleetPowerState`; `deps` are the resources its `clusterIdentifiers` was computed from. */
export function fleet(
  name: string,
  clusterIdentifiers: unknown,
  state: unknown = "stopped",
  deps?: PolicyResource[],
): PolicyResource {
  return policyResource(
    CLUSTER_FLEET_POWER_STATE_TYPE,
    name,
    { clusterIdentifiers, state, region: "eu-west-1", onDelete: "restore", timeoutMinutes: 60 },
    deps ? { propertyDependencies: { clusterIdentifiers: deps } } : {},
  );
}

export function schedule(
  name: string,
  clusterIdentifier: unknown,
  action: "stop" | "start",
  props: Record<string, unknown> = {},
  options: { parent?: PolicyResource; deps?: PolicyResource[] } = {},
): PolicyResource {
  const input =
    typeof clusterIdentifier === "string"
      ? JSON.stringify({ DbClusterIdentifier: clusterIdentifier })
      : clusterIdentifier;
  return policyResource(
    "aws:scheduler/schedule:Schedule",
    name,
    {
      scheduleExpression:
        action === "stop" ? "cron(0 19 ? * MON-FRI *)" : "cron(0 7 ? * MON-FRI *)",
      scheduleExpressionTimezone: "Europe/Berlin",
      state: "ENABLED",
      target: { arn: `arn:aws:scheduler:::aws-sdk:rds:${action}DBCluster`, input },
      ...props,
    },
    {
      parent: options.parent,
      propertyDependencies: options.deps ? { target: options.deps } : undefined,
    },
  );
}

export function stopScheduleComponent(name: string, args: Record<string, unknown>): PolicyResource {
  return policyResource(CLUSTER_STOP_SCHEDULE_TYPE, name, args);
}

/** The valid stack: `dev-orders` with stop/start schedules, `prod-billing` running. */
export function validStack(): PolicyResource[] {
  const dev = auroraCluster("dev-orders");
  return [
    dev,
    schedule("orders-stop", "dev-orders", "stop"),
    schedule("orders-start", "dev-orders", "start"),
    auroraCluster("prod-billing"),
  ];
}

/** Thrown by the fake `notApplicable`, as the real SDK throws its own error. */
export class NotApplicable extends Error {}

export interface Outcome {
  violations: { message: string; urn?: string }[];
}

interface RunOptions {
  config?: Record<string, unknown>;
  stackTags?: Record<string, string>;
}

function common(options: RunOptions) {
  return {
    stackTags: new Map(Object.entries(options.stackTags ?? {})) as ReadonlyMap<string, string>,
    getConfig: <T extends object>() => (options.config ?? {}) as T,
    notApplicable: (reason?: string): never => {
      throw new NotApplicable(reason);
    },
  };
}

/** Runs a stack policy over `resources` and collects its violations. */
export async function runStack(
  policy: StackValidationPolicy,
  resources: PolicyResource[],
  options: RunOptions = {},
): Promise<Outcome> {
  const violations: Outcome["violations"] = [];
  const args: StackValidationArgs = { resources, ...common(options) };
  await policy.validateStack(args, (message, urn) => violations.push({ message, urn }));
  return { violations };
}

/**
 * Runs a stack policy to its end: its violations and, when it ends undecided at preview, the
 * advisory message it throws (reported by the policy SDK after the violations).
 */
export function runStackToEnd(
  policy: StackValidationPolicy,
  resources: PolicyResource[],
  options: RunOptions = {},
): { violations: string[]; undecided?: string } {
  const violations: string[] = [];
  const args: StackValidationArgs = { resources, ...common(options) };
  try {
    void policy.validateStack(args, (message) => violations.push(message));
  } catch (error) {
    return { violations, undecided: (error as Error).message };
  }
  return { violations };
}

/** Builds resource-policy args for one resource (its `opts.parent` from the fixture's parent). */
export function resourceArgs(
  resource: PolicyResource,
  options: RunOptions = {},
): ResourceValidationArgs {
  return {
    type: resource.type,
    props: resource.props,
    urn: resource.urn,
    name: resource.name,
    opts: { ...resource.opts, parent: resource.parent?.urn },
    isType: () => false,
    asType: () => undefined,
    ...common(options),
  };
}

/** Runs a resource policy on one resource and collects its violations. */
export async function runResource(
  policy: ResourceValidationPolicy,
  resource: PolicyResource,
  options: RunOptions = {},
): Promise<Outcome> {
  const violations: Outcome["violations"] = [];
  const validations = Array.isArray(policy.validateResource)
    ? policy.validateResource
    : [policy.validateResource];
  for (const validate of validations) {
    await validate?.(resourceArgs(resource, options), (message, urn) =>
      violations.push({ message, urn }),
    );
  }
  return { violations };
}

/** The same resource with `props` changed: the one mutation of a test. */
export function withProps(
  resource: PolicyResource,
  props: Record<string, unknown>,
): PolicyResource {
  return { ...resource, props: { ...resource.props, ...props } };
}

/** An `aws.rds.GlobalCluster` named `name` (its `globalClusterIdentifier`). */
export function globalCluster(name: string, props: Record<string, unknown> = {}): PolicyResource {
  return policyResource("aws:rds/globalCluster:GlobalCluster", name, {
    globalClusterIdentifier: name,
    engine: "aurora-postgresql",
    ...props,
  });
}
