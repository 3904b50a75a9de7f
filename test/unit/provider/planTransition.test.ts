import {
  planTransition,
  recordHolds,
  type TransitionPlan,
} from "../../../provider/aurora/planTransition";
import { powerStateOf } from "../../../provider/aurora/clusterStatus";

const WAIT_AVAILABLE_TO_STOP: TransitionPlan = {
  kind: "wait",
  reason: "the cluster to become `available` before stopping it",
};
const WAIT_AVAILABLE: TransitionPlan = {
  kind: "wait",
  reason: "the cluster to become `available`",
};
const DONE: TransitionPlan = { kind: "done" };
const STOP: TransitionPlan = { kind: "act", action: "stop" };
const START: TransitionPlan = { kind: "act", action: "start" };

const BUSY = [
  "backing-up",
  "backtracking",
  "failing-over",
  "maintenance",
  "migrating",
  "modifying",
  "promoting",
  "renaming",
  "resetting-master-credentials",
  "storage-optimization",
  "update-iam-db-auth",
  "upgrading",
];

// [status, plan for desired "stopped", plan for desired "running"]
const TABLE: [string, TransitionPlan, TransitionPlan][] = [
  ["available", STOP, DONE],
  ["stopped", DONE, START],
  [
    "stopping",
    { kind: "wait", reason: "the stop in progress to finish" },
    { kind: "wait", reason: "the stop in progress to finish before starting" },
  ],
  ["starting", WAIT_AVAILABLE_TO_STOP, WAIT_AVAILABLE],
  ["creating", WAIT_AVAILABLE_TO_STOP, WAIT_AVAILABLE],
  ...BUSY.map((s): [string, TransitionPlan, TransitionPlan] => [s, WAIT_AVAILABLE_TO_STOP, DONE]),
  ["some-status-from-2030", WAIT_AVAILABLE_TO_STOP, WAIT_AVAILABLE],
  [
    "inaccessible-encryption-credentials-recoverable",
    {
      kind: "fail",
      reason:
        "the cluster lost access to its KMS key; restore the key's access and start the cluster before stopping it",
    },
    START,
  ],
];

describe("planTransition", () => {
  it.each(TABLE)("%s: stopped -> %j, running -> %j", (status, forStopped, forRunning) => {
    expect(planTransition(status, "stopped")).toEqual(forStopped);
    expect(planTransition(status, "running")).toEqual(forRunning);
  });

  const terminal: [string, string][] = [
    ["deleting", "the cluster is being deleted"],
    [
      "inaccessible-encryption-credentials",
      "the cluster cannot use its KMS key and can only be restored from a backup",
    ],
    [
      "incompatible-network",
      "RDS cannot run the cluster with its current settings (incompatible-network); fix them in the RDS console",
    ],
    [
      "incompatible-parameters",
      "RDS cannot run the cluster with its current settings (incompatible-parameters); fix them in the RDS console",
    ],
    [
      "incompatible-restore",
      "RDS cannot run the cluster with its current settings (incompatible-restore); fix them in the RDS console",
    ],
    ["failed", "the cluster is in `failed`, which needs an operator's action in the RDS console"],
    [
      "cloning-failed",
      "the cluster is in `cloning-failed`, which needs an operator's action in the RDS console",
    ],
    [
      "migration-failed",
      "the cluster is in `migration-failed`, which needs an operator's action in the RDS console",
    ],
    [
      "storage-full",
      "the cluster is in `storage-full`, which needs an operator's action in the RDS console",
    ],
    [
      "insufficient-capacity",
      "the cluster is in `insufficient-capacity`, which needs an operator's action in the RDS console",
    ],
  ];
  it.each(terminal)("%s fails for both desired states", (status, reason) => {
    expect(planTransition(status, "stopped")).toEqual({ kind: "fail", reason });
    expect(planTransition(status, "running")).toEqual({ kind: "fail", reason });
  });

  // Regression: terraform-provider-aws#40785 waited for `available` before starting a stopped
  // instance, and hung forever.
  it("starts a stopped cluster at once instead of waiting for available", () => {
    expect(planTransition("stopped", "running")).toEqual(START);
  });
});

describe("powerStateOf", () => {
  it.each([
    ["stopped", "stopped"],
    ["stopping", "stopped"],
    ["available", "running"],
    ["starting", "running"],
    ["backing-up", "running"],
    ["modifying", "running"],
    ["failed", undefined],
    ["some-status-from-2030", undefined],
  ])("%s amounts to %s", (status, state) => {
    expect(powerStateOf(status)).toBe(state);
  });
});

describe("recordHolds", () => {
  it("holds only when the recorded state is the desired one and its status needs no step", () => {
    expect(recordHolds("stopped", "stopped", "stopped")).toBe(true);
    expect(recordHolds("running", "backing-up", "running")).toBe(true);
    expect(recordHolds("stopped", "stopping", "stopped")).toBe(false);
    expect(recordHolds("running", "stopped", "stopped")).toBe(false);
    expect(recordHolds("stopped", undefined, "stopped")).toBe(false);
    expect(recordHolds(undefined, "stopped", "stopped")).toBe(false);
  });
});
