import type { Catcher, Retrier, State, StateMachineDefinition } from "./aslTypes";
import { DESCRIBE_GLOBAL_CLUSTERS_RESOURCE, globalClusterStates } from "./globalClusterStates";
import { FAILURE_PATH, PLAN_TARGETS, planChoice } from "./planChoice";
import { CLUSTER_PATH } from "./refusalChecks";
import { overrideStates } from "./overrideStates";
import { KEEP_RUNNING_TAG_KEY } from "../aurora/keepRunningOverride";
import {
  DB_CLUSTER_NOT_FOUND,
  INVALID_DB_CLUSTER_STATE,
  INVALID_DB_INSTANCE_STATE,
} from "./sdkErrorNames";
import { transientRetry } from "./taskRetry";

/** The key of the workflow's input: `{ "DbClusterIdentifier": "<id or ARN>" }`. */
export const STOP_WORKFLOW_INPUT_KEY = "DbClusterIdentifier";

/** Resource ARNs of the AWS SDK integrations the workflow calls (`aws-sdk:<service>:<action>`). */
export const STOP_WORKFLOW_RESOURCES = {
  describeDBClusters: "arn:aws:states:::aws-sdk:rds:describeDBClusters",
  describeGlobalClusters: DESCRIBE_GLOBAL_CLUSTERS_RESOURCE,
  stopDBCluster: "arn:aws:states:::aws-sdk:rds:stopDBCluster",
} as const;

/** The StopDBCluster task (a local run gives it a handler by this name). */
export const STOP_CLUSTER_STATE = "StopCluster";

/** Knobs of {@link stopWorkflowDefinition}; durations are in seconds. */
export interface StopWorkflowOptions {
  /**
   * The tag whose value (a time with an offset, e.g. `2026-11-29T08:00:00Z`) keeps the cluster
   * running until then. Default {@link KEEP_RUNNING_TAG_KEY} (`aurora-power:keep-running-until`).
   */
  overrideTagKey?: string;
  /** Bound of the whole run (`TimeoutSeconds`). Default 7200: AWS documents starts of "minutes to hours". */
  maxRunSeconds?: number;
  /** Wait between two describes while the cluster is busy (`starting`, `backing-up`, …). Default 30. */
  pollIntervalSeconds?: number;
  /** First wait after StopDBCluster was refused for the cluster's or an instance's state. Default 5. */
  initialBackoffSeconds?: number;
  /**
   * Cap of that wait, which doubles per refusal. Default: the poll interval less
   * `STOP_CALLS_ALLOWANCE_SECONDS` (2), so the stop RDS accepts comes within one poll interval of
   * the instances settling.
   */
  maxBackoffSeconds?: number;
}

/**
 * What one refused attempt costs beyond its backoff wait: a DescribeDBClusters, a StopDBCluster and
 * about ten state transitions: locally 46 ms at the median, up to 146 ms on a loaded machine
 * (bench/keeperBreakdown.ts); in AWS a call takes a few hundred ms. The backoff's cap leaves this much of the poll interval for them:
 * were the cap the whole interval, an attempt refused just before the instances settle would be
 * followed by the next one more than a poll interval after the settle.
 */
export const STOP_CALLS_ALLOWANCE_SECONDS = 2;

const GONE: Catcher = {
  ErrorEquals: [DB_CLUSTER_NOT_FOUND],
  Next: "ClusterGone",
  ResultPath: null,
};

function rdsTask(
  resource: string,
  result: Record<string, string>,
  next: string,
  catches: Catcher[],
  retry: Retrier,
): State {
  return {
    Type: "Task",
    Resource: resource,
    Parameters: { "DbClusterIdentifier.$": `$.${STOP_WORKFLOW_INPUT_KEY}` },
    ResultSelector: result,
    ResultPath: result["Cluster.$"] ? "$.Described" : "$.StopResult",
    TimeoutSeconds: 60,
    Retry: [retry],
    Catch: catches,
    Next: next,
  };
}

function backoffStates(initialSeconds: number, maxSeconds: number): Record<string, State> {
  return {
    BackOff: { Type: "Wait", SecondsPath: "$.Backoff.Seconds", Next: "GrowBackoff" },
    GrowBackoff: {
      Type: "Pass",
      Parameters: { "Seconds.$": "States.MathAdd($.Backoff.Seconds, $.Backoff.Seconds)" },
      ResultPath: "$.Backoff",
      Next: "CapBackoff",
    },
    CapBackoff: {
      Type: "Choice",
      Choices: [
        { Variable: "$.Backoff.Seconds", NumericGreaterThan: maxSeconds, Next: "ClampBackoff" },
      ],
      Default: "Describe",
    },
    ClampBackoff: {
      Type: "Pass",
      Result: { Seconds: maxSeconds },
      ResultPath: "$.Backoff",
      Next: "Describe",
    },
    Init: {
      Type: "Pass",
      Parameters: {
        [`${STOP_WORKFLOW_INPUT_KEY}.$`]: `$.${STOP_WORKFLOW_INPUT_KEY}`,
        Backoff: { Seconds: Math.min(initialSeconds, maxSeconds) },
      },
      Next: "Describe",
    },
  };
}

