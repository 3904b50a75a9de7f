/**
 * The subset of Amazon States Language (JSONPath) the stop workflow is written in. Source: "Amazon
 * States Language" specification and "State machine structure in Amazon States Language for Step
 * Functions workflows" (Step Functions Developer Guide).
 */

/** A Choice rule: a comparison on `Variable`, or `And` / `Or` / `Not` of rules. */
export type ChoiceRule =
  | { Variable: string; StringEquals: string }
  | { Variable: string; StringMatches: string }
  | { Variable: string; IsPresent: boolean }
  | { Variable: string; NumericGreaterThan: number }
  | { Variable: string; BooleanEquals: boolean }
  | { Variable: string; IsTimestamp: boolean }
  | { Variable: string; TimestampGreaterThanPath: string }
  | { And: ChoiceRule[] }
  | { Or: ChoiceRule[] }
  | { Not: ChoiceRule };

/** A Choice rule at the top level of a Choice state: it names the next state. */
export type TopChoiceRule = ChoiceRule & { Next: string };

/** A `Retry` entry of a Task state. */
export interface Retrier {
  ErrorEquals: string[];
  IntervalSeconds: number;
  MaxAttempts: number;
  BackoffRate: number;
  MaxDelaySeconds?: number;
  JitterStrategy?: "FULL" | "NONE";
}

/** A `Catch` entry of a Task state. */
export interface Catcher {
  ErrorEquals: string[];
  Next: string;
  ResultPath?: string | null;
}

/** One state of the machine (only the fields this package writes). */
export type State =
  | {
      Type: "Task";
      Comment?: string;
      Resource: string;
      Parameters: Record<string, unknown>;
      ResultSelector?: Record<string, string>;
      ResultPath: string | null;
      TimeoutSeconds: number;
      Retry: Retrier[];
      Catch: Catcher[];
      Next?: string;
      End?: true;
    }
  | { Type: "Choice"; Comment?: string; Choices: TopChoiceRule[]; Default: string }
  | { Type: "Wait"; Comment?: string; Seconds?: number; SecondsPath?: string; Next: string }
  | {
      Type: "Pass";
      Comment?: string;
      Parameters?: Record<string, unknown>;
      Result?: unknown;
      ResultPath?: string | null;
      Next?: string;
      End?: true;
    }
  | { Type: "Succeed"; Comment?: string }
  | { Type: "Fail"; Comment?: string; ErrorPath: string; CausePath: string };

/** A whole state machine definition, as `aws.sfn.StateMachine`'s `definition` takes it (JSON). */
export interface StateMachineDefinition {
  Comment: string;
  StartAt: string;
  TimeoutSeconds: number;
  States: Record<string, State>;
}
