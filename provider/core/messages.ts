/**
 * Every sentence the provider tells a user about a cluster: what happened, what was observed and
 * the way out, naming the cluster and its Region. Input checks (`check` failures) phrase their own
 * reasons in ./validateInputs. Endpoint text is made safe with `sdkErrorMessage` before it lands here.
 */
import type { PowerAction, PowerState } from "../aurora/clusterStatus";
import { planTransition } from "../aurora/planTransition";
import type { StopRefusal } from "../aurora/stoppability";
import type { Holder } from "./holders";

// Format (bidi overrides, zero-width), private-use and unassigned characters: JSON.stringify leaves
// them raw, and they can reorder or hide what the CLI shows ("Trojan Source", CVE-2021-42574).
const INVISIBLE = /[\p{Cf}\p{Co}\p{Cn}\u2028\u2029]/gu;

function escapeCodePoint(char: string): string {
  const code = char.codePointAt(0) ?? 0;
  const hex = code.toString(16).toUpperCase();
  return code > 0xffff ? `\\u{${hex}}` : `\\u${hex.padStart(4, "0")}`;
}

/** A user value quoted for a message: JSON-escaped and cut, so hostile input cannot forge text. */
export function shown(value: unknown): string {
  const text = typeof value === "string" ? value : String(JSON.stringify(value));
  const cut = text.length > 64 ? `${text.slice(0, 64)}…` : text;
  return JSON.stringify(cut).replace(INVISIBLE, escapeCodePoint);
}

/** `cluster \`dev-orders\` (eu-west-1)`, as every message names a cluster. */
export function clusterLabel(clusterIdentifier: string, region: string): string {
  return `cluster \`${clusterIdentifier}\` (${region})`;
}

/** Formats seconds as `2m10s` (or `45s` under a minute) for messages and progress. */
export function formatElapsed(elapsedSeconds: number): string {
  const total = Math.max(0, Math.floor(elapsedSeconds));
  const minutes = Math.floor(total / 60);
  const seconds = total % 60;
  return minutes === 0 ? `${seconds}s` : `${minutes}m${String(seconds).padStart(2, "0")}s`;
}

/** `timeoutMinutes` as messages show it (at most two decimals). */
export function formatMinutes(minutes: number): string {
  return String(Math.round(minutes * 100) / 100);
}

/** `ClusterPowerState` `dev-power`, as messages name a resource. */
export function holderLabel(holder: Holder): string {
  return `\`${holder.kind}\` \`${holder.name ?? "(unnamed)"}\``;
}

/** The RDS API name of a power action. */
export function actionName(action: PowerAction): string {
  return action === "stop" ? "StopDBCluster" : "StartDBCluster";
}

/** Where a message puts a cluster: its identifier and Region. */
export interface ClusterScope {
  clusterIdentifier: string;
  region: string;
}

/** What a failure of an operation names, as of the failure. */
export interface OperationScope extends ClusterScope {
  desired: PowerState;
  timeoutMinutes: number;
  /** Last observed status; undefined when none was seen. */
  status: string | undefined;
  /** The RDS endpoint as messages show it. */
  endpointLabel: string;
  /** The command that retries the operation (`pulumi destroy` for a delete). */
  retry: RetryCommand;
}

/** The command that retries the operation that failed. */
export type RetryCommand = "pulumi up" | "pulumi destroy" | "pulumi refresh";

/**
 * What to do when RDS's request quota, not the cluster or the credentials, ended an operation: the
 * bucket is per account and Region and shared by every tool ("Request throttling for the Amazon
 * RDS API", RDS User Guide).
 */
export function quotaAdvice(region: string, retry: RetryCommand): string {
  return (
    `the account's RDS API request quota in ${region} is exhausted (RDS kept answering \`Throttling\`: Rate exceeded); the credentials and the endpoint are fine. ` +
    "Raise the quota (Service Quotas, Amazon RDS), lower the share this stack takes (`AURORA_POWER_RDS_RATE`, `AURORA_POWER_RDS_BURST`) or other tools of the account take, " +
    `raise \`timeoutMinutes\`, or run \`${retry}\` again later`
  );
}

/** How an operation left one cluster, for the one line that says so. */
export interface Outcome {
  /** The power state reached. */
  state: PowerState;
  /** Whether this operation called StopDBCluster or StartDBCluster. */
  called: boolean;
  /** Whether the cluster was already in `state` when first seen (no wait, no call). */
  already: boolean;
  elapsedSeconds: number;
}

/** "stopped in 4m12s", "already running", "stopped after 40s (it was `stopping`; no call made)". */
function outcomeText(o: Outcome, firstStatus?: string): string {
  if (o.already) return `already ${o.state}`;
  const elapsed = formatElapsed(o.elapsedSeconds);
  if (o.called) return `${o.state === "stopped" ? "stopped" : "started"} in ${elapsed}`;
  return `${o.state} after ${elapsed} (it was \`${firstStatus ?? "unknown"}\`; no call made)`;
}