function replicaStates(): Record<string, State> {
  return {
    HasReplicas: {
      Type: "Choice",
      Choices: [
        {
          Variable: `${CLUSTER_PATH}.ReadReplicaIdentifiers[0]`,
          IsPresent: true,
          Next: "ListReplicas",
        },
      ],
      Default: "NoReplicas",
    },
    ListReplicas: {
      Type: "Pass",
      Parameters: { "Json.$": `States.JsonToString(${CLUSTER_PATH}.ReadReplicaIdentifiers)` },
      ResultPath: "$.Replicas",
      Next: "HasGlobalCluster",
    },
    NoReplicas: {
      Type: "Pass",
      Result: { Json: "[]" },
      ResultPath: "$.Replicas",
      Next: "HasGlobalCluster",
    },
  };
}

/**
 * The stop workflow (Amazon States Language, standard workflow, AWS SDK integrations only): given
 * `{ "DbClusterIdentifier": "<id>" }` it describes the cluster and follows the provider's plan —
 * `available` → StopDBCluster; `stopped` / `stopping` → success without a call; busy or unknown
 * statuses → wait and describe again; a cluster RDS cannot stop or a terminal status → fail with
 * the reason; a missing cluster → success. A member of a global database is stopped when it is the
 * database's only cluster (DescribeGlobalClusters), as the provider does. Before a stop, the
 * keep-running tag (`overrideTagKey`) may leave the cluster running until the time it names; the
 * output records why (`Override: { Outcome, Reason }`). A stop refused for the cluster's or an instance's state
 * (right after a start) backs off, doubling up to a cap, and plans again from a describe.
 *
 * @example
 * new aws.sfn.StateMachine("keeper", {
 *   type: "STANDARD",
 *   roleArn: role.arn,
 *   definition: JSON.stringify(stopWorkflowDefinition({ maxRunSeconds: 3600 })),
 * });
 */
export function stopWorkflowDefinition(options: StopWorkflowOptions = {}): StateMachineDefinition {
  const poll = options.pollIntervalSeconds ?? 30;
  const retry = transientRetry(poll);
  const cap = options.maxBackoffSeconds ?? Math.max(1, poll - STOP_CALLS_ALLOWANCE_SECONDS);
  const { plan, failurePasses } = planChoice();
  const refused: Catcher = {
    ErrorEquals: [INVALID_DB_INSTANCE_STATE, INVALID_DB_CLUSTER_STATE],
    Next: "BackOff",
    ResultPath: "$.LastRefusal",
  };
  return {
    Comment: "aurora-power: stop an Aurora DB cluster once it can be stopped (idempotent).",
    StartAt: "Init",
    TimeoutSeconds: options.maxRunSeconds ?? 7200,
    States: {
      ...backoffStates(options.initialBackoffSeconds ?? 5, cap),
      Describe: rdsTask(
        STOP_WORKFLOW_RESOURCES.describeDBClusters,
        { "Cluster.$": "$.DbClusters[0]" },
        "HasReplicas",
        [GONE],
        retry,
      ),
      ...replicaStates(),
      ...globalClusterStates("Plan", retry),
      Plan: plan,
      ...overrideStates(options.overrideTagKey ?? KEEP_RUNNING_TAG_KEY, STOP_CLUSTER_STATE),
      [STOP_CLUSTER_STATE]: rdsTask(
        STOP_WORKFLOW_RESOURCES.stopDBCluster,
        { "Status.$": "$.DbCluster.Status" },
        "StopRequested",
        [GONE, refused],
        retry,
      ),
      [PLAN_TARGETS.wait]: { Type: "Wait", Seconds: poll, Next: "Describe" },
      ...failurePasses,
      [PLAN_TARGETS.failed]: {
        Type: "Fail",
        ErrorPath: `${FAILURE_PATH}.Error`,
        CausePath: `${FAILURE_PATH}.Cause`,
      },
      [PLAN_TARGETS.succeed]: {
        Type: "Succeed",
        Comment: "already stopped, or a stop is in progress",
      },
      StopRequested: { Type: "Succeed", Comment: "RDS accepted StopDBCluster" },
      ClusterGone: { Type: "Succeed", Comment: "the cluster no longer exists" },
    },
  };
}
