import {
  stopRefusals,
  type StopFacts,
  type StopRefusal,
  type StopRefusalKind,
} from "../aurora/stoppability";
import type { ChoiceRule, State, TopChoiceRule } from "./aslTypes";
import { formatParameter, type Substitution } from "./intrinsicFormat";
import { OVERRIDE_CHECK_STATE } from "./overrideStates";
import { CLUSTER_PATH, refusalChecks } from "./refusalChecks";
import { WORKFLOW_ERRORS } from "./sdkErrorNames";
import {
  exampleOf,
  failureReasonOf,
  knownStatusSteps,
  UNKNOWN_STATUS_PROBE,
  stopStepOf,
  type StatusStep,
} from "./workflowSteps";

/** Names of the states the plan leads to (the rest of the machine defines them). */
export const PLAN_TARGETS = {
  succeed: "StopNotNeeded",
  /** The override check (`overrideStates.ts`), which leads to the StopDBCluster task or not. */
  stop: OVERRIDE_CHECK_STATE,
  wait: "WaitForAvailable",
  failed: "Failed",
} as const;

/** Where a failing path writes `{ Error, Cause }` for the Fail state. */
export const FAILURE_PATH = "$.Failure";

/** Where a described cluster's status is. */
export const STATUS_PATH = `${CLUSTER_PATH}.Status`;
/** The cluster identifier in the sentences, replaced by the input's at run time ({@link ID}). */
export const ID_SAMPLE = "sample-cluster-id";
/** The substitution of {@link ID_SAMPLE} by the run's cluster identifier. */
export const ID: Substitution = { sample: ID_SAMPLE, path: "$.DbClusterIdentifier" };

/** The Choice rule matching one status, or one status pattern. */
export function statusRule(entry: StatusStep<string>): ChoiceRule {
  return entry.isPattern
    ? { Variable: STATUS_PATH, StringMatches: entry.status }
    : { Variable: STATUS_PATH, StringEquals: entry.status };
}

/** An exact status a pattern with the same step already matches (`incompatible-network`). */
function coveredByPattern(
  entry: StatusStep<string>,
  steps: readonly StatusStep<string>[],
): boolean {
  return (
    !entry.isPattern &&
    steps.some(
      (p) =>
        p.isPattern &&
        p.step.kind === entry.step.kind &&
        entry.status.startsWith(p.status.replace("*", "")),
    )
  );
}

function stateName(prefix: string, key: string): string {
  return `${prefix}-${key.replace(/\*/g, "").replace(/[^A-Za-z0-9-]/g, "-")}`.replace(/-+$/, "");
}

/** A Pass that words a failure at {@link FAILURE_PATH}, then goes to the Fail state. */
export function failurePass(error: string, sentence: string, subs: Substitution[]): State {
  return {
    Type: "Pass",
    Parameters: { Error: error, ...formatParameter("Cause", sentence, subs) },
    ResultPath: FAILURE_PATH,
    Next: PLAN_TARGETS.failed,
  };
}

/**
 * One Choice rule and one failure Pass per terminal status (a status no power call can leave),
 * except an exact status its pattern already covers: "cluster `…` cannot be <verb>: <reason>".
 */
export function terminalStatusStates(
  steps: readonly StatusStep<string>[],
  verb: "stopped" | "started",
): { choices: TopChoiceRule[]; passes: Record<string, State> } {
  const choices: TopChoiceRule[] = [];
  const passes: Record<string, State> = {};
  for (const entry of steps) {
    const reason = failureReasonOf(entry.step);
    if (reason === undefined || coveredByPattern(entry, steps)) continue;
    const name = stateName("Terminal", entry.status);
    const example = entry.isPattern ? exampleOf(entry.status) : entry.status;
    const sentence = `cluster \`${ID_SAMPLE}\` cannot be ${verb}: ${reason}`;
    const subs = [ID, { sample: example, path: STATUS_PATH }];
    passes[name] = failurePass(WORKFLOW_ERRORS.statusNeedsOperator, sentence, subs);
    choices.push({ ...statusRule(entry), Next: name });
  }
  return { choices, passes };
}

/** The `Plan` Choice state and the Pass states that word its failures. */
export interface PlanStates {
  plan: State;
  failurePasses: Record<string, State>;
}

/**
 * Builds the Choice that turns one DescribeDBClusters result into the next step, entirely from
 * `provider/aurora`: the stop steps of every known status (`stopStepOf`, i.e. `planTransition`)
 * and the refusals of `stopRefusals`. Order: nothing to do → cannot be stopped → terminal status →
 * stop → wait; an unknown status waits (the `Default`, which is `stopStepOf` of an unknown status).
 */
export function planChoice(): PlanStates {
  const steps = knownStatusSteps();
  const failurePasses: Record<string, State> = {};
  const choices: TopChoiceRule[] = [];
  const group = (kind: "succeed" | "stop" | "wait"): ChoiceRule[] =>
    steps.filter((s) => s.step.kind === kind).map(statusRule);
  choices.push({ Or: group("succeed"), Next: PLAN_TARGETS.succeed });
  for (const check of refusalChecks()) {
    const name = stateName("Refuse", check.variant ? `${check.kind}-${check.variant}` : check.kind);
    const refusal = refusalOf(check.probe, check.kind);
    const sentence = `cluster \`${ID_SAMPLE}\` cannot be stopped: ${refusal.why}; ${refusal.fix}`;
    const subs = [ID, ...(check.sample ? [check.sample] : []), ...(check.moreSamples ?? [])];
    failurePasses[name] = failurePass(WORKFLOW_ERRORS.cannotStop, sentence, subs);
    choices.push({ ...check.rule, Next: name });
  }
  const terminal = terminalStatusStates(steps, "stopped");
  Object.assign(failurePasses, terminal.passes);
  choices.push(...terminal.choices);
  choices.push({ Or: group("stop"), Next: PLAN_TARGETS.stop });
  choices.push({ Or: group("wait"), Next: PLAN_TARGETS.wait });
  const fallback = stopStepOf(UNKNOWN_STATUS_PROBE).kind === "wait" ? "wait" : "failed";
  return {
    plan: { Type: "Choice", Choices: choices, Default: PLAN_TARGETS[fallback] },
    failurePasses,
  };
}

function refusalOf(probe: StopFacts, kind: StopRefusalKind): StopRefusal {
  const found = stopRefusals(probe).find((r) => r.kind === kind);
  if (!found) throw new Error(`stopRefusals gives no \`${kind}\` refusal for its probe`);
  return found;
}
