/**
 * Notifications as a layer over any workflow definition of this package: a pure transform that
 * publishes to an Amazon SNS topic before the run reaches a terminal state, so the definitions
 * themselves stay free of it. Sources: "Call Amazon SNS with Step Functions" (optimized
 * integration `arn:aws:states:::sns:publish`, Parameters `TopicArn`, `Subject`, `Message`) and
 * "Handling errors in Step Functions workflows" (`States.ALL` must be alone and last in a Catch).
 */
import type { Catcher, Retrier, State, StateMachineDefinition } from "./aslTypes";
import { formatParameter } from "./intrinsicFormat";
import {
  FAILED_OUTCOME,
  NOTIFICATION_SOURCE,
  notificationSubject,
  unexpectedErrorReason,
  type NotifiedAction,
} from "./notificationText";

/** Resource of the Step Functions optimized integration that publishes to a topic. */
export const SNS_PUBLISH_RESOURCE = "arn:aws:states:::sns:publish";

/** The Fail state the transform adds for errors no state of the definition handles. */
export const UNEXPECTED_ERROR_STATE = "UnexpectedError";

/** Where a notification is built (the Pass before the publish writes it there). */
export const NOTIFICATION_PATH = "$.Notification";

/** Which runs notify: only those that end failed, or every run. */
export type NotifyOn = "failures" | "all";

/** Options of {@link withNotifications}. */
export interface NotificationOptions {
  /** The SNS topic (standard, same Region). */
  topicArn: string;
  notifyOn: NotifyOn;
  /** The Region the workflow runs in, named in every notification. */
  region: string;
  action: NotifiedAction;
  /** The outcome word of each Succeed state, e.g. `{ ClusterGone: "gone" }`. Fail states: `failed`. */
  outcomes: Readonly<Record<string, string>>;
  /** Where the run's input keeps the cluster. Default `$.DbClusterIdentifier`. */
  clusterPath?: string;
  /**
   * Where a run may have recorded why it reached a Succeed state (`{ KeptRunning: "$.Override.Reason" }`):
   * the notification's reason is that text when present, else the state's `Comment`.
   */
  reasonPaths?: Readonly<Record<string, string>>;
}

const UNEXPECTED_PATH = "$.Unexpected";
const SAMPLE_CLUSTER = "sample-cluster-id";
const SAMPLE_ERROR = "SampleErrorName";
const SAMPLE_CAUSE = "sample cause";

// A notification is worth a few attempts (SNS throttling, a 5xx), never the run's outcome: after
// them the run goes on to its terminal state.
const PUBLISH_RETRY: Retrier = {
  ErrorEquals: ["States.ALL"],
  IntervalSeconds: 1,
  MaxAttempts: 3,
  BackoffRate: 2,
  JitterStrategy: "FULL",
};

/** The `reason` parameter of a terminal state's notification. */
function reasonParameter(name: string, state: State, outcome: string): Record<string, string> {
  if (name === UNEXPECTED_ERROR_STATE) {
    return formatParameter("reason", unexpectedErrorReason(SAMPLE_ERROR, SAMPLE_CAUSE), [
      { sample: SAMPLE_ERROR, path: `${UNEXPECTED_PATH}.Error` },
      { sample: SAMPLE_CAUSE, path: `${UNEXPECTED_PATH}.Cause` },
    ]);
  }
  if (state.Type === "Fail") return { "reason.$": state.CausePath };
  return { reason: state.Comment ?? outcome };
}

function publishTask(
  options: NotificationOptions,
  subject: Record<string, string>,
  next: string,
  onError: string,
): State {
  return {
    Type: "Task",
    Resource: SNS_PUBLISH_RESOURCE,
    Parameters: {
      TopicArn: options.topicArn,
      ...subject,
      "Message.$": `States.JsonToString(${NOTIFICATION_PATH})`,
    },
    ResultPath: null,
    TimeoutSeconds: 10,
    Retry: [PUBLISH_RETRY],
    Catch: [{ ErrorEquals: ["States.ALL"], Next: onError, ResultPath: "$.NotificationError" }],
    Next: next,
  };
}

/**
 * The state(s), entered at `Notify-<name>`, that build the notification of `name`. With a reason
 * path, a Choice takes it only when present: a Pass fails the run on a path its input lacks.
 */
function buildStates(
  name: string,
  state: State,
  outcome: string,
  options: NotificationOptions,
): Record<string, State> {
  const build = (reason: Record<string, string>): State => ({
    Type: "Pass",
    Parameters: {
      source: NOTIFICATION_SOURCE,
      "cluster.$": options.clusterPath ?? "$.DbClusterIdentifier",
      region: options.region,
      action: options.action,
      outcome,
      ...reason,
    },
    ResultPath: NOTIFICATION_PATH,
    Next: `Publish-${name}`,
  });
  const reasonPath = options.reasonPaths?.[name];
  if (reasonPath === undefined)
    return { [`Notify-${name}`]: build(reasonParameter(name, state, outcome)) };
  return {
    [`Notify-${name}`]: {
      Type: "Choice",
      Choices: [{ Variable: reasonPath, IsPresent: true, Next: `NotifyRecorded-${name}` }],
      Default: `NotifyDefault-${name}`,
    },
    [`NotifyRecorded-${name}`]: build({ "reason.$": reasonPath }),
    [`NotifyDefault-${name}`]: build(reasonParameter(name, state, outcome)),
  };
}

