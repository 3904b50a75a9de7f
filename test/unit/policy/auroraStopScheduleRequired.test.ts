import {
  auroraStopScheduleRequired,
  remediateScheduleTag,
  STOP_SCHEDULE_REQUIRED_DEFAULTS,
  UNKNOWN_VALUE,
} from "aurora-power/policy";
import {
  NotApplicable,
  auroraCluster,
  fleet,
  powerState,
  resourceArgs,
  runStack,
  schedule,
  stopScheduleComponent,
  validStack,
} from "./policyFixtures";

const FIX =
  "and has no stop schedule, so it runs around the clock. Add a `ClusterStopSchedule` for it, hold it stopped with a " +
  '`ClusterPowerState` or a `ClusterFleetPowerState` (`state: "stopped"`), or tag it with one of `Schedule`, `maid_offhours`, `custodian_downtime`; ' +
  "to exempt it, tag it `aurora-power:exempt` with the reason.";
const devOrdersMessage = `Aurora cluster \`dev-orders\` is non-production (tag \`Environment=dev\`) ${FIX}`;

/** The valid stack without its schedules: `dev-orders` is then unscheduled. */
function withoutSchedules() {
  return validStack().filter((r) => r.type !== "aws:scheduler/schedule:Schedule");
}

describe("aurora-stop-schedule-required", () => {
  it("passes the valid stack", async () => {
    expect((await runStack(auroraStopScheduleRequired, validStack())).violations).toEqual([]);
  });

  it("reports a dev cluster without a stop schedule, naming the cluster and the fixes", async () => {
    const resources = withoutSchedules();
    const outcome = await runStack(auroraStopScheduleRequired, resources);
    expect(outcome.violations).toEqual([{ message: devOrdersMessage, urn: resources[0]?.urn }]);
  });

  it("accepts a ClusterStopSchedule component targeting the cluster", async () => {
    const resources = [
      ...withoutSchedules(),
      stopScheduleComponent("nightly", {
        clusterIdentifier: "DEV-ORDERS",
        stop: "cron(0 19 * * ? *)",
        timezone: "UTC",
      }),
    ];
    expect((await runStack(auroraStopScheduleRequired, resources)).violations).toEqual([]);
  });

  it("accepts a ClusterPowerState holding the cluster stopped", async () => {
    const resources = [...withoutSchedules(), powerState("pause", "dev-orders", "stopped")];
    expect((await runStack(auroraStopScheduleRequired, resources)).violations).toEqual([]);
  });

  it("does not count a ClusterPowerState holding the cluster running", async () => {
    const resources = [...withoutSchedules(), powerState("keep", "dev-orders", "running")];
    expect((await runStack(auroraStopScheduleRequired, resources)).violations).toEqual([
      { message: devOrdersMessage, urn: resources[0]?.urn },
    ]);
  });

  it("does not count a DISABLED stop schedule", async () => {
    const resources = [
      ...withoutSchedules(),
      schedule("stop", "dev-orders", "stop", { state: "DISABLED" }),
    ];
    expect((await runStack(auroraStopScheduleRequired, resources)).violations).toHaveLength(1);
  });

  it("accepts a scheduler tag (AWS Instance Scheduler `Schedule`)", async () => {
    const resources = [
      auroraCluster("dev-orders", { tags: { Environment: "dev", Schedule: "office-hours" } }),
    ];
    expect((await runStack(auroraStopScheduleRequired, resources)).violations).toEqual([]);
  });

  it("uses configured scheduler tag keys", async () => {
    const resources = [
      auroraCluster("dev-orders", { tags: { Environment: "dev", Schedule: "office-hours" } }),
    ];
    const outcome = await runStack(auroraStopScheduleRequired, resources, {
      config: { scheduleTagKeys: ["Offhours"] },
    });
    expect(outcome.violations[0]?.message).toContain("tag it with one of `Offhours`;");
  });

  it("reports the target of a ClusterPowerState the stack does not declare", async () => {
    const keep = powerState("keep", "qa-search", "running");
    const outcome = await runStack(auroraStopScheduleRequired, [keep]);
    expect(outcome.violations).toEqual([
      {
        message: `Aurora cluster \`qa-search\` is non-production (identifier pattern \`${STOP_SCHEDULE_REQUIRED_DEFAULTS.nonProductionIdentifierPatterns[0]}\`) ${FIX}`,
        urn: keep.urn,
      },
    ]);
  });

  it("ignores production clusters (tag value matched case-insensitively)", async () => {
    const resources = [auroraCluster("orders", { tags: { env: "PRODUCTION" } })];
    expect((await runStack(auroraStopScheduleRequired, resources)).violations).toEqual([]);
  });

  it("classifies by stack tags when the cluster has no environment tag", async () => {
    const resources = [auroraCluster("orders", { tags: {} })];
    expect(
      (await runStack(auroraStopScheduleRequired, resources, { stackTags: { environment: "prd" } }))
        .violations,
    ).toEqual([]);
  });

  it("treats an unclassified cluster as configured by `unclassifiedEnvironment`", async () => {
    const resources = [auroraCluster("orders", { tags: {} })];
    expect((await runStack(auroraStopScheduleRequired, resources)).violations).toHaveLength(1);
    const asProduction = await runStack(auroraStopScheduleRequired, resources, {
      config: { unclassifiedEnvironment: "production" },
    });
    expect(asProduction.violations).toEqual([]);
  });

  it("ignores non-Aurora clusters", async () => {
    const resources = [
      auroraCluster("dev-ledger", { engine: "postgres", dbClusterInstanceClass: "db.m6gd.large" }),
    ];
    await expect(runStack(auroraStopScheduleRequired, resources)).rejects.toThrow(NotApplicable);
  });

  it("is not applicable to an exempt cluster, giving the reason", async () => {
    const resources = [
      auroraCluster("dev-orders", {
        tags: { Environment: "dev", "aurora-power:exempt": "load test" },
      }),
    ];
    await expect(runStack(auroraStopScheduleRequired, resources)).rejects.toThrow(
      "cluster `dev-orders` is exempt (tag `aurora-power:exempt`: load test)",
    );
  });

  it("links a schedule whose input is unknown at preview through its property dependency", async () => {
    const cluster = auroraCluster("dev-orders", { clusterIdentifier: UNKNOWN_VALUE });
    const stop = schedule("stop", UNKNOWN_VALUE, "stop", {}, { deps: [cluster] });
    expect((await runStack(auroraStopScheduleRequired, [cluster, stop])).violations).toEqual([]);
  });

  it("reports what preview cannot decide as unknown, after the definite violations", () => {
    const unknownTags = auroraCluster("dev-search", { tags: UNKNOWN_VALUE });
    const resources = [...withoutSchedules(), unknownTags];
    const violations: string[] = [];
    const run = () =>
      auroraStopScheduleRequired.validateStack(
        {
          resources,
          stackTags: new Map(),
          getConfig: <T extends object>() => ({}) as T,
          notApplicable: () => {
            throw new Error("n/a");
          },
        },
        (message) => violations.push(message),
      );
    expect(run).toThrow(
      "cluster `dev-search`: `tags` is unknown; the check runs again when the values are known (`pulumi up`)",
    );
    expect(violations).toEqual([devOrdersMessage]);
  });
});

