import {
  CLUSTER_FLEET_POWER_STATE_TYPE,
  CLUSTER_POWER_STATE_TYPE,
  CLUSTER_STOP_SCHEDULE_TYPE,
} from "../provider/aurora/typeTokens";
import { isAuroraEngine as isAuroraEngineName } from "../provider/aurora/stoppability";
import {
  actionOfTargetArn,
  clusterIdentifierOfTargetInput,
} from "../provider/aurora/schedulerTargets";
import { HolderFacts, fleetMemberHolderFacts, powerStateHolderFacts } from "./holderFacts";
import { Maybe, UnknownValue, readProp, readString, readTags } from "./unknowns";

/** Type token of `aws.rds.Cluster` (Aurora and Multi-AZ DB clusters). */
export const RDS_CLUSTER_TYPE = "aws:rds/cluster:Cluster";
/** Type token of `aws.scheduler.Schedule` (EventBridge Scheduler). */
export const SCHEDULER_SCHEDULE_TYPE = "aws:scheduler/schedule:Schedule";

/** What a rule needs to know about an `aws:rds/cluster:Cluster`. */
export interface ClusterFacts {
  identifier: Maybe<string>;
  engine: Maybe<string>;
  engineMode: Maybe<string>;
  globalClusterIdentifier: Maybe<string>;
  replicationSourceIdentifier: Maybe<string>;
  dbClusterInstanceClass: Maybe<string>;
  /** The cluster's Region input (`region`, pulumi-aws ≥ 7); absent means the provider's. */
  region: Maybe<string>;
  /** The cluster's ARN, an output: known once the cluster exists. */
  arn: Maybe<string>;
  tags: Maybe<ReadonlyMap<string, Maybe<string>>>;
}

/** Reads {@link ClusterFacts} from a cluster's inputs or outputs. */
export function clusterFacts(props: unknown): ClusterFacts {
  return {
    identifier: readString(props, "clusterIdentifier"),
    engine: readString(props, "engine"),
    engineMode: readString(props, "engineMode"),
    globalClusterIdentifier: readString(props, "globalClusterIdentifier"),
    replicationSourceIdentifier: readString(props, "replicationSourceIdentifier"),
    dbClusterInstanceClass: readString(props, "dbClusterInstanceClass"),
    region: readString(props, "region"),
    arn: readString(props, "arn"),
    tags: readTags(props, "tags"),
  };
}

/** True for Aurora engines (`aurora-mysql`, `aurora-postgresql`, legacy `aurora`). */
export function isAuroraEngine(engine: Maybe<string>): boolean | UnknownValue {
  return engine instanceof UnknownValue ? engine : isAuroraEngineName(engine ?? "");
}

/** Kind of resource that changes a cluster's power state. */
export type ActionKind =
  "ClusterPowerState" | "ClusterFleetPowerState" | "ClusterStopSchedule" | "Schedule";

/**
 * What a power-changing resource does to its cluster: stop, start, or hold it running. Unlike the
 * provider's `PowerAction` (an RDS call), `hold-running` is an effect, not a call.
 */
export type PowerEffect = "stop" | "start" | "hold-running";

/**
 * A resource that stops or starts a cluster, as far as it is known. A `ClusterFleetPowerState`
 * gives one per member, each what a `ClusterPowerState` with the fleet's settings would give.
 */
export interface ActionFacts {
  kind: ActionKind;
  action: PowerEffect | UnknownValue;
  targetIdentifier: Maybe<string>;
  /** Input whose property dependencies lead to the target cluster resource. */
  targetProperty: "clusterIdentifier" | "clusterIdentifiers" | "target";
  /** `false` for a disabled schedule; a disabled schedule stops nothing. */
  enabled: boolean | UnknownValue;
  /** Region and deletion settings of a power-state holder; absent for schedules. */
  holder?: HolderFacts;
}

/** `state: "stopped"` stops; anything else (`running`, the default) holds the cluster running. */
function powerEffectOfState(props: unknown): PowerEffect | UnknownValue {
  const state = readString(props, "state");
  return state instanceof UnknownValue ? state : state === "stopped" ? "stop" : "hold-running";
}

function powerStateFacts(props: unknown): ActionFacts {
  const action = powerEffectOfState(props);
  const targetIdentifier = readString(props, "clusterIdentifier");
  return {
    kind: "ClusterPowerState",
    action,
    targetIdentifier,
    targetProperty: "clusterIdentifier",
    enabled: true,
    holder: powerStateHolderFacts(props),
  };
}

/**
 * Reads a `ClusterFleetPowerState` as one {@link ActionFacts} per member. Identifiers repeated in
 * another case count once (RDS stores identifiers lowercase). At preview, an unknown element is a
 * member whose target is `clusterIdentifiers[i]`; a list unknown as a whole is one member whose
 * target is `clusterIdentifiers` (it may stand for any number of clusters).
 */
