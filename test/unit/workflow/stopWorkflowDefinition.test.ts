/**
 * The stop workflow's definition: valid Amazon States Language, and for every known status (and
 * every stop refusal) the real interpreter takes the step `provider/aurora` plans.
 */
import { planTransition } from "../../../provider/aurora/planTransition";
import { KNOWN_CLUSTER_STATUSES } from "../../../provider/aurora/knownStatuses";
import { stopRefusals } from "../../../provider/aurora/stoppability";
import { stopWorkflowDefinition } from "../../../provider/workflow/stopWorkflowDefinition";
import { stopStepOf, UNKNOWN_STATUS_PROBE } from "../../../provider/workflow/workflowSteps";
import { refusalChecks } from "../../../provider/workflow/refusalChecks";
import { sfnErrorNameOf, sfnMemberName } from "../../../provider/workflow/sdkIntegrationShape";
import { timeScaledDefinition } from "../../../scripts/keeper/timeScaledDefinition";
import { runWithFakeRds } from "./fakeRds";

// asl-validator 4 ships no type declarations; its CommonJS export is the validating function.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const aslValidator = require("asl-validator") as (definition: unknown) => {
  isValid: boolean;
  errors: unknown[];
};

const definition = stopWorkflowDefinition();

test("passes asl-validator", () => {
  expect(aslValidator(definition)).toMatchObject({ isValid: true, errors: [] });
});

test("bounds the whole run: 2 h by default, or maxRunSeconds", () => {
  expect(definition.TimeoutSeconds).toBe(7200);
  expect(stopWorkflowDefinition({ maxRunSeconds: 600 }).TimeoutSeconds).toBe(600);
});

const statuses = [...KNOWN_CLUSTER_STATUSES, "incompatible-something-new", UNKNOWN_STATUS_PROBE];

test.each(statuses)("status `%s`: the workflow does what planTransition plans", async (status) => {
  const plan = planTransition(status, "stopped");
  const run = await runWithFakeRds(definition, [{ Status: status }, { Status: "stopped" }]);
  const step = stopStepOf(status);
  if (step.kind === "succeed") {
    expect(plan.kind === "done" || status === "stopping").toBe(true);
    expect(run).toMatchObject({ status: "SUCCEEDED", stops: 0, describes: 1 });
  } else if (step.kind === "stop") {
    expect(plan).toEqual({ kind: "act", action: "stop" });
    expect(run).toMatchObject({ status: "SUCCEEDED", stops: 1, describes: 1 });
  } else if (step.kind === "wait") {
    expect(plan.kind).toBe("wait");
    expect(run).toMatchObject({ status: "SUCCEEDED", stops: 0, describes: 2 });
  } else {
    expect(plan.kind).toBe("fail");
    const reason = plan.kind === "fail" ? plan.reason : "";
    expect(run).toMatchObject({
      status: "FAILED",
      error: "AuroraPower.StatusNeedsOperator",
      cause: `cluster \`dev-orders\` cannot be stopped: ${reason}`,
      stops: 0,
    });
  }
});

test.each(refusalChecks().map((c) => [c.variant ? `${c.kind} (${c.variant})` : c.kind, c]))(
  "refusal `%s`: the probe is refused by stopRefusals and by the workflow",
  async (kind, check) => {
    expect(stopRefusals(check.probe).map((r) => r.kind)).toEqual([check.kind]);
    const described = {
      Status: "available",
      Engine: check.probe.engine ?? "aurora-postgresql",
      EngineMode: check.probe.engineMode ?? "provisioned",
      DbClusterInstanceClass: check.probe.dbClusterInstanceClass,
      GlobalClusterIdentifier: check.probe.globalClusterIdentifier,
      ReplicationSourceIdentifier: check.probe.replicationSourceIdentifier,
      ReadReplicaIdentifiers: check.probe.crossRegionReplicas ?? [],
    };
    const count = check.probe.globalClusterMemberCount;
    const run = await runWithFakeRds(definition, [described], {
      globalMembers: count ?? "not-found",
    });
    const refusal = stopRefusals(check.probe)[0]!;
    const shown = JSON.stringify(check.probe.crossRegionReplicas ?? []);
    const why = check.probe.crossRegionReplicas
      ? refusal.why.replace(/\((.*)\)/, `(${shown})`)
      : refusal.why;
    expect(run).toMatchObject({
      status: "FAILED",
      error: "AuroraPower.CannotStop",
      cause: `cluster \`dev-orders\` cannot be stopped: ${why}; ${refusal.fix}`,
      stops: 0,
    });
  },
);

