/** Every rule of the pack carries its severity, tags, remediation steps and documentation address. */
import * as fs from "node:fs";
import * as path from "node:path";
import { POLICY_DOCS_URL, REPOSITORY_URL, auroraPowerPolicies } from "aurora-power/policy";

const DOCS = "https://github.com/aurora-power/aurora-power/blob/main/docs/policy-pack.md";

const EXEMPT =
  "If the rule does not apply to the cluster, tag it `aurora-power:exempt` (the `exemptionTagKey`) " +
  "with the reason, or list it in `exemptClusterIdentifiers`.";

/** What each rule must say about itself, written out here so a change is a reviewed change. */
const EXPECTED: Record<string, { severity: string; tags: string[]; remediationSteps: string }> = {
  "aurora-stop-schedule-required": {
    severity: "medium",
    tags: ["aws", "aurora", "rds", "cost"],
    remediationSteps:
      'Give the non-production cluster a stop schedule: a `ClusterStopSchedule` (e.g. `stop: "cron(0 19 ? * MON-FRI *)"`, ' +
      '`start: "cron(0 7 ? * MON-FRI *)"`), an EventBridge Scheduler schedule targeting `stopDBCluster`, a ' +
      '`ClusterPowerState` or `ClusterFleetPowerState` holding it `state: "stopped"`, or one of the `scheduleTagKeys` ' +
      "tags for AWS Instance Scheduler or Cloud Custodian. An Aurora Serverless v2 cluster may scale to zero " +
      "(`serverlessv2ScalingConfiguration.minCapacity: 0`) instead. If the cluster is production, tag it " +
      `\`Environment=production\`. ${EXEMPT}`,
  },
  "aurora-scale-to-zero-instead-of-schedule": {
    severity: "low",
    tags: ["aws", "aurora", "rds", "cost", "serverless"],
    remediationSteps:
      "Nothing to fix when pausing after the idle time is what you want. If the cluster must stop on a " +
      "schedule, add a `ClusterStopSchedule` for it; to require a schedule for every cluster, set " +
      "`acceptScaleToZero: false` for both `aurora-stop-schedule-required` and this rule, or disable this rule.",
  },
  "aurora-production-never-stopped": {
    severity: "critical",
    tags: ["aws", "aurora", "rds", "availability"],
    remediationSteps:
      'Keep production clusters running: set `state: "running"` on the `ClusterPowerState` (or remove the ' +
      "cluster from the fleet's `clusterIdentifiers`), remove or disable the stop schedule, and give holders " +
      '`onDelete: "running"` or `onDelete: "retain"`. If the cluster is not production, tag it `Environment` ' +
      `with its environment. ${EXEMPT}`,
  },
  "aurora-stoppable-cluster": {
    severity: "high",
    tags: ["aws", "aurora", "rds", "reliability"],
    remediationSteps:
      "Stop only clusters AWS can stop: remove the stop (or the cluster from `clusterIdentifiers`) for Aurora " +
      "Serverless v1, read replicas, sources of cross-Region read replicas, non-Aurora Multi-AZ DB clusters and " +
      "members of a global database of several clusters. Declare the `aws.rds.GlobalCluster` in the stack so " +
      `the pack can count its members. ${EXEMPT}`,
  },
  "aurora-stop-schedule-sane": {
    severity: "medium",
    tags: ["aws", "aurora", "rds", "cost", "schedule"],
    remediationSteps:
      "Write `cron(...)`, `rate(...)` or `at(...)` expressions EventBridge Scheduler accepts, use an IANA time " +
      "zone such as `Europe/Berlin`, move `stop` or `start` so they never fire at once, and make a stop-only " +
      "schedule run at least every 7 days (AWS starts a stopped cluster after 7 days). For a cluster held " +
      `stopped, add a \`ClusterKeepStopped\` listing it or a \`ClusterStopSchedule\`. ${EXEMPT}`,
  },
  "aurora-one-power-holder-per-cluster": {
    severity: "high",
    tags: ["aws", "aurora", "rds", "reliability"],
    remediationSteps:
      "Keep one `ClusterPowerState` or `ClusterFleetPowerState` per cluster and Region: remove the other " +
      "resource, or the cluster from its `clusterIdentifiers`. To move a cluster to a new resource, give the " +
      "new resource `aliases` naming the old one instead of declaring both.",
  },
  "aurora-keep-running-tag-in-code": {
    severity: "low",
    tags: ["aws", "aurora", "rds", "cost", "schedule"],
    remediationSteps:
      "Remove the tag from the cluster's `tags` in the program and set it only when someone needs the clust" +
      "er, from the console or the AWS CLI, with a time (`aws rds add-tags-to-resource --resource-name <clu" +
      'ster ARN> --tags Key=aurora-power:keep-running-until,Value=2026-11-29T08:00:00Z`): it lapses by itself. To keep a cluster running for good, declare `state: "running"` or remove its stop schedule.',
  },
};

describe("policy metadata", () => {
  it("covers exactly the pack's rules", () => {
    expect(auroraPowerPolicies.map((p) => p.name).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(auroraPowerPolicies.map((p) => [p.name, p] as const))(
    "%s sets severity, tags, remediation steps and its documentation anchor",
    (name, policy) => {
      const expected = EXPECTED[name];
      expect(policy.severity).toBe(expected?.severity);
      expect(policy.tags).toEqual(expected?.tags);
      expect(policy.remediationSteps).toBe(expected?.remediationSteps);
      expect(policy.url).toBe(`${DOCS}#${name}`);
    },
  );

  it("anchors are GitHub's for a `## <name>` heading: lowercase letters, digits and hyphens", () => {
    for (const policy of auroraPowerPolicies) {
      expect(new URL(policy.url ?? "").hash).toMatch(/^#[a-z0-9-]+$/);
    }
  });

  it("the documentation lives in the repository package.json names", () => {
    const manifest = JSON.parse(
      fs.readFileSync(path.join(__dirname, "../../../package.json"), "utf8"),
    ) as { repository: { url: string }; homepage: string };
    expect(REPOSITORY_URL).toBe("https://github.com/aurora-power/aurora-power");
    expect(manifest.repository.url).toBe(`git+${REPOSITORY_URL}.git`);
    expect(manifest.homepage).toBe(`${REPOSITORY_URL}#readme`);
    expect(POLICY_DOCS_URL).toBe(DOCS);
  });
});
