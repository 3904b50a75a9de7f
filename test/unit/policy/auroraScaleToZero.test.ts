/**
 * Issue 16: a non-production Aurora Serverless v2 cluster that scales to zero satisfies
 * `aurora-stop-schedule-required` unless the stack shows what keeps it from pausing ("Scaling to
 * Zero ACUs with automatic pause and resume for Aurora Serverless v2", Aurora User Guide); the
 * advisory rule `aurora-scale-to-zero-instead-of-schedule` names the alternative taken. One valid
 * stack, one mutation per test, exact messages.
 */
import type { PolicyResource } from "@pulumi/policy";
import {
  auroraScaleToZeroInsteadOfSchedule,
  auroraStopScheduleRequired,
  UNKNOWN_VALUE,
} from "aurora-power/policy";
import {
  auroraCluster,
  globalCluster,
  policyResource,
  runStack,
  runStackToEnd,
} from "./policyFixtures";

const ADVISORY =
  "Aurora cluster `dev-reports` is non-production (tag `Environment=dev`) and has no stop schedule; " +
  "`aurora-stop-schedule-required` accepts scale to zero instead: it is Aurora Serverless v2 with " +
  "`serverlessv2ScalingConfiguration.minCapacity: 0`, so Aurora pauses it after 300 s without connections " +
  "(the default) and bills no capacity while it is paused. Any connection resumes it, and logical " +
  "replication or a zero-ETL integration (which the pack cannot see) keeps it from pausing; add a " +
  "`ClusterStopSchedule` if it must stop, or set `acceptScaleToZero: false` to require one.";
const UNSCHEDULED =
  "Aurora cluster `dev-reports` is non-production (tag `Environment=dev`) and has no stop schedule, so it runs around the clock";
const FIX =
  ". Add a `ClusterStopSchedule` for it, hold it stopped with a `ClusterPowerState` or a `ClusterFleetPowerState` " +
  '(`state: "stopped"`), or tag it with one of `Schedule`, `maid_offhours`, `custodian_downtime`; ' +
  "to exempt it, tag it `aurora-power:exempt` with the reason.";
const BLOCKED =
  "; its `serverlessv2ScalingConfiguration.minCapacity: 0` does not count, as Aurora cannot pause it while ";

const scaling = (change: Record<string, unknown> = {}) => ({
  serverlessv2ScalingConfiguration: { minCapacity: 0, maxCapacity: 4, ...change },
});

const instance = (name: string, instanceClass: unknown) =>
  policyResource("aws:rds/clusterInstance:ClusterInstance", name, {
    clusterIdentifier: "dev-reports",
    instanceClass,
    engine: "aurora-postgresql",
  });

/** The valid stack: `dev-reports`, Serverless v2 scaling to zero, one `db.serverless` instance. */
function validStack(change: Record<string, unknown> = {}): PolicyResource[] {
  return [
    auroraCluster("dev-reports", { ...scaling(), ...change }),
    instance("dev-reports-1", "db.serverless"),
  ];
}

async function judged(resources: PolicyResource[], config: Record<string, unknown> = {}) {
  const required = await runStack(auroraStopScheduleRequired, resources, { config });
  const advisory = await runStack(auroraScaleToZeroInsteadOfSchedule, resources, { config });
  return {
    violations: required.violations.map((v) => v.message),
    advisories: advisory.violations.map((v) => v.message),
  };
}