/**
 * The states that lead to terminal state `name`: build the notification, publish it with a
 * Subject, and if that fails (a Subject over SNS's limit, or SNS refusing), publish it without.
 */
function notifyStates(
  name: string,
  state: State,
  outcome: string,
  options: NotificationOptions,
): Record<string, State> {
  const subject = formatParameter(
    "Subject",
    notificationSubject(SAMPLE_CLUSTER, options.region, options.action, outcome),
    [{ sample: SAMPLE_CLUSTER, path: `${NOTIFICATION_PATH}.cluster` }],
  );
  const plain = `PublishWithoutSubject-${name}`;
  return {
    ...buildStates(name, state, outcome, options),
    [`Publish-${name}`]: publishTask(options, subject, name, plain),
    [plain]: publishTask(options, {}, name, name),
  };
}

/**
 * The outcome word of a terminal state (undefined for other states). A Succeed state without one,
 * or a state ending the run with `End`, is a programming error: say which.
 */
function outcomeOf(name: string, state: State, options: NotificationOptions): string | undefined {
  if (state.Type === "Fail") return FAILED_OUTCOME;
  if ("End" in state && state.End === true)
    throw new Error(
      `withNotifications: \`${name}\` ends the run with \`End\`; end it in a Succeed state`,
    );
  if (state.Type !== "Succeed") return undefined;
  const outcome = options.outcomes[name];
  if (outcome === undefined)
    throw new Error(
      `withNotifications: no outcome for Succeed state \`${name}\`; add it to \`outcomes\``,
    );
  return outcome;
}

/** Every state with `Next`/`Default`/`Catch` pointing at `from` points at `to` instead. */
function redirect(states: Record<string, State>, from: string, to: string): void {
  const swap = (target: string): string => (target === from ? to : target);
  for (const state of Object.values(states)) {
    if (state.Type === "Choice") {
      state.Choices = state.Choices.map((rule) => ({ ...rule, Next: swap(rule.Next) }));
      state.Default = swap(state.Default);
    } else if (state.Type !== "Succeed" && state.Type !== "Fail") {
      if (state.Next !== undefined) state.Next = swap(state.Next);
      if (state.Type === "Task")
        state.Catch = state.Catch.map((c: Catcher) => ({ ...c, Next: swap(c.Next) }));
    }
  }
}

/** Adds a last `States.ALL` catcher, to {@link UNEXPECTED_ERROR_STATE}, to Tasks without one. */
function catchUnexpected(states: Record<string, State>): void {
  for (const state of Object.values(states)) {
    if (state.Type !== "Task" || state.Catch.some((c) => c.ErrorEquals.includes("States.ALL")))
      continue;
    state.Catch = [
      ...state.Catch,
      { ErrorEquals: ["States.ALL"], Next: UNEXPECTED_ERROR_STATE, ResultPath: UNEXPECTED_PATH },
    ];
  }
  states[UNEXPECTED_ERROR_STATE] = {
    Type: "Fail",
    Comment: "an error no state handles; Error and Cause are the original error's",
    ErrorPath: `${UNEXPECTED_PATH}.Error`,
    CausePath: `${UNEXPECTED_PATH}.Cause`,
  };
}

/**
 * `definition` with notifications: before every Fail state (and, with `notifyOn: "all"`, every
 * Succeed state) a Pass builds `{ source, cluster, region, action, outcome, reason }` and a Task
 * publishes it to `topicArn` as JSON, with a Subject naming the cluster, Region, action and
 * outcome. Tasks without a `States.ALL` catcher get one, to a Fail state that keeps the original
 * Error and Cause, so errors the definition does not handle are reported too. A publish that
 * still fails after its retries lets the run end as it would have (`$.NotificationError` says
 * why). Not reported from inside: the run's own `TimeoutSeconds`, an abort, and `States.Runtime`
 * errors, which end the execution without running any state (docs/keep-stopped-and-schedules.md, "What the workflows cannot report").
 *
 * @example
 * withNotifications(stopWorkflowDefinition(), {
 *   topicArn: "arn:aws:sns:eu-west-1:123456789012:ops",
 *   notifyOn: "failures",
 *   region: "eu-west-1",
 *   action: "stop",
 *   outcomes: STOP_OUTCOMES,
 * });
 */
export function withNotifications(
  definition: StateMachineDefinition,
  options: NotificationOptions,
): StateMachineDefinition {
  const states = structuredClone(definition.States);
  // Checked for every terminal state, whatever `notifyOn`, so a new Succeed state of a definition
  // fails its tests rather than only the deployments that notify on every run.
  const outcomes = new Map(
    Object.entries(states).map(([name, state]) => [name, outcomeOf(name, state, options)]),
  );
  catchUnexpected(states);
  outcomes.set(UNEXPECTED_ERROR_STATE, FAILED_OUTCOME);
  let startAt = definition.StartAt;
  for (const [name, state] of Object.entries(states)) {
    const outcome = outcomes.get(name);
    if (outcome === undefined || (state.Type === "Succeed" && options.notifyOn !== "all")) continue;
    redirect(states, name, `Notify-${name}`);
    if (startAt === name) startAt = `Notify-${name}`;
    Object.assign(states, notifyStates(name, state, outcome, options));
  }
  return { ...definition, StartAt: startAt, States: states };
}
