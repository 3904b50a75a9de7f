/**
 * Runs the real stop-workflow definition locally with aws-local-stepfunctions: each AWS SDK
 * integration task is a local handler calling the RDS endpoint through `@aws-sdk/client-rds`, its
 * answer recased and its errors renamed as the Step Functions integration presents them
 * (`provider/workflow/sdkIntegrationShape.ts`). Waits and retry pauses are shortened: either to
 * fixed ms per state, or on a compressed clock that keeps the definition's own schedule
 * (`timeScaledDefinition.ts`).
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
import { timeScaledDefinition } from "./timeScaledDefinition";

// The package's types are ESM; its CommonJS build (`main.node.cjs`) is what jest loads.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { StateMachine } = require("aws-local-stepfunctions") as {
  StateMachine: typeof LocalStateMachine;
};

export interface RdsCall {
  action: "DescribeDBClusters" | "DescribeGlobalClusters" | "StopDBCluster";
  error?: string;
  /** When the call was sent and when its answer (or error) came back (`Date.now()`). */
  startedAtMs: number;
  atMs: number;
}

export interface LocalExecution {
  status: "SUCCEEDED" | "FAILED";
  /** The execution's output when it succeeded (e.g. `Override: { Outcome, Reason }`). */
  output?: unknown;
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
  /**
   * Run the definition's own waits, backoff schedule and jittered retries, each second lasting
   * this many ms; `pollMs`, `backoffMs` and `retryMs` are then ignored.
   */
  msPerSecond?: number;
}

type Handler = (input: unknown) => Promise<never>;
interface PreparedMachine {
  machine: LocalStateMachine;
  waits: Record<string, Handler>;
}

// Building a machine validates the definition (asl-validator, a JSON-schema compile): 0.4–1 s of
// blocked event loop each time, which delayed every other execution's timers. One per definition
// and clock; `run` may be called on it any number of times.
const prepared = new WeakMap<StateMachineDefinition, Map<number, PreparedMachine>>();

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function prepare(definition: StateMachineDefinition, msPerSecond = 0): PreparedMachine {
  const byClock = prepared.get(definition) ?? new Map<number, PreparedMachine>();
  prepared.set(definition, byClock);
  const validated = byClock.get(0) ?? {
    machine: new StateMachine(definition as never, { validationOptions: { checkArn: false } }),
    waits: {},
  };
  byClock.set(0, validated);
  if (msPerSecond <= 0) return validated;
  const known = byClock.get(msPerSecond);
  if (known) return known;
  const scaled = timeScaledDefinition(definition, msPerSecond);
  const waits = Object.fromEntries(
    Object.entries(scaled.waitsMs).map(([name, msOf]): [string, Handler] => [
      name,
      async (input) => {
        await sleep(msOf((input as { Input: unknown }).Input));
        return {} as never;
      },
    ]),
  );
  const machine = new StateMachine(scaled.definition as never, {
    validationOptions: { noValidate: true },
  });
  const entry = { machine, waits };
  byClock.set(msPerSecond, entry);
  return entry;
}

function fixedPauses(options: LocalRunOptions) {
  if (options.msPerSecond) return {};
  const retryMs = options.retryMs ?? 5;
  return {
    waitTimeOverrides: { WaitForAvailable: options.pollMs ?? 20, BackOff: options.backoffMs ?? 20 },
    retryIntervalOverrides: {
      Describe: retryMs,
      [DESCRIBE_GLOBAL_CLUSTER_STATE]: retryMs,
      StopCluster: retryMs,
    },
  };
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
    const startedAtMs = Date.now();
    try {
      const output = await send(input as Input);
      calls.push({ action, startedAtMs, atMs: Date.now() });
      return toSfnShape(output) as never;
    } catch (caught) {
      const error = new Error((caught as Error).message);
      error.name = sfnErrorNameOf(caught);
      calls.push({ action, error: error.name, startedAtMs, atMs: Date.now() });
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
  const { machine, waits } = prepare(definition, options.msPerSecond);
  const execution = machine.run(input, {
    overrides: {
      taskResourceLocalHandlers: {
        ...waits,
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
        ...options.extraTasks?.taskResourceLocalHandlers,
      },
      waitTimeOverrides: {
        ...fixedPauses(options).waitTimeOverrides,
        ...options.extraTasks?.waitTimeOverrides,
      },
      retryIntervalOverrides: {
        ...fixedPauses(options).retryIntervalOverrides,
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
    const output: unknown = await execution.result;
    await logging;
    return { status: "SUCCEEDED", output, states, calls, endedAtMs: Date.now() };
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