describe("scale to zero instead of a stop schedule", () => {
  it("accepts the cluster, and the advisory names scale to zero as the alternative taken", async () => {
    const resources = validStack();
    expect(await runStack(auroraScaleToZeroInsteadOfSchedule, resources)).toEqual({
      violations: [{ message: ADVISORY, urn: resources[0]?.urn }],
    });
    expect((await judged(resources)).violations).toEqual([]);
  });

  it("quotes a declared `secondsUntilAutoPause`", async () => {
    const resources = validStack(scaling({ secondsUntilAutoPause: 3600 }));
    expect((await judged(resources)).advisories).toEqual([
      ADVISORY.replace(
        "300 s without connections (the default)",
        "3600 s without connections (`secondsUntilAutoPause`)",
      ),
    ]);
  });

  it("does not count a minimum capacity above zero", async () => {
    const resources = validStack(scaling({ minCapacity: 0.5 }));
    expect(await judged(resources)).toEqual({
      violations: [`${UNSCHEDULED}${FIX}`],
      advisories: [],
    });
  });

  it("does not count it with `acceptScaleToZero: false`", async () => {
    const resources = validStack();
    expect(await judged(resources, { acceptScaleToZero: false })).toEqual({
      violations: [`${UNSCHEDULED}${FIX}`],
      advisories: [],
    });
  });

  it("does not count it while a provisioned instance is in the cluster", async () => {
    const resources = [...validStack(), instance("dev-reports-2", "db.r6g.large")];
    expect(await judged(resources)).toEqual({
      violations: [
        `${UNSCHEDULED}${BLOCKED}instance \`dev-reports-2\` is provisioned (\`db.r6g.large\`)${FIX}`,
      ],
      advisories: [],
    });
  });

  it("does not count it while an RDS Proxy targets the cluster", async () => {
    const target = policyResource("aws:rds/proxyTarget:ProxyTarget", "reports-proxy-target", {
      dbProxyName: "reports-proxy",
      targetGroupName: "default",
      dbClusterIdentifier: "DEV-REPORTS",
    });
    expect(await judged([...validStack(), target])).toEqual({
      violations: [
        `${UNSCHEDULED}${BLOCKED}RDS Proxy \`reports-proxy\` targets it (\`aws.rds.ProxyTarget\` \`reports-proxy-target\`)${FIX}`,
      ],
      advisories: [],
    });
  });

  it("does not count it while it is part of a global database, even as its only member", async () => {
    const resources = [
      globalCluster("reports-global"),
      ...validStack({ globalClusterIdentifier: "reports-global" }),
    ];
    expect(await judged(resources)).toEqual({
      violations: [
        `${UNSCHEDULED}${BLOCKED}it is part of global database \`reports-global\`${FIX}`,
      ],
      advisories: [],
    });
  });

  it("lists every blocker it sees", async () => {
    const resources = [
      ...validStack({ globalClusterIdentifier: "reports-global" }),
      instance("dev-reports-2", "db.r6g.large"),
    ];
    expect((await judged(resources)).violations).toEqual([
      `${UNSCHEDULED}${BLOCKED}instance \`dev-reports-2\` is provisioned (\`db.r6g.large\`), and while it is part of global database \`reports-global\`${FIX}`,
    ]);
  });

  it("links an instance by property dependency when its cluster identifier is unknown at preview", async () => {
    const [cluster] = validStack();
    const provisioned = policyResource(
      "aws:rds/clusterInstance:ClusterInstance",
      "dev-reports-2",
      { clusterIdentifier: UNKNOWN_VALUE, instanceClass: "db.r6g.large" },
      { propertyDependencies: { clusterIdentifier: [cluster as PolicyResource] } },
    );
    expect((await judged([...validStack(), provisioned])).violations).toHaveLength(1);
  });

  it("leaves the cluster undecided while `minCapacity` is unknown at preview", () => {
    const resources = validStack(scaling({ minCapacity: UNKNOWN_VALUE }));
    expect(runStackToEnd(auroraStopScheduleRequired, resources)).toEqual({
      violations: [],
      undecided:
        "cluster `dev-reports`: `serverlessv2ScalingConfiguration.minCapacity` is unknown; the check runs again when the values are known (`pulumi up`)",
    });
  });

  it("leaves the cluster undecided while an instance's class is unknown at preview", () => {
    const resources = [...validStack(), instance("dev-reports-2", UNKNOWN_VALUE)];
    expect(runStackToEnd(auroraStopScheduleRequired, resources).undecided).toBe(
      "cluster `dev-reports`: `dev-reports-2.instanceClass` is unknown; the check runs again when the values are known (`pulumi up`)",
    );
  });

  it("gives no advisory for a production cluster that scales to zero", async () => {
    const resources = [auroraCluster("prod-reports", scaling())];
    expect(await judged(resources)).toEqual({ violations: [], advisories: [] });
  });

  it("ignores Serverless v1, which pauses by its own scaling configuration", async () => {
    const resources = validStack({ engineMode: "serverless" });
    expect(await judged(resources)).toEqual({
      violations: [`${UNSCHEDULED}${FIX}`],
      advisories: [],
    });
  });
});
