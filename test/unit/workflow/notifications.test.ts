/**
 * `withNotifications`: the exact states it adds to a small definition, and on the real stop
 * workflow: valid ASL, every Fail reached only through its notification, every Task's unhandled
 * errors caught, the input definition untouched.
 */
import type { State, StateMachineDefinition } from "../../../provider/workflow/aslTypes";
import {
  withNotifications,
  type NotificationOptions,
} from "../../../provider/workflow/notifications";
import { notificationSubject } from "../../../provider/workflow/notificationText";
import { STOP_OUTCOMES, STOP_REASON_PATHS } from "../../../provider/workflow/stopOutcomes";
import { stopWorkflowDefinition } from "../../../provider/workflow/stopWorkflowDefinition";

// asl-validator 4 ships no type declarations; it adds `QueryLanguage` to what it validates.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const aslValidator = require("asl-validator") as (definition: unknown) => {
  isValid: boolean;
  errors: unknown[];
};
const validate = (definition: StateMachineDefinition) => aslValidator(structuredClone(definition));

const TOPIC = "arn:aws:sns:eu-west-1:123456789012:ops";
const options = (notifyOn: "failures" | "all"): NotificationOptions => ({
  topicArn: TOPIC,
  notifyOn,
  region: "eu-west-1",
  action: "stop",
  outcomes: { Done: "already stopped", Gone: "gone" },
});

const tiny = (): StateMachineDefinition => ({
  Comment: "tiny",
  StartAt: "Describe",
  TimeoutSeconds: 60,
  States: {
    Describe: {
      Type: "Task",
      Resource: "arn:aws:states:::aws-sdk:rds:describeDBClusters",
      Parameters: { "DbClusterIdentifier.$": "$.DbClusterIdentifier" },
      ResultPath: "$.Described",
      TimeoutSeconds: 60,
      Retry: [],
      Catch: [{ ErrorEquals: ["Rds.DbClusterNotFoundException"], Next: "Gone", ResultPath: null }],
      Next: "Plan",
    },
    Plan: {
      Type: "Choice",
      Choices: [{ Variable: "$.Described.Status", StringEquals: "stopped", Next: "Done" }],
      Default: "Failed",
    },
    Done: { Type: "Succeed", Comment: "already stopped" },
    Gone: { Type: "Succeed", Comment: "the cluster no longer exists" },
    Failed: { Type: "Fail", ErrorPath: "$.Failure.Error", CausePath: "$.Failure.Cause" },
  },
});

const retry = {
  ErrorEquals: ["States.ALL"],
  IntervalSeconds: 1,
  MaxAttempts: 3,
  BackoffRate: 2,
  JitterStrategy: "FULL",
};

/** The three states the transform puts before terminal `name`. */
function expectedNotify(name: string, outcome: string, reason: Record<string, string>) {
  const publish = (subject: Record<string, string>, onError: string) => ({
    Type: "Task",
    Resource: "arn:aws:states:::sns:publish",
    Parameters: {
      TopicArn: TOPIC,
      ...subject,
      "Message.$": "States.JsonToString($.Notification)",
    },
    ResultPath: null,
    TimeoutSeconds: 10,
    Retry: [retry],
    Catch: [{ ErrorEquals: ["States.ALL"], Next: onError, ResultPath: "$.NotificationError" }],
    Next: name,
  });
  return {
    [`Notify-${name}`]: {
      Type: "Pass",
      Parameters: {
        source: "aurora-power",
        "cluster.$": "$.DbClusterIdentifier",
        region: "eu-west-1",
        action: "stop",
        outcome,
        ...reason,
      },
      ResultPath: "$.Notification",
      Next: `Publish-${name}`,
    },
    [`Publish-${name}`]: publish(
      {
        "Subject.$": `States.Format('aurora-power: {} (eu-west-1) stop: ${outcome}', $.Notification.cluster)`,
      },
      `PublishWithoutSubject-${name}`,
    ),
    [`PublishWithoutSubject-${name}`]: publish({}, name),
  };
}

const unexpectedReason = {
  "reason.$":
    "States.Format('unexpected error `{}`: {}; the workflow retried what it could retry, see the execution\\'s events in the Step Functions console', $.Unexpected.Error, $.Unexpected.Cause)",
};

