/**
 * Runs the real stop-workflow definition locally with aws-local-stepfunctions: each AWS SDK
 * integration task is a local handler calling the RDS endpoint through `@aws-sdk/client-rds`, its
 * answer recased and its errors renamed as the Step Functions integration presents them
 * (`provider/workflow/sdkIntegrationShape.ts`). Waits and retry pauses are shortened to ms.
 */
import {
  DescribeDBClustersCommand,
  DescribeGlobalClustersCommand,
  RDSClient,
  StopDBClusterCommand,
} from "@aws-sdk/client-rds";
import type { StateMachine as LocalStateMachine } from "aws-local-stepfunctions" with {
  "resolution-mode": "import",
};
import type { StateMachineDefinition } from "../../provider/workflow/aslTypes";
import { DESCRIBE_GLOBAL_CLUSTER_STATE } from "../../provider/workflow/globalClusterStates";
import { sfnErrorNameOf, toSfnShape } from "../../provider/workflow/sdkIntegrationShape";

// The package's types are ESM; its CommonJS build (`main.node.cjs`) is what jest loads.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { StateMachine } = require("aws-local-stepfunctions") as {
  StateMachine: typeof LocalStateMachine;
};

export interface RdsCall {
  action: "DescribeDBClusters" | "DescribeGlobalClusters" | "StopDBCluster";
  error?: string;
  atMs: number;
}

export interface LocalExecution {
  status: "SUCCEEDED" | "FAILED";
  error?: string;
  cause?: string;
  /** Names of the states entered, in order. */
  states: string[];
  calls: RdsCall[];
  endedAtMs: number;
}

export interface LocalRunOptions {
  pollMs?: number;
  backoffMs?: number;
  retryMs?: number;
}

/** The Parameters of the cluster tasks (the SDK integration's casing). */
interface ClusterParameters {
  DbClusterIdentifier: string;
}

/** An RDS client for the local endpoint; one attempt per call, so the workflow's Retry is tested. */
export function localRdsClient(endpoint: string): RDSClient {
  return new RDSClient({
    endpoint,
    region: "eu-west-1",
    credentials: { accessKeyId: "test", secretAccessKey: "test" },
    maxAttempts: 1,
  });
}

function sdkTask<Input>(
  calls: RdsCall[],
  action: RdsCall["action"],
  send: (input: Input) => Promise<unknown>,
) {
  return async (input: unknown): Promise<never> => {
    try {
      const output = await send(input as Input);
      calls.push({ action, atMs: Date.now() });
      return toSfnShape(output) as never;
    } catch (caught) {
      const error = new Error((caught as Error).message);
      error.name = sfnErrorNameOf(caught);
      calls.push({ action, error: error.name, atMs: Date.now() });
      throw error;
    }
  };
}

/** Executes `definition` once on `input` and reports how it ended. */
export async function runLocally(
  definition: StateMachineDefinition,
  input: { DbClusterIdentifier: string },
  rds: RDSClient,
  options: LocalRunOptions = {},
): Promise<LocalExecution> {
  const calls: RdsCall[] = [];
  const machine = new StateMachine(definition as never, {
    validationOptions: { checkArn: false },
  });
  const execution = machine.run(input, {
    overrides: {
      taskResourceLocalHandlers: {
        Describe: sdkTask(calls, "DescribeDBClusters", (p: ClusterParameters) =>
          rds.send(new DescribeDBClustersCommand({ DBClusterIdentifier: p.DbClusterIdentifier })),
        ),
        [DESCRIBE_GLOBAL_CLUSTER_STATE]: sdkTask(
          calls,
          "DescribeGlobalClusters",
          (p: { GlobalClusterIdentifier: string }) =>
            rds.send(
              new DescribeGlobalClustersCommand({
                GlobalClusterIdentifier: p.GlobalClusterIdentifier,
              }),
            ),
        ),
        StopCluster: sdkTask(calls, "StopDBCluster", (p: ClusterParameters) =>
          rds.send(new StopDBClusterCommand({ DBClusterIdentifier: p.DbClusterIdentifier })),
        ),
      },
      waitTimeOverrides: {
        WaitForAvailable: options.pollMs ?? 20,
        BackOff: options.backoffMs ?? 20,
      },
      retryIntervalOverrides: {
        Describe: options.retryMs ?? 5,
        [DESCRIBE_GLOBAL_CLUSTER_STATE]: options.retryMs ?? 5,
        StopCluster: options.retryMs ?? 5,
      },
    },
  });
  const states: string[] = [];
  const logging = (async () => {
    for await (const event of execution.eventLogs) {
      if (event.type === "StateEntered") states.push(event.state.name);
    }
  })();
  try {
    await execution.result;
    await logging;
    return { status: "SUCCEEDED", states, calls, endedAtMs: Date.now() };
  } catch (failure) {
    await logging.catch(() => undefined);
    const cause = (failure as { cause?: { name?: string; message?: string } }).cause;
    return {
      status: "FAILED",
      error: cause?.name,
      cause: cause?.message,
      states,
      calls,
      endedAtMs: Date.now(),
    };
  }
}
