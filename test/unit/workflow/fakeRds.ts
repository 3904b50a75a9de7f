/** Runs the stop workflow in aws-local-stepfunctions against scripted DescribeDBClusters answers. */
import type { StateMachine as LocalStateMachine } from "aws-local-stepfunctions" with {
  "resolution-mode": "import",
};
import type { StateMachineDefinition } from "../../../provider/workflow/aslTypes";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { StateMachine } = require("aws-local-stepfunctions") as {
  StateMachine: typeof LocalStateMachine;
};

export interface FakeRun {
  status: "SUCCEEDED" | "FAILED";
  output?: unknown;
  error?: string;
  cause?: string;
  describes: number;
  stops: number;
  /** DescribeGlobalClusters calls. */
  globalDescribes: number;
  /** The `$.Backoff.Seconds` each BackOff wait would have waited. */
  backoffSeconds: number[];
}

/** Each describe answers the next cluster of `answers` (the last one repeats). */
export async function runWithFakeRds(
  definition: StateMachineDefinition,
  answers: Record<string, unknown>[],
  options: {
    refuseStops?: number;
    /** Members of the global database DescribeGlobalClusters finds, or that it finds none. */
    globalMembers?: number | "not-found";
  } = {},
): Promise<FakeRun> {
  const run: FakeRun = {
    status: "SUCCEEDED",
    describes: 0,
    stops: 0,
    globalDescribes: 0,
    backoffSeconds: [],
  };
  const machine = new StateMachine(definition as never, { validationOptions: { checkArn: false } });
  const execution = machine.run(
    { DbClusterIdentifier: "dev-orders" },
    {
      overrides: {
        taskResourceLocalHandlers: {
          Describe: () => {
            const answer = answers[Math.min(run.describes, answers.length - 1)] ?? {};
            run.describes += 1;
            const cluster = Object.fromEntries(
              Object.entries(answer).filter(([, v]) => v !== undefined),
            );
            return Promise.resolve({ DbClusters: [cluster] } as never);
          },
          DescribeGlobalCluster: () => {
            run.globalDescribes += 1;
            const members = options.globalMembers ?? 1;
            if (members === "not-found") {
              const error = new Error("Global cluster sample-global not found.");
              error.name = "Rds.GlobalClusterNotFoundException";
              return Promise.reject(error);
            }
            const member = { DbClusterArn: "arn:aws:rds:eu-west-1:123456789012:cluster:x" };
            const globalCluster = {
              GlobalClusterMembers: Array.from({ length: members }, () => member),
            };
            return Promise.resolve({ GlobalClusters: [globalCluster] } as never);
          },
          StopCluster: () => {
            run.stops += 1;
            if (run.stops <= (options.refuseStops ?? 0)) {
              const error = new Error("DB instance dev-orders-instance-1 is not available");
              error.name = "Rds.InvalidDbInstanceStateException";
              return Promise.reject(error);
            }
            return Promise.resolve({ DbCluster: { Status: "stopping" } } as never);
          },
        },
        waitTimeOverrides: { WaitForAvailable: 0, BackOff: 0 },
      },
    },
  );
  const logging = (async () => {
    for await (const event of execution.eventLogs) {
      if (event.type === "StateEntered" && event.state.name === "BackOff") {
        const input = event.state.input as { Backoff: { Seconds: number } };
        run.backoffSeconds.push(input.Backoff.Seconds);
      }
    }
  })();
  try {
    run.output = await execution.result;
  } catch (failure) {
    const cause = (failure as { cause?: { name?: string; message?: string } }).cause;
    Object.assign(run, { status: "FAILED", error: cause?.name, cause: cause?.message });
  }
  await logging.catch(() => undefined);
  return run;
}