export const messages = {
  keepRunningTagOverruled: (s: ClusterScope, tagKey: string, until: string) =>
    `${clusterLabel(s.clusterIdentifier, s.region)} carries the tag \`${tagKey}\` = ${shown(until)}, a time still ahead, and \`pulumi up\` stops it all the same: the declared \`state: "stopped"\` wins, the tag only holds off the stop workflow (schedules and \`ClusterKeepStopped\`). ` +
    `To honour the tag, declare \`state: "running"\` until then; or remove the tag`,

  /** The line that ends a create or update for one cluster. */
  held: (s: ClusterScope, o: Outcome, firstStatus?: string) =>
    `${clusterLabel(s.clusterIdentifier, s.region)}: ${outcomeText(o, firstStatus)}`,

  /** The line that ends a delete (or a member leaving a fleet) for one cluster. */
  released: (s: ClusterScope, onDelete: string, o: Outcome, firstStatus?: string) => {
    const how = onDelete === "restore" ? `restored to \`${o.state}\`` : `\`onDelete: ${onDelete}\``;
    return `${clusterLabel(s.clusterIdentifier, s.region)}: ${how}: ${outcomeText(o, firstStatus)}`;
  },

  /** A release that found the cluster gone (or being deleted). */
  releasedGone: (s: ClusterScope) =>
    `${clusterLabel(s.clusterIdentifier, s.region)}: already gone, nothing to release`,

  /** `onDelete: retain`: no call. */
  retained: (s: ClusterScope) =>
    `${clusterLabel(s.clusterIdentifier, s.region)}: left as it is (\`onDelete: retain\`)`,

  pendingWork: (s: ClusterScope, status: string | undefined, desired: PowerState) => {
    const seen = status === undefined ? "has no recorded status" : `was last seen \`${status}\``;
    const plan = status === undefined ? undefined : planTransition(status, desired);
    const next =
      plan?.kind === "act"
        ? `will call ${actionName(plan.action)} to make it \`${desired}\``
        : plan?.kind === "fail"
          ? `cannot make it \`${desired}\`: ${plan.reason}`
          : `will describe it and make it \`${desired}\``;
    return `${clusterLabel(s.clusterIdentifier, s.region)} ${seen}: \`pulumi up\` ${next}`;
  },

  takenOver: (s: ClusterScope, onDelete: string, releaser: Holder, successor: Holder) =>
    `${clusterLabel(s.clusterIdentifier, s.region)} is left as it is: ${holderLabel(successor)} holds it now (a rename or a move in this run), ` +
    `so ${holderLabel(releaser)} does not apply \`onDelete: ${onDelete}\` to it; to keep its recorded \`initialState\` on a rename, use the \`aliases\` resource option`,

  secondHolder: (s: ClusterScope, first: Holder) =>
    `${clusterLabel(s.clusterIdentifier, s.region)} is already held by ${holderLabel(first)} in this stack; one resource may hold a cluster (two would undo each other on every \`pulumi up\`): remove one of them, or list the cluster in only one fleet`,

  notFound: (s: ClusterScope) =>
    `${clusterLabel(s.clusterIdentifier, s.region)} was not found; check \`clusterIdentifier\`, \`region\` and the account of the credentials`,

  describeFailed: (s: ClusterScope, why: string, retry: RetryCommand = "pulumi up") =>
    `${clusterLabel(s.clusterIdentifier, s.region)}: DescribeDBClusters failed: ${why}; check the credentials, \`region\` and the RDS endpoint, then run \`${retry}\` again`,

  endpointUnreachable: (s: ClusterScope, endpoint: string, why: string, retry: RetryCommand) =>
    `${clusterLabel(s.clusterIdentifier, s.region)}: nothing answers at ${endpoint} (${why}); start the endpoint or fix \`AWS_ENDPOINT_URL_RDS\` and \`region\`, then run \`${retry}\` again`,

  quotaExhausted: (s: OperationScope) =>
    `${clusterLabel(s.clusterIdentifier, s.region)} is still \`${s.status ?? "unknown"}\` after ${formatMinutes(s.timeoutMinutes)} min (expected \`${s.desired}\`): ` +
    quotaAdvice(s.region, s.retry),

  quotaExhaustedCall: (s: ClusterScope, why: string, retry: RetryCommand) =>
    `${clusterLabel(s.clusterIdentifier, s.region)}: DescribeDBClusters was throttled (${why}): ${quotaAdvice(s.region, retry)}`,

  noTimeForCall: (s: Omit<OperationScope, "endpointLabel" | "retry">) =>
    `${clusterLabel(s.clusterIdentifier, s.region)}: \`timeoutMinutes\` (${formatMinutes(s.timeoutMinutes)} min) ran out before DescribeDBClusters could be sent; no call was made. Raise \`timeoutMinutes\` (minutes; the default is 60)`,

  describeUnanswered: (s: Omit<OperationScope, "retry">) =>
    `no answer from ${s.endpointLabel} within ${formatMinutes(s.timeoutMinutes)} min (\`timeoutMinutes\`)`,

  unsupported: (s: ClusterScope, refusal: Pick<StopRefusal, "why" | "fix">) =>
    `${clusterLabel(s.clusterIdentifier, s.region)} cannot be stopped: ${refusal.why}; ${refusal.fix}, or leave it running`,

  timedOut: (s: OperationScope) =>
    `${clusterLabel(s.clusterIdentifier, s.region)} is still \`${s.status ?? "unknown"}\` after ${formatMinutes(s.timeoutMinutes)} min ` +
    `(expected \`${s.desired}\`); raise \`timeoutMinutes\` or check the RDS console`,

  unansweredCall: (s: OperationScope, action: PowerAction) =>
    `${clusterLabel(s.clusterIdentifier, s.region)}: ${actionName(action)} got no answer from ${s.endpointLabel} within ${formatMinutes(s.timeoutMinutes)} min (last seen \`${s.status ?? "unknown"}\`); ` +
    `it may have been carried out: run \`${s.retry}\` again to re-check, raise \`timeoutMinutes\`, or check the endpoint`,

  terminalStatus: (s: OperationScope, reason: string) =>
    `${clusterLabel(s.clusterIdentifier, s.region)} is \`${s.status ?? "unknown"}\`: ${reason}`,

  keptReturning: (s: OperationScope, action: PowerAction, attempts: number) =>
    `${clusterLabel(s.clusterIdentifier, s.region)} kept returning to \`${s.status ?? "unknown"}\` after ${attempts} attempts to call ${actionName(action)}; check what else starts or stops it`,

  powerCallDenied: (s: ClusterScope, action: PowerAction, why: string) =>
    `${clusterLabel(s.clusterIdentifier, s.region)}: ${actionName(action)} failed: ${why}; grant the permissions of \`clusterPowerStatePolicy()\` to the credentials (\`profile\`, \`roleArn\` or the default chain)`,

  powerCallFailed: (s: ClusterScope & { retry: RetryCommand }, action: PowerAction, why: string) =>
    `${clusterLabel(s.clusterIdentifier, s.region)}: ${actionName(action)} failed: ${why}; check the RDS console and run \`${s.retry}\` again`,

  kmsKeyInaccessible: (
    s: ClusterScope & { retry: RetryCommand },
    action: PowerAction,
    why: string,
  ) =>
    `${clusterLabel(s.clusterIdentifier, s.region)}: ${actionName(action)} failed: RDS cannot use the cluster's KMS key (${why}); restore the key's access (enable the key, cancel its scheduled deletion, let RDS use it in the key policy and grants), then run \`${s.retry}\` again`,

  vpcEncryptionControl: (
    s: ClusterScope & { retry: RetryCommand },
    action: PowerAction,
    why: string,
  ) =>
    `${clusterLabel(s.clusterIdentifier, s.region)}: ${actionName(action)} failed: the VPC's encryption controls enforce encryption in transit (${why}); give the cluster's instances an instance class with Nitro encryption in transit, or take the VPC's encryption control out of enforce mode, then run \`${s.retry}\` again`,

  stopFactsFailed: (s: ClusterScope, call: string, why: string, retry: RetryCommand) =>
    `${clusterLabel(s.clusterIdentifier, s.region)}: ${call} failed: ${why}; no change was made. Check that the credentials may call \`rds:${call}\` (see \`clusterPowerStatePolicy()\`), then run \`${retry}\` again`,

  blueGreenUnchecked: (s: ClusterScope, why: string) =>
    `${clusterLabel(s.clusterIdentifier, s.region)}: DescribeBlueGreenDeployments was refused (${why}); going on without it, a Blue/Green deployment shows only when RDS refuses the call. Grant \`rds:DescribeBlueGreenDeployments\` (see \`clusterPowerStatePolicy()\`) to know it before acting`,

  releaseBlocked: (s: ClusterScope, what: string, onDelete: string) =>
    `${what}. The cluster cannot be given \`onDelete: ${onDelete}\` now. To remove the resource anyway, set \`onDelete: "retain"\` on it and run \`pulumi up\`, then \`pulumi destroy\` (or remove it from the state: \`pulumi state delete <urn>\`); the cluster is left as it is`,

  noRegion: () => "no AWS Region: set `region`, the stack's `aws:region` config, or AWS_REGION",

  fleetConverge: (failed: number, total: number, region: string) =>
    `${failed} of ${total} clusters of the fleet (${region}) failed${failed < total ? "; the other members are done" : ""}. ` +
    "Fix each as its line says, or remove it from `clusterIdentifiers`, then run `pulumi up` again:",

  fleetRelease: (failed: number, total: number, region: string, onDelete: string) =>
    `${failed} of ${total} clusters of the fleet (${region}) could not be given \`onDelete: ${onDelete}\`; the fleet stays in the stack. Fix each as its line says, then run \`pulumi destroy\` again (it retries every member):`,

  fleetRefresh: (failed: number, total: number, region: string) =>
    `refresh failed for ${failed} of ${total} clusters of the fleet (${region}); no member was dropped. Fix each as its line says, then run \`pulumi refresh\` again:`,
} as const;
