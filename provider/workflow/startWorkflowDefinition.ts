import type { Catcher, Retrier, State, StateMachineDefinition, TopChoiceRule } from "./aslTypes";
import {
  DB_CLUSTER_NOT_FOUND,
  INVALID_DB_CLUSTER_STATE,
  KMS_KEY_NOT_ACCESSIBLE,
  VPC_ENCRYPTION_CONTROL_VIOLATION,
  WORKFLOW_ERRORS,
} from "./sdkErrorNames";
import {
  ID,
  ID_SAMPLE,
  FAILURE_PATH,
  failurePass,
  statusRule,
  terminalStatusStates,
} from "./planChoice";
import { transientRetry } from "./taskRetry";
import { knownStatusSteps, startStepOf, UNKNOWN_STATUS_PROBE } from "./workflowSteps";

/** Resource ARNs of the two AWS SDK integrations the start workflow calls. */
export const START_WORKFLOW_RESOURCES = {
  describeDBClusters: "arn:aws:states:::aws-sdk:rds:describeDBClusters",
  startDBCluster: "arn:aws:states:::aws-sdk:rds:startDBCluster",
} as const;

/** Knobs of {@link startWorkflowDefinition}, in seconds. */
export interface StartWorkflowOptions {
  /** Bound of the whole run (`TimeoutSeconds`). Default 3600: a stop in progress ends in minutes. */
  maxRunSeconds?: number;
  /** Wait between two describes while the cluster is `stopping` or busy. Default 30. */
  pollIntervalSeconds?: number;
}

// The stop workflow's transient retry as it was before its first interval and cap were tuned to
// the poll (taskRetry.ts): 2 s doubling up to 60 s, with full jitter.
const TRANSIENT_RETRY: Retrier = { ...transientRetry(60), IntervalSeconds: 2 };
const GONE: Catcher = {
  ErrorEquals: [DB_CLUSTER_NOT_FOUND],
  Next: "ClusterGone",
  ResultPath: null,
};

/**
 * StartDBCluster's refusals that waiting cannot fix ("StartDBCluster", Amazon RDS API Reference),
 * each with the sentence the run fails with; `{cause}` is RDS's own message.
 */
const START_REFUSALS = [
  {
    name: "KeyNotAccessible",
    error: KMS_KEY_NOT_ACCESSIBLE,
    sentence: `cluster \`${ID_SAMPLE}\` cannot be started: RDS cannot use its KMS key (sample-cause); restore the key's access (enabled, key policy, grants) and start it again`,
  },
  {
    name: "VpcEncryptionRefused",
    error: VPC_ENCRYPTION_CONTROL_VIOLATION,
    sentence: `cluster \`${ID_SAMPLE}\` cannot be started: the VPC's encryption control refuses it (sample-cause); change the VPC encryption control mode or the cluster's network, then start it again`,
  },
];

/** The `Plan` Choice (from `startStepOf` of every known status) and its failure Pass states. */
function planStates(): Record<string, State> {
  const steps = knownStatusSteps("running");
  const group = (kind: string) => steps.filter((s) => s.step.kind === kind).map(statusRule);
  const terminal = terminalStatusStates(steps, "started");
  const choices: TopChoiceRule[] = [
    { Or: group("succeed"), Next: "StartNotNeeded" },
    ...terminal.choices,
    { Or: group("start"), Next: "StartCluster" },
    { Or: group("wait"), Next: "WaitAndDescribe" },
  ];
  const fallback = startStepOf(UNKNOWN_STATUS_PROBE).kind === "wait" ? "WaitAndDescribe" : "Failed";
  return { ...terminal.passes, Plan: { Type: "Choice", Choices: choices, Default: fallback } };
}

function rdsTask(resource: string, resultPath: string, next: string, catches: Catcher[]): State {
  return {
    Type: "Task",
    Resource: resource,
    Parameters: { "DbClusterIdentifier.$": "$.DbClusterIdentifier" },
    ResultSelector:
      resultPath === "$.Described"
        ? { "Cluster.$": "$.DbClusters[0]" }
        : { "Status.$": "$.DbCluster.Status" },
    ResultPath: resultPath,
    TimeoutSeconds: 60,
    Retry: [TRANSIENT_RETRY],
    Catch: catches,
    Next: next,
  };
}

/**
 * The start workflow (Amazon States Language, standard, AWS SDK integrations only): given
 * `{ "DbClusterIdentifier": "<id>" }` it describes the cluster and follows the provider's plan for
 * `running` — `stopped` (or a recoverable lost key) → StartDBCluster; `available`, `starting` or
 * busy → success without a call; `stopping` or unknown → wait and describe again; a terminal
 * status → fail with the reason; a missing cluster → success. A start refused for the cluster's
 * state (a race with another caller) describes and plans again; a refusal for its KMS key or the
 * VPC's encryption control fails the run with the reason.
 *
 * @example
 * new aws.sfn.StateMachine("starter", {
 *   type: "STANDARD",
 *   roleArn: role.arn,
 *   definition: JSON.stringify(startWorkflowDefinition()),
 * });
 */
export function startWorkflowDefinition(
  options: StartWorkflowOptions = {},
): StateMachineDefinition {
  const raced: Catcher = {
    ErrorEquals: [INVALID_DB_CLUSTER_STATE],
    Next: "WaitAndDescribe",
    ResultPath: "$.LastRefusal",
  };
  const refusals: Record<string, State> = {};
  const refusalCatches: Catcher[] = START_REFUSALS.map((r) => {
    const subs = [ID, { sample: "sample-cause", path: "$.StartRefusal.Cause" }];
    refusals[r.name] = failurePass(WORKFLOW_ERRORS.cannotStart, r.sentence, subs);
    return { ErrorEquals: [r.error], Next: r.name, ResultPath: "$.StartRefusal" };
  });
  return {
    Comment: "aurora-power: start an Aurora DB cluster once it can be started (idempotent).",
    StartAt: "Describe",
    TimeoutSeconds: options.maxRunSeconds ?? 3600,
    States: {
      Describe: rdsTask(START_WORKFLOW_RESOURCES.describeDBClusters, "$.Described", "Plan", [GONE]),
      ...planStates(),
      StartCluster: rdsTask(
        START_WORKFLOW_RESOURCES.startDBCluster,
        "$.StartResult",
        "StartRequested",
        [GONE, raced, ...refusalCatches],
      ),
      WaitAndDescribe: {
        Type: "Wait",
        Seconds: options.pollIntervalSeconds ?? 30,
        Next: "Describe",
      },
      ...refusals,
      Failed: {
        Type: "Fail",
        ErrorPath: `${FAILURE_PATH}.Error`,
        CausePath: `${FAILURE_PATH}.Cause`,
      },
      StartNotNeeded: { Type: "Succeed", Comment: "already running, or a start is in progress" },
      StartRequested: { Type: "Succeed", Comment: "RDS accepted StartDBCluster" },
      ClusterGone: { Type: "Succeed", Comment: "the cluster no longer exists" },
    },
  };
}
