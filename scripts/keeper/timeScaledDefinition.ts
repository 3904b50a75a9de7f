/**
 * A stop-workflow definition on a compressed clock, for local runs: every second of its waits and
 * retry intervals lasts `msPerSecond` ms, and everything else is unchanged, so the backoff schedule
 * (`SecondsPath`, doubling to its cap) and the full-jitter retries run as Step Functions runs them,
 * only faster. Amazon States Language has no fractional `Seconds`; so each Wait state becomes a Task
 * of the same name whose local handler sleeps, and the copy is run without validation (the
 * original definition is validated).
 */
import type { Retrier, State, StateMachineDefinition } from "../../provider/workflow/aslTypes";

/**
 * The copy, and for each former Wait state how many ms it waits on the state's input (its local
 * handler receives that input as `{ Input }`).
 */
export interface TimeScaledDefinition {
  definition: StateMachineDefinition;
  waitsMs: Record<string, (input: unknown) => number>;
}

/** Reads a reference path such as `$.Backoff.Seconds` (dots only, as the workflow writes them). */
function read(path: string, input: unknown): unknown {
  return path
    .replace(/^\$\.?/, "")
    .split(".")
    .filter((key) => key !== "")
    .reduce<unknown>((value, key) => (value as Record<string, unknown> | null)?.[key], input);
}

function scaledRetry(retrier: Retrier, scale: number): Retrier {
  return {
    ...retrier,
    IntervalSeconds: retrier.IntervalSeconds * scale,
    ...(retrier.MaxDelaySeconds === undefined
      ? {}
      : { MaxDelaySeconds: retrier.MaxDelaySeconds * scale }),
  };
}

/** The definition with its clock compressed to `msPerSecond` ms per second. */
export function timeScaledDefinition(
  definition: StateMachineDefinition,
  msPerSecond: number,
): TimeScaledDefinition {
  const scale = msPerSecond / 1000;
  const waitsMs: TimeScaledDefinition["waitsMs"] = {};
  const states: Record<string, State> = {};
  for (const [name, state] of Object.entries(definition.States)) {
    if (state.Type === "Wait") {
      const { Seconds, SecondsPath } = state;
      waitsMs[name] = (input) =>
        Number(SecondsPath ? read(SecondsPath, input) : Seconds) * msPerSecond;
      states[name] = {
        Type: "Task",
        Resource: "arn:aws:states:::local:wait",
        Parameters: { "Input.$": "$" },
        ResultPath: null,
        TimeoutSeconds: definition.TimeoutSeconds,
        Retry: [],
        Catch: [],
        Next: state.Next,
      };
    } else if (state.Type === "Task") {
      states[name] = { ...state, Retry: state.Retry.map((r) => scaledRetry(r, scale)) };
    } else {
      states[name] = state;
    }
  }
  return { definition: { ...definition, States: states }, waitsMs };
}