test("notifyOn failures: the exact states before each Fail, and a catch-all for the Task", () => {
  const original = tiny();
  expect(withNotifications(original, options("failures"))).toEqual({
    Comment: "tiny",
    StartAt: "Describe",
    TimeoutSeconds: 60,
    States: {
      Describe: {
        ...original.States.Describe,
        Catch: [
          { ErrorEquals: ["Rds.DbClusterNotFoundException"], Next: "Gone", ResultPath: null },
          {
            ErrorEquals: ["States.ALL"],
            Next: "Notify-UnexpectedError",
            ResultPath: "$.Unexpected",
          },
        ],
      },
      Plan: {
        Type: "Choice",
        Choices: [{ Variable: "$.Described.Status", StringEquals: "stopped", Next: "Done" }],
        Default: "Notify-Failed",
      },
      Done: { Type: "Succeed", Comment: "already stopped" },
      Gone: { Type: "Succeed", Comment: "the cluster no longer exists" },
      Failed: { Type: "Fail", ErrorPath: "$.Failure.Error", CausePath: "$.Failure.Cause" },
      UnexpectedError: {
        Type: "Fail",
        Comment: "an error no state handles; Error and Cause are the original error's",
        ErrorPath: "$.Unexpected.Error",
        CausePath: "$.Unexpected.Cause",
      },
      ...expectedNotify("Failed", "failed", { "reason.$": "$.Failure.Cause" }),
      ...expectedNotify("UnexpectedError", "failed", unexpectedReason),
    },
  });
  expect(original).toEqual(tiny());
});

test("notifyOn all: Succeed states are reached through their notification too", () => {
  const states = withNotifications(tiny(), options("all")).States;
  expect(states).toMatchObject({
    ...expectedNotify("Done", "already stopped", { reason: "already stopped" }),
    ...expectedNotify("Gone", "gone", { reason: "the cluster no longer exists" }),
    ...expectedNotify("Failed", "failed", { "reason.$": "$.Failure.Cause" }),
  });
  expect(states.Plan).toEqual({
    Type: "Choice",
    Choices: [{ Variable: "$.Described.Status", StringEquals: "stopped", Next: "Notify-Done" }],
    Default: "Notify-Failed",
  });
  expect(states.Describe).toMatchObject({
    Catch: [
      { ErrorEquals: ["Rds.DbClusterNotFoundException"], Next: "Notify-Gone", ResultPath: null },
      { ErrorEquals: ["States.ALL"], Next: "Notify-UnexpectedError", ResultPath: "$.Unexpected" },
    ],
  });
  expect(Object.keys(states)).toHaveLength(6 + 4 * 3);
});

test("a terminal StartAt is redirected; a Task with a catch-all keeps it", () => {
  const definition: StateMachineDefinition = {
    Comment: "",
    StartAt: "Done",
    TimeoutSeconds: 1,
    States: { Done: { Type: "Succeed" } },
  };
  const all = { ...options("all"), outcomes: { Done: "done" } };
  expect(withNotifications(definition, all).StartAt).toBe("Notify-Done");
  const caught = tiny();
  const describe = caught.States.Describe as Extract<State, { Type: "Task" }>;
  describe.Catch = [{ ErrorEquals: ["States.ALL"], Next: "Failed", ResultPath: "$.Failure" }];
  const states = withNotifications(caught, options("failures")).States;
  expect(states.Describe).toMatchObject({
    Catch: [{ ErrorEquals: ["States.ALL"], Next: "Notify-Failed", ResultPath: "$.Failure" }],
  });
});

test("refuses a Succeed state without an outcome and a state ending with End, whatever notifyOn", () => {
  const noOutcome = { ...options("failures"), outcomes: { Done: "already stopped" } };
  expect(() => withNotifications(tiny(), noOutcome)).toThrow(
    "withNotifications: no outcome for Succeed state `Gone`; add it to `outcomes`",
  );
  const ending = tiny();
  ending.States.Plan = { Type: "Pass", End: true };
  expect(() => withNotifications(ending, options("failures"))).toThrow(
    "withNotifications: `Plan` ends the run with `End`; end it in a Succeed state",
  );
});