describe("aurora-stop-schedule-required (ClusterFleetPowerState members)", () => {
  it("accepts a fleet holding the cluster stopped as its stop schedule", async () => {
    const resources = [...withoutSchedules(), fleet("dev-fleet", ["qa-search", "DEV-ORDERS"])];
    expect((await runStack(auroraStopScheduleRequired, resources)).violations).toEqual([]);
  });

  it("does not count a fleet holding the cluster running", async () => {
    const resources = [...withoutSchedules(), fleet("dev-fleet", ["dev-orders"], "running")];
    expect((await runStack(auroraStopScheduleRequired, resources)).violations).toEqual([
      { message: devOrdersMessage, urn: resources[0]?.urn },
    ]);
  });

  it("reports a member the stack does not declare, held running, on the fleet", async () => {
    const keep = fleet("dev-fleet", ["qa-search"], "running");
    const outcome = await runStack(auroraStopScheduleRequired, [keep]);
    expect(outcome.violations).toEqual([
      {
        message: `Aurora cluster \`qa-search\` is non-production (identifier pattern \`${STOP_SCHEDULE_REQUIRED_DEFAULTS.nonProductionIdentifierPatterns[0]}\`) ${FIX}`,
        urn: keep.urn,
      },
    ]);
  });

  it("counts a member given as `cluster.clusterIdentifier` through its property dependency", async () => {
    const cluster = auroraCluster("dev-orders", { clusterIdentifier: UNKNOWN_VALUE });
    expect(
      (
        await runStack(auroraStopScheduleRequired, [
          cluster,
          fleet("dev-fleet", [UNKNOWN_VALUE], "stopped", [cluster]),
        ])
      ).violations,
    ).toEqual([]);
  });

  it("names the fleet's unknown element for a cluster it may stop", async () => {
    const resources = [...withoutSchedules(), fleet("dev-fleet", [UNKNOWN_VALUE])];
    await expect(runStack(auroraStopScheduleRequired, resources)).rejects.toThrow(
      "cluster `dev-orders`: `dev-fleet.clusterIdentifiers` is unknown; the check runs again when the values are known (`pulumi up`)",
    );
  });
});

describe("aurora-stop-schedule-required remediation", () => {
  it("adds the configured schedule tag to a non-production Aurora cluster", () => {
    const args = resourceArgs(auroraCluster("dev-orders"));
    const result = remediateScheduleTag(args, STOP_SCHEDULE_REQUIRED_DEFAULTS);
    expect(result?.tags).toEqual({ Environment: "dev", Schedule: "office-hours" });
  });

  it("leaves production clusters and clusters with a schedule tag unchanged", () => {
    expect(
      remediateScheduleTag(
        resourceArgs(auroraCluster("prod-billing")),
        STOP_SCHEDULE_REQUIRED_DEFAULTS,
      ),
    ).toBeUndefined();
    const tagged = auroraCluster("dev-orders", {
      tags: { Environment: "dev", maid_offhours: "on" },
    });
    expect(
      remediateScheduleTag(resourceArgs(tagged), STOP_SCHEDULE_REQUIRED_DEFAULTS),
    ).toBeUndefined();
  });

  it("is exposed only through the `remediate` enforcement level (the rule defaults to mandatory)", () => {
    expect(auroraStopScheduleRequired.enforcementLevel).toBe("mandatory");
    expect(auroraStopScheduleRequired.remediateResource).toBeInstanceOf(Function);
  });
});
