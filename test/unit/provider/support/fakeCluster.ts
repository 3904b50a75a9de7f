import type { DBCluster } from "@aws-sdk/client-rds";
import type { ClusterApi } from "../../../../provider/rds/clusterApi";
import type { FakeTime } from "./fakeTime";

/**
 * One cluster whose status follows a timeline of (from ms, status) entries, and an API over it:
 * StopDBCluster / StartDBCluster append the transition, or throw `refusals` first.
 */
export class FakeCluster {
  private timeline: [number, string][];
  readonly calls: string[] = [];
  /** Errors StopDBCluster / StartDBCluster throw before they succeed, oldest first. */
  readonly refusals: Error[] = [];
  /** Until this time, a describe still reports the status from before the last action. */
  staleUntilMs = -1;
  private beforeAction = "";

  constructor(
    private readonly time: FakeTime,
    status: string,
    private readonly transitionMs = 5000,
    readonly id = "dev",
  ) {
    this.timeline = [[0, status]];
  }

  statusAt(nowMs: number): string {
    let status = "unknown";
    for (const [from, s] of this.timeline) if (from <= nowMs) status = s;
    return status;
  }

  private cluster(status: string): DBCluster {
    return {
      DBClusterIdentifier: this.id,
      Status: status,
      Engine: "aurora-postgresql",
      EngineMode: "provisioned",
    };
  }

  private act(name: string, from: string, via: string, to: string): DBCluster {
    this.calls.push(name);
    const refusal = this.refusals.shift();
    if (refusal) throw refusal;
    const now = this.time.nowMs;
    if (this.statusAt(now) !== from)
      throw Object.assign(new Error(`in ${this.statusAt(now)} state`), {
        name: "InvalidDBClusterStateFault",
      });
    this.beforeAction = from;
    this.timeline.push([now, via], [now + this.transitionMs, to]);
    this.timeline.sort((a, b) => a[0] - b[0]);
    return this.cluster(via);
  }

  readonly api: ClusterApi = {
    describeClusters: (ids) => {
      this.calls.push("describe");
      const now = this.time.nowMs;
      const status = now < this.staleUntilMs ? this.beforeAction : this.statusAt(now);
      const found = new Map<string, DBCluster>();
      if (ids.includes(this.id) && status !== "gone") found.set(this.id, this.cluster(status));
      return Promise.resolve(found);
    },
    stopCluster: () => Promise.resolve(this.act("stop", "available", "stopping", "stopped")),
    startCluster: () => Promise.resolve(this.act("start", "stopped", "starting", "available")),
    globalClusterMembers: () => Promise.resolve([]),
    blueGreenDeployments: () => Promise.resolve([]),
  };

  /** Changes the status at `atMs` (someone else acting on the cluster). */
  setStatusAt(atMs: number, status: string): void {
    this.timeline.push([atMs, status]);
    this.timeline.sort((a, b) => a[0] - b[0]);
  }
}
