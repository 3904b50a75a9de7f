/**
 * Runs the real stop-workflow definition locally with aws-local-stepfunctions: each AWS SDK
 * integration task is a local handler calling the RDS endpoint through `@aws-sdk/client-rds`, its
 * answer recased and its errors renamed as the Step Functions integration presents them
 * (`provider/workflow/sdkIntegrationShape.ts`). Waits and retry pauses are shortened to ms.
 */
import { DescribeDBClustersCommand, RDSClient, StopDBClusterCommand } from "@aws-sdk/client-rds";
import type { StateMachine as LocalStateMachine } from "aws-local-stepfunctions" with {
  "resolution-mode": "import",
};
import type { StateMachineDefinition } from "../../provider/workflow/aslTypes";
import { sfnErrorNameOf, toSfnShape } from "../../provider/workflow/sdkIntegrationShape";

// The package's types are ESM; its CommonJS build (`main.node.cjs`) is what jest loads.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { StateMachine } = require("aws-local-stepfunctions") as {
  StateMachine: typeof LocalStateMachine;
};

export interface RdsCall {
  action: "DescribeDBClusters" | "StopDBCluster";
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
  /** More local Task handlers (and their pauses), e.g. `SnsRecorder.overridesFor`. */
  extraTasks?: {
    taskResourceLocalHandlers: Record<string, (input: unknown) => Promise<never>>;
    retryIntervalOverrides: Record<string, number>;
    waitTimeOverrides?: Record<string, number>;
  };
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

function sdkTask(
  calls: RdsCall[],
  action: RdsCall["action"],
  send: (id: string) => Promise<unknown>,
) {
  return async (input: unknown): Promise<never> => {
    const id = (input as { DbClusterIdentifier: string }).DbClusterIdentifier;
    try {
      const output = await send(id);
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
        Describe: sdkTask(calls, "DescribeDBClusters", (id) =>
          rds.send(new DescribeDBClustersCommand({ DBClusterIdentifier: id })),
        ),
        StopCluster: sdkTask(calls, "StopDBCluster", (id) =>
          rds.send(new StopDBClusterCommand({ DBClusterIdentifier: id })),
        ),
        ...options.extraTasks?.taskResourceLocalHandlers,
      },
      waitTimeOverrides: {
        WaitForAvailable: options.pollMs ?? 20,
        BackOff: options.backoffMs ?? 20,
        ...options.extraTasks?.waitTimeOverrides,
      },
      retryIntervalOverrides: {
        Describe: options.retryMs ?? 5,
        StopCluster: options.retryMs ?? 5,
        ...options.extraTasks?.retryIntervalOverrides,
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
