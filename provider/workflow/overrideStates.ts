import {
  invalidOverrideTagKey,
  overrideReason,
  OVERRIDE_VALUE_EXAMPLE,
} from "../aurora/keepRunningMessages";
import { isValidTagKey, type OverrideOutcome } from "../aurora/keepRunningOverride";
import type { State } from "./aslTypes";
import { formatParameter } from "./intrinsicFormat";
import { CLUSTER_PATH } from "./refusalChecks";

/** The first state of the override check: the plan goes there instead of straight to the stop. */
export const OVERRIDE_CHECK_STATE = "OverrideTags";

/** Where the execution's output records the override's outcome: `{ Outcome, Reason }`. */
export const OVERRIDE_RECORD_PATH = "$.Override";

const LOOKUP_PATH = "$.OverrideTag";
const VALUE_PATH = `${LOOKUP_PATH}.Values[0]`;
const ID_SAMPLE = "sample-cluster-id";

function record(outcome: OverrideOutcome, tagKey: string, sample: string, next: string): State {
  const sentence = overrideReason(outcome, ID_SAMPLE, tagKey, sample);
  const subs = [
    { sample: ID_SAMPLE, path: "$.DbClusterIdentifier" },
    { sample, path: VALUE_PATH },
  ];
  return {
    Type: "Pass",
    Parameters: { Outcome: outcome, ...formatParameter("Reason", sentence, subs) },
    ResultPath: OVERRIDE_RECORD_PATH,
    Next: next,
  };
}

/**
 * The states between the plan's "stop" and the StopDBCluster task `stop` that honour the
 * keep-running tag `tagKey` (`provider/aurora/keepRunningOverride.ts`): a time ahead of the run's
 * start ends the run without a stop (`KeptRunning`), a time passed or a value that is no time lets
 * the stop go ahead; each records `{ Outcome, Reason }` at {@link OVERRIDE_RECORD_PATH}.
 *
 * `TagList` comes with DescribeDBClusters, so no call or permission is added. Paths, as AWS
 * documents them ("Paths in Amazon States Language"): `Parameters` take full JSONPath (Jayway),
 * filters included, and a path that is not definite yields an array, empty when nothing matches;
 * Choice `Variable` takes reference paths only (no filter). aws-local-stepfunctions (jsonpath-plus)
 * fails a filter that matches nothing instead of answering `[]`, so the tag is looked for with
 * `States.ArrayContains` on `TagList[*].Key` first and the filter runs only when it will match.
 *
 * The time is compared with `$$.Execution.StartTime` (aws-local-stepfunctions has no
 * `$$.State.EnteredTime`): a time ahead of the check is ahead of the start too, so a cluster whose
 * override is still running is never stopped; one that expired during the run's wait is kept.
 */
export function overrideStates(tagKey: string, stop: string): Record<string, State> {
  if (!isValidTagKey(tagKey)) {
    throw new Error(invalidOverrideTagKey(tagKey));
  }
  return {
    [OVERRIDE_CHECK_STATE]: {
      Type: "Choice",
      Choices: [{ Variable: `${CLUSTER_PATH}.TagList[0]`, IsPresent: true, Next: "OverrideKeys" }],
      Default: stop,
    },
    OverrideKeys: {
      Type: "Pass",
      Parameters: { "Keys.$": `${CLUSTER_PATH}.TagList[*].Key` },
      ResultPath: LOOKUP_PATH,
      Next: "OverrideLookup",
    },
    OverrideLookup: {
      Type: "Pass",
      Parameters: { "Found.$": `States.ArrayContains(${LOOKUP_PATH}.Keys, '${tagKey}')` },
      ResultPath: LOOKUP_PATH,
      Next: "OverrideFound",
    },
    OverrideFound: {
      Type: "Choice",
      Choices: [{ Variable: `${LOOKUP_PATH}.Found`, BooleanEquals: true, Next: "OverrideRead" }],
      Default: stop,
    },
    OverrideRead: {
      Type: "Pass",
      Parameters: { "Values.$": `${CLUSTER_PATH}.TagList[?(@.Key == '${tagKey}')].Value` },
      ResultPath: LOOKUP_PATH,
      Next: "OverrideIsTime",
    },
    OverrideIsTime: {
      Type: "Choice",
      Choices: [{ Variable: VALUE_PATH, IsTimestamp: true, Next: "OverrideAhead" }],
      Default: "OverrideIgnored",
    },
    OverrideAhead: {
      Type: "Choice",
      Choices: [
        {
          Variable: VALUE_PATH,
          TimestampGreaterThanPath: "$$.Execution.StartTime",
          Next: "OverrideKeptRunning",
        },
      ],
      Default: "OverrideExpired",
    },
    OverrideKeptRunning: record("kept-running", tagKey, OVERRIDE_VALUE_EXAMPLE, "KeptRunning"),
    OverrideExpired: record("expired", tagKey, OVERRIDE_VALUE_EXAMPLE, stop),
    OverrideIgnored: record("ignored", tagKey, "sample-tag-value", stop),
    KeptRunning: { Type: "Succeed", Comment: "the keep-running tag names a time still ahead" },
  };
}