describe("on the stop workflow", () => {
  const stop = (notifyOn: "failures" | "all") =>
    withNotifications(stopWorkflowDefinition(), {
      topicArn: TOPIC,
      notifyOn,
      region: "eu-west-1",
      action: "stop",
      outcomes: STOP_OUTCOMES,
      reasonPaths: STOP_REASON_PATHS,
    });

  /** Every (state, next) edge of a definition. */
  const edges = (d: StateMachineDefinition): [string, string][] =>
    Object.entries(d.States).flatMap(([name, s]): [string, string][] => {
      const nexts =
        s.Type === "Choice"
          ? [...s.Choices.map((c) => c.Next), s.Default]
          : s.Type === "Task"
            ? [...s.Catch.map((c) => c.Next), ...(s.Next ? [s.Next] : [])]
            : "Next" in s && s.Next
              ? [s.Next]
              : [];
      return nexts.map((next): [string, string] => [name, next]);
    });

  it.each(["failures", "all"] as const)("notifyOn %s passes asl-validator", (notifyOn) => {
    expect(validate(stop(notifyOn))).toMatchObject({ isValid: true, errors: [] });
  });

  it.each(["failures", "all"] as const)(
    "notifyOn %s: each notified terminal state is entered only from its two publishes",
    (notifyOn) => {
      const definition = stop(notifyOn);
      const notified =
        notifyOn === "all"
          ? [
              "ClusterGone",
              "Failed",
              "KeptRunning",
              "StopNotNeeded",
              "StopRequested",
              "UnexpectedError",
            ]
          : ["Failed", "UnexpectedError"];
      for (const terminal of notified) {
        const from = edges(definition).filter(([, next]) => next === terminal);
        expect(from).toEqual([
          [`Publish-${terminal}`, terminal],
          [`PublishWithoutSubject-${terminal}`, terminal],
          [`PublishWithoutSubject-${terminal}`, terminal],
        ]);
      }
      const quiet = ["ClusterGone", "KeptRunning", "StopNotNeeded", "StopRequested"].filter(
        (t) => !notified.includes(t),
      );
      for (const terminal of quiet) expect(definition.States[`Notify-${terminal}`]).toBeUndefined();
    },
  );

  it("every RDS Task keeps its catchers and ends with a catch-all to the failure notification", () => {
    const original = stopWorkflowDefinition();
    const definition = stop("failures");
    for (const [name, state] of Object.entries(original.States)) {
      if (state.Type !== "Task") continue;
      const after = definition.States[name] as Extract<State, { Type: "Task" }>;
      expect(after.Catch).toEqual([
        ...state.Catch,
        { ErrorEquals: ["States.ALL"], Next: "Notify-UnexpectedError", ResultPath: "$.Unexpected" },
      ]);
    }
    expect(original).toEqual(stopWorkflowDefinition());
    // The global database step (merged from another branch) is among them.
    expect(
      (definition.States.DescribeGlobalCluster as Extract<State, { Type: "Task" }>).Catch,
    ).toEqual([
      {
        ErrorEquals: ["Rds.GlobalClusterNotFoundException"],
        Next: "GlobalCountUnknown",
        ResultPath: null,
      },
      { ErrorEquals: ["States.ALL"], Next: "Notify-UnexpectedError", ResultPath: "$.Unexpected" },
    ]);
  });

  it("a reason path: a Choice picks the recorded reason when the run holds it, else the Comment", () => {
    const states = stop("all").States;
    expect(states["Notify-KeptRunning"]).toEqual({
      Type: "Choice",
      Choices: [
        { Variable: "$.Override.Reason", IsPresent: true, Next: "NotifyRecorded-KeptRunning" },
      ],
      Default: "NotifyDefault-KeptRunning",
    });
    expect(states["NotifyRecorded-KeptRunning"]).toMatchObject({
      Type: "Pass",
      Parameters: { outcome: "kept running", "reason.$": "$.Override.Reason" },
      Next: "Publish-KeptRunning",
    });
    expect(states["NotifyDefault-StopRequested"]).toMatchObject({
      Type: "Pass",
      Parameters: { outcome: "stopping", reason: "RDS accepted StopDBCluster" },
      Next: "Publish-StopRequested",
    });
    expect(states["Notify-ClusterGone"]).toMatchObject({ Type: "Pass" });
  });
});

test("a Subject stays under SNS's 100 characters for identifiers up to 45 characters", () => {
  const outcomes = ["failed", ...Object.values(STOP_OUTCOMES)];
  const lengths = outcomes.map(
    (outcome) => notificationSubject("a".repeat(45), "ap-southeast-5", "start", outcome).length,
  );
  expect(Math.max(...lengths)).toBe(99);
  // RDS allows 63: such a Subject can go over, and the workflow publishes without one
  // (test/integration/workflow/notifications.test.ts).
  expect(notificationSubject("a".repeat(63), "eu-west-1", "stop", "failed")).toHaveLength(102);
});