export function fleetMemberFacts(props: unknown): ActionFacts[] {
  const action = powerEffectOfState(props);
  const member = (targetIdentifier: string | UnknownValue): ActionFacts => ({
    kind: "ClusterFleetPowerState",
    action,
    targetIdentifier,
    targetProperty: "clusterIdentifiers",
    enabled: true,
    holder: fleetMemberHolderFacts(props, targetIdentifier),
  });
  const list = readProp(props, "clusterIdentifiers");
  if (list instanceof UnknownValue) {
    return [member(list)];
  }
  if (!Array.isArray(list)) {
    return [];
  }
  const seen = new Set<string>();
  const members: ActionFacts[] = [];
  for (let i = 0; i < list.length; i++) {
    const identifier = readString(list, String(i), `clusterIdentifiers[${i}]`);
    if (typeof identifier === "string") {
      const key = identifier.toLowerCase();
      if (seen.has(key)) {
        continue;
      }
      seen.add(key);
    }
    if (identifier !== undefined) {
      members.push(member(identifier));
    }
  }
  return members;
}

function componentFacts(props: unknown): ActionFacts {
  const enabled = readProp(props, "enabled");
  return {
    kind: "ClusterStopSchedule",
    action: "stop",
    targetIdentifier: readString(props, "clusterIdentifier"),
    targetProperty: "clusterIdentifier",
    enabled: enabled instanceof UnknownValue ? enabled : enabled !== false,
  };
}

/** The cluster a universal target's JSON input names; see `clusterIdentifierOfTargetInput`. */
function identifierFromTargetInput(input: Maybe<string>): Maybe<string> {
  return input === undefined || input instanceof UnknownValue
    ? input
    : clusterIdentifierOfTargetInput(input);
}

function scheduleFacts(props: unknown): ActionFacts | undefined {
  const target = readProp(props, "target");
  const arn = target instanceof UnknownValue ? target : readString(target, "arn", "target.arn");
  const action = arn instanceof UnknownValue ? arn : actionOfTargetArn(arn ?? "");
  if (action === undefined) {
    return undefined;
  }
  const input =
    target instanceof UnknownValue ? target : readString(target, "input", "target.input");
  const state = readString(props, "state");
  return {
    kind: "Schedule",
    action,
    targetIdentifier: identifierFromTargetInput(input),
    targetProperty: "target",
    enabled: state instanceof UnknownValue ? state : state !== "DISABLED",
  };
}

/**
 * Reads the power action of a single-target resource: a `ClusterPowerState`, a
 * `ClusterStopSchedule` component, or an EventBridge Scheduler schedule whose universal target
 * stops or starts a cluster. Returns `undefined` for any other resource, `ClusterFleetPowerState`
 * included (see {@link powerActionsOf}).
 */
export function actionFacts(type: string, props: unknown): ActionFacts | undefined {
  switch (type) {
    case CLUSTER_POWER_STATE_TYPE:
      return powerStateFacts(props);
    case CLUSTER_STOP_SCHEDULE_TYPE:
      return componentFacts(props);
    case SCHEDULER_SCHEDULE_TYPE:
      return scheduleFacts(props);
    default:
      return undefined;
  }
}

/**
 * Every power action of a resource: one per member of a `ClusterFleetPowerState`, the one of any
 * resource {@link actionFacts} reads, none for other resources.
 */
export function powerActionsOf(type: string, props: unknown): ActionFacts[] {
  if (type === CLUSTER_FLEET_POWER_STATE_TYPE) {
    return fleetMemberFacts(props);
  }
  const facts = actionFacts(type, props);
  return facts === undefined ? [] : [facts];
}

/** True for a resource that holds a power state (`ClusterPowerState`, a fleet member), not a schedule. */
export function holdsPowerState(facts: ActionFacts): boolean {
  return facts.kind === "ClusterPowerState" || facts.kind === "ClusterFleetPowerState";
}

/** The resource type at the end of a URN (`urn:pulumi:stack::project::parent$type::name`). */
export function typeOfUrn(urn: string): string {
  const qualifiedType = urn.split("::")[2] ?? "";
  return qualifiedType.slice(qualifiedType.lastIndexOf("$") + 1);
}

/**
 * True for the `aws:scheduler/schedule:Schedule` children of a `ClusterStopSchedule`: rules judge
 * the component once instead of each of its schedules again.
 */
export function isScheduleOfComponent(type: string, parentType: string | undefined): boolean {
  return type === SCHEDULER_SCHEDULE_TYPE && parentType === CLUSTER_STOP_SCHEDULE_TYPE;
}
