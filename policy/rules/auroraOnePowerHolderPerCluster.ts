import type { ReportViolation, StackValidationArgs, StackValidationPolicy } from "@pulumi/policy";
import { DEFAULT_CLASSIFICATION, resolveConfig, ruleConfigSchema } from "../config";
import { holdsPowerState } from "../resourceFacts";
import { buildStackModel, clusterKey, describeAction, identifierKey } from "../stackModel";
import type { ActionNode } from "../stackNodes";
import { UnknownValue, throwUndecided } from "../unknowns";
import { policyMetadata } from "../policyMetadata";

/** A resource holding one cluster's power state, with the spelling and Region it gives. */
interface Holding {
  action: ActionNode;
  /** The identifier as this resource spells it (the declared cluster's when it has none). */
  spelling: string | undefined;
  region: string | undefined;
}

/**
 * The key of the cluster a holder holds: the Region (absent: the provider's default, the same for
 * every resource of the stack) and the declared cluster, else the lowercase identifier (RDS
 * identifiers are case-insensitive). An {@link UnknownValue} when preview cannot tell.
 */
function holdingKeyOf(action: ActionNode): string | UnknownValue | undefined {
  const region = action.facts.holder?.region;
  if (region instanceof UnknownValue) {
    return region;
  }
  const id = action.facts.targetIdentifier;
  const cluster =
    action.cluster !== undefined
      ? clusterKey(action.cluster)
      : typeof id === "string"
        ? identifierKey(id)
        : id;
  return typeof cluster === "string" ? `${region ?? ""}|${cluster}` : cluster;
}

function spellingOf(action: ActionNode): string | undefined {
  const own = action.facts.targetIdentifier;
  const declared = action.cluster?.facts.identifier;
  return typeof own === "string" ? own : typeof declared === "string" ? declared : undefined;
}

/** "ClusterPowerState `a` and ClusterPowerState `b` both hold … `dup-a` (us-east-1). …" */
function violationMessage(first: Holding, second: Holding): string {
  const spellings = [first.spelling, second.spelling];
  const name = (first.spelling ?? second.spelling ?? "").toLowerCase();
  const cluster =
    name === ""
      ? `the cluster of resource \`${first.action.cluster?.resource.name ?? "?"}\``
      : `cluster \`${name}\``;
  const region = first.region === undefined ? "the default Region" : first.region;
  const sameCluster =
    spellings[0] !== undefined && spellings[1] !== undefined && spellings[0] !== spellings[1]
      ? ` (\`${spellings[0]}\` and \`${spellings[1]}\` are the same cluster: RDS identifiers are case-insensitive)`
      : "";
  return (
    `${describeAction(first.action.owner)} and ${describeAction(second.action.owner)} both hold ` +
    `the power state of ${cluster} (${region})${sameCluster}. Each would undo the other's state on ` +
    "every `pulumi up`, and removing either applies its `onDelete` to a cluster the other still " +
    "holds. Keep one holder: remove the other resource (or the cluster from its " +
    "`clusterIdentifiers`); to move the cluster to a new resource, give the new one `aliases` " +
    "naming the old one instead of declaring both."
  );
}

/** The holders of the stack grouped by cluster, and those whose cluster preview cannot tell. */
function groupHoldings(actions: readonly ActionNode[]): {
  byCluster: Map<string, Holding[]>;
  unknown: string[];
} {
  const byCluster = new Map<string, Holding[]>();
  const unknown: string[] = [];
  for (const action of actions.filter((a) => holdsPowerState(a.facts))) {
    const key = holdingKeyOf(action);
    if (key instanceof UnknownValue) {
      unknown.push(`${describeAction(action.owner)}: \`${key.path}\` is unknown`);
      continue;
    }
    if (key === undefined) {
      continue;
    }
    const region = action.facts.holder?.region;
    const holding = {
      action,
      spelling: spellingOf(action),
      region: typeof region === "string" ? region : undefined,
    };
    const list = byCluster.get(key) ?? [];
    if (!list.some((h) => h.action.resource.urn === action.resource.urn)) {
      list.push(holding);
    }
    byCluster.set(key, list);
  }
  return { byCluster, unknown };
}

/**
 * Reports every cluster held by more than one resource: each holder after the first, naming it
 * and the first. Undecided at preview only when another holder could be the same cluster.
 */
function validateStack(args: StackValidationArgs, reportViolation: ReportViolation): void {
  resolveConfig(DEFAULT_CLASSIFICATION, args.getConfig());
  const { actions } = buildStackModel(args.resources);
  const { byCluster, unknown } = groupHoldings(actions);
  for (const holdings of byCluster.values()) {
    const [first, ...others] = holdings;
    if (first === undefined) {
      continue;
    }
    for (const other of others) {
      reportViolation(violationMessage(first, other), other.action.owner.urn);
    }
  }
  const holders = new Set(actions.filter((a) => holdsPowerState(a.facts)).map((a) => a.resource));
  if (unknown.length > 0 && holders.size > 1) {
    throwUndecided(unknown);
  }
}

/**
 * `aurora-one-power-holder-per-cluster`: at most one resource of the stack holds a cluster's power
 * state: no two `ClusterPowerState`s, no `ClusterPowerState` and `ClusterFleetPowerState` member,
 * no two fleets listing it (identifiers compared case-insensitively, per Region).
 */
export const auroraOnePowerHolderPerCluster: StackValidationPolicy = {
  name: "aurora-one-power-holder-per-cluster",
  ...policyMetadata("aurora-one-power-holder-per-cluster"),
  description:
    "At most one ClusterPowerState or ClusterFleetPowerState of the stack holds each Aurora cluster's power state.",
  enforcementLevel: "mandatory",
  configSchema: ruleConfigSchema(),
  validateStack,
};
