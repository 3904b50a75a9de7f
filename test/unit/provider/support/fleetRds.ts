import {
  DescribeBlueGreenDeploymentsCommand,
  DBClusterNotFoundFault,
  DescribeDBClustersCommand,
  DescribeGlobalClustersCommand,
  InvalidDBClusterStateFault,
  StartDBClusterCommand,
  StopDBClusterCommand,
  type DBCluster,
  type DescribeDBClustersCommandInput,
  type RDSClient,
  type StartDBClusterCommandInput,
  type StopDBClusterCommandInput,
} from "@aws-sdk/client-rds";
import type { AwsClientStub } from "aws-sdk-client-mock";
import type { FakeTime } from "./fakeTime";

interface Entry {
  timeline: [number, string][];
  extra: Partial<DBCluster>;
}

/** ARN of a fake cluster. */
export const arnOf = (id: string): string => `arn:aws:rds:eu-west-1:123456789012:cluster:${id}`;

/**
 * Many clusters of one account behind an aws-sdk-client-mock RDS stub, on a {@link FakeTime}
 * clock: DescribeDBClusters answers for the ids of its filter, StopDBCluster / StartDBCluster are
 * accepted only from `available` / `stopped` (else `InvalidDBClusterStateFault`, as RDS) and finish
 * `transitionMs` later. A cluster in `stuck` never finishes its transition.
 */
const PRIMARY_ARN = "arn:aws:rds:eu-west-1:123456789012:cluster:global";
const SECONDARY_ARN = "arn:aws:rds:us-west-2:123456789012:cluster:global-secondary";

export class FleetRds {
  private readonly clusters = new Map<string, Entry>();
  /** Per identifier: what StopDBCluster / StartDBCluster throw instead of acting. */
  readonly refusals = new Map<string, Error>();
  /** Identifiers whose stop or start never completes. */
  readonly stuck = new Set<string>();

  constructor(
    private readonly rds: AwsClientStub<RDSClient>,
    private readonly time: FakeTime,
    private readonly transitionMs = 0,
  ) {
    // No member takes part in a Blue/Green deployment (DescribeBlueGreenDeployments at adoption).
    rds.on(DescribeBlueGreenDeploymentsCommand).resolves({ BlueGreenDeployments: [] });
    // Every global database has a second cluster in another Region (DescribeGlobalClusters).
    rds
      .on(DescribeGlobalClustersCommand)
      .callsFake((input: { GlobalClusterIdentifier?: string }) => ({
        GlobalClusters: [
          {
            GlobalClusterIdentifier: input.GlobalClusterIdentifier,
            GlobalClusterMembers: [{ DBClusterArn: SECONDARY_ARN }, { DBClusterArn: PRIMARY_ARN }],
          },
        ],
      }));
    rds.on(DescribeDBClustersCommand).callsFake((input: DescribeDBClustersCommandInput) => {
      const ids = input.Filters?.[0]?.Values ?? [];
      return { DBClusters: ids.flatMap((id) => this.describe(id) ?? []) };
    });
    rds
      .on(StopDBClusterCommand)
      .callsFake((input: StopDBClusterCommandInput) =>
        this.act(input.DBClusterIdentifier ?? "", "available", "stopping", "stopped"),
      );
    rds
      .on(StartDBClusterCommand)
      .callsFake((input: StartDBClusterCommandInput) =>
        this.act(input.DBClusterIdentifier ?? "", "stopped", "starting", "available"),
      );
  }

  /** Adds clusters in `status` now. */
  seed(ids: string[], status: string, extra: Partial<DBCluster> = {}): void {
    for (const id of ids) this.clusters.set(id, { timeline: [[this.time.nowMs, status]], extra });
  }

  /** Someone else puts the cluster in `status` now (a pending transition is cancelled). */
  set(id: string, status: string): void {
    const entry = this.clusters.get(id);
    if (!entry) return;
    entry.timeline = entry.timeline.filter(([from]) => from <= this.time.nowMs);
    entry.timeline.push([this.time.nowMs, status]);
  }

  /** The cluster disappears. */
  remove(id: string): void {
    this.clusters.delete(id);
  }

  statusOf(id: string): string | undefined {
    const entry = this.clusters.get(id);
    if (!entry) return undefined;
    let status = "unknown";
    for (const [from, s] of entry.timeline) if (from <= this.time.nowMs) status = s;
    return status;
  }

  /** The identifiers of the calls of one command, in order. */
  calls(command: typeof StopDBClusterCommand | typeof StartDBClusterCommand): string[] {
    return this.rds
      .commandCalls(command)
      .map((call) => call.args[0].input.DBClusterIdentifier ?? "");
  }

  private describe(id: string): DBCluster | undefined {
    const status = this.statusOf(id);
    if (status === undefined) return undefined;
    const entry = this.clusters.get(id);
    return {
      DBClusterIdentifier: id,
      Status: status,
      DBClusterArn: arnOf(id),
      Engine: "aurora-postgresql",
      EngineMode: "provisioned",
      ...(status === "stopped" ? { AutomaticRestartTime: new Date("2026-11-30T10:00:00Z") } : {}),
      ...entry?.extra,
    };
  }

  private act(id: string, from: string, via: string, to: string): { DBCluster: DBCluster } {
    const refusal = this.refusals.get(id);
    if (refusal) throw refusal;
    const entry = this.clusters.get(id);
    const status = this.statusOf(id);
    if (!entry) throw new DBClusterNotFoundFault({ message: `${id} not found`, $metadata: {} });
    if (status !== from) {
      throw new InvalidDBClusterStateFault({
        message: `DbCluster ${id} is in ${status} state but expected it to be one of ${from}`,
        $metadata: {},
      });
    }
    const now = this.time.nowMs;
    entry.timeline.push([now, via]);
    if (!this.stuck.has(id)) entry.timeline.push([now + this.transitionMs, to]);
    return { DBCluster: { ...this.describe(id), Status: via } };
  }
}
