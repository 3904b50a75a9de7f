/**
 * What each rule of the pack tells about itself beyond its violations: severity, tags, the steps
 * that fix a violation and the page that explains the rule. One module, so the sentences and the
 * documentation address live in one place.
 *
 * The Pulumi CLI (3.259) prints a violation's severity (`[mandatory] [severity: critical]`) but
 * neither `remediationSteps` nor `url` (those reach Pulumi Cloud through the pack's analyzer info),
 * so each violation message keeps naming its own fix; `remediationSteps` is the general recipe.
 */
import type { Policy } from "@pulumi/policy";

/** The project's repository (package.json `repository` and `homepage`; a unit test compares). */
export const REPOSITORY_URL = "https://github.com/aurora-power/aurora-power";

/** The page documenting every rule of the pack, one `## <policy-name>` heading per rule. */
export const POLICY_DOCS_URL = `${REPOSITORY_URL}/blob/main/docs/policy-pack.md`;

/** The metadata fields of `@pulumi/policy`'s `Policy` that every aurora-power rule sets. */
export type PolicyMetadata = Required<
  Pick<Policy, "severity" | "tags" | "remediationSteps" | "url">
>;

/** The names of the pack's rules. */
export type AuroraPolicyName =
  | "aurora-stop-schedule-required"
  | "aurora-scale-to-zero-instead-of-schedule"
  | "aurora-production-never-stopped"
  | "aurora-stoppable-cluster"
  | "aurora-stop-schedule-sane"
  | "aurora-one-power-holder-per-cluster"
  | "aurora-keep-running-tag-in-code";

/** The address of `name`'s section of the pack's documentation (GitHub's heading anchor). */
export function policyDocsUrl(name: AuroraPolicyName): string {
  return `${POLICY_DOCS_URL}#${name}`;
}

const EXEMPT =
  "If the rule does not apply to the cluster, tag it `aurora-power:exempt` (the `exemptionTagKey`) " +
  "with the reason, or list it in `exemptClusterIdentifiers`.";

const METADATA: Readonly<Record<AuroraPolicyName, Omit<PolicyMetadata, "url">>> = {
  "aurora-stop-schedule-required": {
    severity: "medium",
    tags: ["aws", "aurora", "rds", "cost"],
    remediationSteps:
      "Give the non-production cluster a stop schedule: a `ClusterStopSchedule` (e.g. `stop: " +
      '"cron(0 19 ? * MON-FRI *)"`, `start: "cron(0 7 ? * MON-FRI *)"`), an EventBridge Scheduler ' +
      "schedule targeting `stopDBCluster`, a `ClusterPowerState` or `ClusterFleetPowerState` " +
      'holding it `state: "stopped"`, or one of the `scheduleTagKeys` tags for AWS Instance ' +
      "Scheduler or Cloud Custodian. An Aurora Serverless v2 cluster may scale to zero " +
      "(`serverlessv2ScalingConfiguration.minCapacity: 0`) instead. If the cluster is production, " +
      `tag it \`Environment=production\`. ${EXEMPT}`,
  },
  "aurora-scale-to-zero-instead-of-schedule": {
    severity: "low",
    tags: ["aws", "aurora", "rds", "cost", "serverless"],
    remediationSteps:
      "Nothing to fix when pausing after the idle time is what you want. If the cluster must " +
      "stop on a schedule, add a `ClusterStopSchedule` for it; to require a schedule for every " +
      "cluster, set `acceptScaleToZero: false` for both `aurora-stop-schedule-required` and this " +
      "rule, or disable this rule.",
  },
  "aurora-production-never-stopped": {
    severity: "critical",
    tags: ["aws", "aurora", "rds", "availability"],
    remediationSteps:
      'Keep production clusters running: set `state: "running"` on the `ClusterPowerState` (or ' +
      "remove the cluster from the fleet's `clusterIdentifiers`), remove or disable the stop " +
      'schedule, and give holders `onDelete: "running"` or `onDelete: "retain"`. If the cluster ' +
      "is not production, tag it `Environment` with its environment. " +
      EXEMPT,
  },
  "aurora-stoppable-cluster": {
    severity: "high",
    tags: ["aws", "aurora", "rds", "reliability"],
    remediationSteps:
      "Stop only clusters AWS can stop: remove the stop (or the cluster from `clusterIdentifiers`) " +
      "for Aurora Serverless v1, read replicas, sources of cross-Region read replicas, non-Aurora " +
      "Multi-AZ DB clusters and members of a global database of several clusters. Declare the " +
      "`aws.rds.GlobalCluster` in the stack so the pack can count its members. " +
      EXEMPT,
  },
  "aurora-stop-schedule-sane": {
    severity: "medium",
    tags: ["aws", "aurora", "rds", "cost", "schedule"],
    remediationSteps:
      "Write `cron(...)`, `rate(...)` or `at(...)` expressions EventBridge Scheduler accepts, use " +
      "an IANA time zone such as `Europe/Berlin`, move `stop` or `start` so they never fire at " +
      "once, and make a stop-only schedule run at least every 7 days (AWS starts a stopped " +
      "cluster after 7 days). For a cluster held stopped, add a `ClusterKeepStopped` listing it " +
      "or a `ClusterStopSchedule`. " +
      EXEMPT,
  },
  "aurora-one-power-holder-per-cluster": {
    severity: "high",
    tags: ["aws", "aurora", "rds", "reliability"],
    remediationSteps:
      "Keep one `ClusterPowerState` or `ClusterFleetPowerState` per cluster and Region: remove " +
      "the other resource, or the cluster from its `clusterIdentifiers`. To move a cluster to a " +
      "new resource, give the new resource `aliases` naming the old one instead of declaring " +
      "both.",
  },
  "aurora-keep-running-tag-in-code": {
    severity: "low",
    tags: ["aws", "aurora", "rds", "cost", "schedule"],
    remediationSteps:
      "Remove the tag from the cluster's `tags` in the program and set it only when someone needs" +
      " the cluster, from the console or the AWS CLI, with a time (`aws rds add-tags-to-resource " +
      "--resource-name <cluster ARN> --tags Key=aurora-power:keep-running-until,Value=2026-11-29T" +
      '08:00:00Z`): it lapses by itself. To keep a cluster running for good, declare `state: "running"` or remove its stop schedule.',
  },
};

/** The severity, tags, remediation steps and documentation address of the rule `name`. */
export function policyMetadata(name: AuroraPolicyName): PolicyMetadata {
  const { severity, tags, remediationSteps } = METADATA[name];
  return { severity, tags: [...tags], remediationSteps, url: policyDocsUrl(name) };
}
