/**
 * The start workflow's definition: valid Amazon States Language, and for every known status the
 * real interpreter takes the step `planTransition(status, "running")` plans; StartDBCluster's
 * refusals end as documented.
 */
import type { StateMachine as LocalStateMachine } from "aws-local-stepfunctions" with {
  "resolution-mode": "import",
};
import { KNOWN_CLUSTER_STATUSES } from "../../../provider/aurora/knownStatuses";
import { planTransition } from "../../../provider/aurora/planTransition";
import { withNotifications } from "../../../provider/workflow/notifications";
import { START_OUTCOMES } from "../../../provider/workflow/startOutcomes";
import { startStepOf } from "../../../provider/workflow/workflowSteps";
import { startWorkflowDefinition } from "../../../provider/workflow/startWorkflowDefinition";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { StateMachine } = require("aws-local-stepfunctions") as {
  StateMachine: typeof LocalStateMachine;
};
// eslint-disable-next-line @typescript-eslint/no-require-imports
const aslValidator = require("asl-validator") as (definition: unknown) => { isValid: boolean };

interface Run {
  status: "SUCCEEDED" | "FAILED";
  error?: string;
  cause?: string;
  describes: number;
  starts: number;
  last?: string;
}

/** Each describe answers the next status (the last repeats); StartDBCluster throws `refusals` in turn. */
async function run(statuses: string[], refusals: { name: string; message: string }[] = []) {
  const result: Run = { status: "SUCCEEDED", describes: 0, starts: 0 };
  const machine = new StateMachine(startWorkflowDefinition() as never, {
    validationOptions: { checkArn: false },
  });
  const execution = machine.run(
    { DbClusterIdentifier: "dev-orders" },
    {
      overrides: {
        taskResourceLocalHandlers: {
          Describe: () => {
            const status = statuses[Math.min(result.describes, statuses.length - 1)];
            result.describes += 1;
            return Promise.resolve({ DbClusters: [{ Status: status }] } as never);
          },
          StartCluster: () => {
            const refusal = refusals[result.starts];
            result.starts += 1;
            if (refusal === undefined)
              return Promise.resolve({ DbCluster: { Status: "starting" } } as never);
            return Promise.reject(
              Object.assign(new Error(refusal.message), { name: refusal.name }),
            );
          },
        },
        waitTimeOverrides: { WaitAndDescribe: 0 },
      },
    },
  );
  const logging = (async () => {
    for await (const event of execution.eventLogs)
      if (event.type === "StateEntered") result.last = event.state.name;
  })();
  try {
    await execution.result;
  } catch (failure) {
    const cause = (failure as { cause?: { name?: string; message?: string } }).cause;
    Object.assign(result, { status: "FAILED", error: cause?.name, cause: cause?.message });
  }
  await logging.catch(() => undefined);
  return result;
}

test("passes asl-validator, alone and with notifications", () => {
  expect(aslValidator(startWorkflowDefinition())).toMatchObject({ isValid: true });
  const notified = withNotifications(startWorkflowDefinition(), {
    topicArn: "arn:aws:sns:eu-west-1:123456789012:ops",
    notifyOn: "all",
    region: "eu-west-1",
    action: "start",
    outcomes: START_OUTCOMES,
  });
  expect(aslValidator(notified)).toMatchObject({ isValid: true });
});

const statuses = [
  ...KNOWN_CLUSTER_STATUSES,
  "incompatible-something-new",
  "a-status-rds-adds-later",
];

test.each(statuses)("status `%s`: the workflow does what planTransition plans", async (status) => {
  const plan = planTransition(status, "running");
  const result = await run([status, "stopped"]);
  const step = startStepOf(status);
  if (step.kind === "succeed") {
    expect(plan.kind === "done" || status === "starting" || status === "creating").toBe(true);
    expect(result).toMatchObject({ status: "SUCCEEDED", starts: 0, last: "StartNotNeeded" });
  } else if (step.kind === "start") {
    expect(plan).toEqual({ kind: "act", action: "start" });
    expect(result).toMatchObject({ status: "SUCCEEDED", starts: 1, last: "StartRequested" });
  } else if (step.kind === "wait") {
    expect(plan.kind).toBe("wait");
    expect(result).toMatchObject({ status: "SUCCEEDED", describes: 2, starts: 1 });
  } else {
    expect(result).toEqual({
      status: "FAILED",
      error: "AuroraPower.StatusNeedsOperator",
      cause: `cluster \`dev-orders\` cannot be started: ${plan.kind === "fail" ? plan.reason : ""}`,
      describes: 1,
      starts: 0,
      last: "Failed",
    });
  }
});

test("a start refused for the cluster's state (a race) describes and plans again", async () => {
  const result = await run(
    ["stopped", "stopping", "stopped"],
    [
      {
        name: "Rds.InvalidDbClusterStateException",
        message: "DbCluster dev-orders is in stopping state",
      },
    ],
  );
  expect(result).toMatchObject({
    status: "SUCCEEDED",
    describes: 3,
    starts: 2,
    last: "StartRequested",
  });
});

test.each([
  [
    "Rds.KmsKeyNotAccessibleException",
    "cluster `dev-orders` cannot be started: RDS cannot use its KMS key (The specified KMS key is disabled.); restore the key's access (enabled, key policy, grants) and start it again",
  ],
  [
    "Rds.VpcEncryptionControlViolationException",
    "cluster `dev-orders` cannot be started: the VPC's encryption control refuses it (The specified KMS key is disabled.); change the VPC encryption control mode or the cluster's network, then start it again",
  ],
])("StartDBCluster refused with %s: the run fails with the reason", async (name, cause) => {
  const result = await run(["stopped"], [{ name, message: "The specified KMS key is disabled." }]);
  expect(result).toEqual({
    status: "FAILED",
    error: "AuroraPower.CannotStart",
    cause,
    describes: 1,
    starts: 1,
    last: "Failed",
  });
});

test("a missing cluster: success without a start", async () => {
  const result = await run(
    ["stopped"],
    [{ name: "Rds.DbClusterNotFoundException", message: "gone" }],
  );
  expect(result).toMatchObject({ status: "SUCCEEDED", starts: 1, last: "ClusterGone" });
});

test("bounds the whole run: 1 h by default, or maxRunSeconds", () => {
  expect(startWorkflowDefinition().TimeoutSeconds).toBe(3600);
  expect(startWorkflowDefinition({ maxRunSeconds: 600 }).TimeoutSeconds).toBe(600);
});