describe("global database members: the workflow decides as stopRefusals with the member count", () => {
  const member = { Status: "available", GlobalClusterIdentifier: "orders-global" };
  test.each([1, 2, 3, "not-found" as const])("%s member(s)", async (members) => {
    const count = members === "not-found" ? undefined : members;
    const refusals = stopRefusals({
      globalClusterIdentifier: "orders-global",
      globalClusterMemberCount: count,
    });
    const run = await runWithFakeRds(definition, [member], { globalMembers: members });
    expect(run.globalDescribes).toBe(1);
    if (refusals.length === 0) {
      expect(run).toMatchObject({ status: "SUCCEEDED", stops: 1 });
    } else {
      const [refusal] = refusals;
      expect(run).toMatchObject({
        status: "FAILED",
        error: "AuroraPower.CannotStop",
        cause: `cluster \`dev-orders\` cannot be stopped: ${refusal?.why}; ${refusal?.fix}`,
        stops: 0,
      });
    }
    expect(members === 1).toBe(refusals.length === 0);
  });

  test("a cluster outside any global database is not looked up", async () => {
    const run = await runWithFakeRds(definition, [{ Status: "available" }]);
    expect(run).toMatchObject({ status: "SUCCEEDED", stops: 1, globalDescribes: 0 });
  });
});

test("a stoppable Aurora cluster with a same-Region replica (named by identifier) is stopped", async () => {
  const run = await runWithFakeRds(definition, [
    { Status: "available", Engine: "aurora-mysql", ReadReplicaIdentifiers: ["orders-replica"] },
  ]);
  expect(run).toMatchObject({ status: "SUCCEEDED", stops: 1 });
});

test("a refused stop backs off, doubling to the cap, and plans again from a describe", async () => {
  const run = await runWithFakeRds(
    stopWorkflowDefinition({ initialBackoffSeconds: 5, maxBackoffSeconds: 30 }),
    Array.from({ length: 6 }, () => ({ Status: "available" })),
    { refuseStops: 5 },
  );
  expect(run).toMatchObject({ status: "SUCCEEDED", stops: 6, describes: 6 });
  expect(run.backoffSeconds).toEqual([5, 10, 20, 30, 30]);
});

test("the backoff cap leaves room for the calls within one poll; throttled retries wait at most a poll", () => {
  const states = stopWorkflowDefinition({ pollIntervalSeconds: 30 }).States;
  expect(states.CapBackoff).toMatchObject({
    Choices: [{ Variable: "$.Backoff.Seconds", NumericGreaterThan: 28 }],
  });
  expect(states.ClampBackoff).toMatchObject({ Result: { Seconds: 28 } });
  for (const name of ["Describe", "DescribeGlobalCluster", "StopCluster"]) {
    expect(states[name]).toMatchObject({
      Retry: [{ IntervalSeconds: 1, BackoffRate: 2, MaxDelaySeconds: 30, JitterStrategy: "FULL" }],
    });
  }
});

test("a time-scaled copy waits the definition's own seconds, SecondsPath included", () => {
  const scaled = timeScaledDefinition(stopWorkflowDefinition({ pollIntervalSeconds: 30 }), 10);
  expect(scaled.waitsMs.WaitForAvailable?.({})).toBe(300);
  expect(scaled.waitsMs.BackOff?.({ Backoff: { Seconds: 20 } })).toBe(200);
  expect(scaled.definition.States.BackOff).toMatchObject({ Type: "Task", ResultPath: null });
  expect(scaled.definition.States.Describe).toMatchObject({
    Retry: [{ IntervalSeconds: 0.01, MaxDelaySeconds: 0.3 }],
  });
});

test("SDK errors are renamed as the Step Functions integration names them", () => {
  const fault = (name: string, httpStatusCode?: number) =>
    Object.assign(new Error(name), { name, $metadata: { httpStatusCode } });
  expect(sfnErrorNameOf(fault("DBClusterNotFoundFault", 404))).toBe(
    "Rds.DbClusterNotFoundException",
  );
  expect(sfnErrorNameOf(fault("InvalidDBClusterStateFault", 400))).toBe(
    "Rds.InvalidDbClusterStateException",
  );
  expect(sfnErrorNameOf(fault("InvalidDBInstanceStateFault", 400))).toBe(
    "Rds.InvalidDbInstanceStateException",
  );
  expect(sfnErrorNameOf(fault("KMSKeyNotAccessibleFault", 400))).toBe(
    "Rds.KmsKeyNotAccessibleException",
  );
  expect(sfnErrorNameOf(fault("VpcEncryptionControlViolationException", 400))).toBe(
    "Rds.VpcEncryptionControlViolationException",
  );
  expect(sfnErrorNameOf(fault("GlobalClusterNotFoundFault", 404))).toBe(
    "Rds.GlobalClusterNotFoundException",
  );
  expect(sfnErrorNameOf(fault("Throttling", 400))).toBe("Rds.RdsException");
  expect(sfnErrorNameOf(fault("InternalFailure", 500))).toBe("Rds.RdsException");
  expect(sfnErrorNameOf(new Error("socket hang up"))).toBe("Rds.SdkClientException");
  expect(["DBClusters", "DBClusterInstanceClass", "Status"].map(sfnMemberName)).toEqual([
    "DbClusters",
    "DbClusterInstanceClass",
    "Status",
  ]);
});
