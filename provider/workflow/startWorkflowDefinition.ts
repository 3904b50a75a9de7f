import type {
  Catcher,
  ChoiceRule,
  Retrier,
  State,
  StateMachineDefinition,
  TopChoiceRule,
} from "./aslTypes";
import { formatParameter, type Substitution } from "./intrinsicFormat";
import { CLUSTER_PATH } from "./refusalChecks";
import {
  DB_CLUSTER_NOT_FOUND,
  INVALID_DB_CLUSTER_STATE,
  KMS_KEY_NOT_ACCESSIBLE,
  RDS_EXCEPTION,
  SDK_CLIENT_EXCEPTION,
  VPC_ENCRYPTION_CONTROL_VIOLATION,
  WORKFLOW_ERRORS,
} from "./sdkErrorNames";
import { knownStartSteps, startStepOf, type StartStatusStep } from "./startSteps";

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

const ID_SAMPLE = "sample-cluster-id";
const ID: Substitution = { sample: ID_SAMPLE, path: "$.DbClusterIdentifier" };
const STATUS_PATH = `${CLUSTER_PATH}.Status`;
const FAILURE_PATH = "$.Failure";

// The stop workflow's transient retry: throttling, 5xx and network errors, with full jitter.
const TRANSIENT_RETRY: Retrier = {
  ErrorEquals: [RDS_EXCEPTION, SDK_CLIENT_EXCEPTION],
  IntervalSeconds: 2,
  MaxAttempts: 8,
  BackoffRate: 2,
  MaxDelaySeconds: 60,
  JitterStrategy: "FULL",
};
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

function statusRule(entry: StartStatusStep): ChoiceRule {
  return entry.isPattern
    ? { Variable: STATUS_PATH, StringMatches: entry.status }
    : { Variable: STATUS_PATH, StringEquals: entry.status };
}

function failurePass(error: string, sentence: string, subs: Substitution[]): State {
  return {
    Type: "Pass",
    Parameters: { Error: error, ...formatParameter("Cause", sentence, subs) },
    ResultPath: FAILURE_PATH,
    Next: "Failed",
  };
}

/** The `Plan` Choice (from `startStepOf` of every known status) and its failure Pass states. */
function planStates(): Record<string, State> {
  const steps = knownStartSteps();
  const states: Record<string, State> = {};
  const group = (kind: string) => steps.filter((s) => s.step.kind === kind).map(statusRule);
  const terminal = steps.filter(
    (s) => s.step.kind === "fail" && (s.isPattern || !s.status.startsWith("incompatible-")),
  );
  const choices: TopChoiceRule[] = [{ Or: group("succeed"), Next: "StartNotNeeded" }];
  for (const entry of terminal) {
    const name = `Terminal-${entry.status.replace(/\*/g, "").replace(/-+$/, "")}`;
    const example = entry.status.replace("*", "example");
    const reason = startStepOf(example);
    const sentence = `cluster \`${ID_SAMPLE}\` cannot be started: ${reason.kind === "fail" ? reason.reason : ""}`;
    const subs = [ID, { sample: example, path: STATUS_PATH }];
    states[name] = failurePass(WORKFLOW_ERRORS.statusNeedsOperator, sentence, subs);
    choices.push({ ...statusRule(entry), Next: name });
  }
  choices.push({ Or: group("start"), Next: "StartCluster" });
  choices.push({ Or: group("wait"), Next: "WaitAndDescribe" });
  const fallback =
    startStepOf("a-status-rds-adds-later").kind === "wait" ? "WaitAndDescribe" : "Failed";
  states.Plan = { Type: "Choice", Choices: choices, Default: fallback };
  return states;
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
