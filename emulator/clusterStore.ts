import type { Clock, EmulatorConfig, SeedCluster, StatusEvent } from "./types";
import {
  clusterArn,
  createClusterRecord,
  normalizeIdentifier,
  type ClusterRecord,
} from "./clusterRecord";
import { RdsEventLog, type RdsClusterEventKind, type RdsEventBridgeEvent } from "./rdsEvents";
import { checkStopStartEligibility } from "./stopEligibility";
import { rememberBlueGreen } from "./blueGreenDeployments";
import { RdsApiError } from "./errors";
import { captureStaleRead, type StaleRead } from "./staleRead";

/** Statuses from which StartDBCluster is accepted (StartDBCluster API reference). */
export const STARTABLE_STATUSES = [
  "stopped",
  "inaccessible-encryption-credentials-recoverable",
] as const;

/**
 * The cluster lifecycle state machine. Time is evaluated lazily: each read first applies every
 * timed transition that is due by `clock.now()`, stamping it with the instant it was scheduled to
 * complete, so `events()` reports exact completion instants whatever the polling rate.
 */
export class ClusterStore {
  private readonly clusters = new Map<string, ClusterRecord>();
  private readonly history: StatusEvent[] = [];
  private readonly rdsEventLog = new RdsEventLog();

  constructor(
    private readonly config: () => EmulatorConfig,
    private readonly clock: Clock,
  ) {}

  /** Adds (or replaces) a cluster from seed data. */
  seed(seed: SeedCluster): ClusterRecord {
    const record = createClusterRecord(seed, this.clock.now());
    rememberBlueGreen(record, seed.BlueGreenDeployment);
    this.clusters.set(record.id, record);
    return record;
  }

  /**
   * CreateDBCluster: adds a cluster that is `creating` for `createSeconds`, then `available`;
   * `DBClusterAlreadyExistsFault` if the identifier is taken.
   */
  create(seed: SeedCluster): ClusterRecord {
    const id = normalizeIdentifier(seed.DBClusterIdentifier);
    if (this.clusters.has(id)) {
      throw new RdsApiError("DBClusterAlreadyExistsFault", "DB Cluster already exists", 400);
    }
    const record = this.seed({ ...seed, Status: "creating" });
    record.pending = [
      { to: "available", atMs: this.clock.now() + this.config().createSeconds * 1000 },
    ];
    return record;
  }

  /** The emulator's current time, epoch ms. */
  now(): number {
    return this.clock.now();
  }

  /** The cluster with this identifier (any case), brought up to date, or undefined. */
  find(rawId: string): ClusterRecord | undefined {
    const record = this.clusters.get(rawId.trim().toLowerCase());
    if (record) this.advance(record);
    return record;
  }

  /** Like {@link find}, but throws `DBClusterNotFoundFault`. */
  get(rawId: string): ClusterRecord {
    const record = this.find(rawId);
    if (!record) throw RdsApiError.clusterNotFound(rawId.trim().toLowerCase());
    return record;
  }

  /** Every cluster, up to date, sorted by identifier (RDS lists in identifier order). */
  list(): ClusterRecord[] {
    const all = [...this.clusters.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
    all.forEach((r) => this.advance(r));
    return all;
  }

  /** Removes a cluster, recording `deleting`; returns the removed record or undefined. */
  remove(rawId: string): ClusterRecord | undefined {
    const record = this.find(rawId);
    if (!record) return undefined;
    this.setStatus(record, "deleting", this.clock.now());
    this.clusters.delete(record.id);
    this.emit("deleted", record, this.clock.now());
    return record;
  }

  /** StopDBCluster: only from `available` with every member instance available. */
  stop(rawId: string): ClusterRecord {
    const record = this.get(rawId);
    const refusal = checkStopStartEligibility(record, undefined, this.clusters.values());
    if (refusal) throw refusal;
    if (record.status !== "available") {
      throw RdsApiError.invalidClusterState(record.id, record.status, ["available"]);
    }
    const now = this.clock.now();
    const busy = record.instanceIds.find((i) => this.instanceStatus(record, i) !== "available");
    if (busy !== undefined) throw RdsApiError.invalidInstanceState(busy);
    this.rememberForStaleReads(record, now);
    this.setStatus(record, "stopping", now);
    record.pending = [{ to: "stopped", atMs: now + this.config().stopSeconds * 1000 }];
    return record;
  }

  /** StartDBCluster: only from `stopped` or `inaccessible-encryption-credentials-recoverable`. */
  start(rawId: string): ClusterRecord {
    const record = this.get(rawId);
    const refusal = checkStopStartEligibility(record, undefined, this.clusters.values());
    if (refusal) throw refusal;
    if (!(STARTABLE_STATUSES as readonly string[]).includes(record.status)) {
      throw RdsApiError.invalidClusterState(record.id, record.status, STARTABLE_STATUSES);
    }
    const now = this.clock.now();
    this.rememberForStaleReads(record, now);
    this.beginStart(record, now);
    return record;
  }

  /** Admin: puts a cluster into any status now, cancelling pending transitions and stale reads. */
  forceStatus(rawId: string, status: string): ClusterRecord {
    const record = this.get(rawId);
    record.pending = [];
    record.staleRead = undefined;
    this.setStatus(record, status, this.clock.now());
    return record;
  }

  /** Admin: performs the 7-day automatic restart of a stopped cluster now. */
  triggerAutoRestart(rawId: string): ClusterRecord {
    const record = this.get(rawId);
    if (record.status !== "stopped") {
      throw RdsApiError.invalidClusterState(record.id, record.status, ["stopped"]);
    }
    this.beginStart(record, this.clock.now(), true);
    return record;
  }

  /** When a stopped cluster will restart by itself, or undefined if it is not stopped. */
  automaticRestartMs(record: ClusterRecord): number | undefined {
    if (record.status !== "stopped" || record.stoppedAtMs === undefined) return undefined;
    return record.stoppedAtMs + this.config().autoRestartSeconds * 1000;
  }

  /** The pre-call snapshot DescribeDBClusters still shows for this cluster now, if any. */
  staleReadOf(record: ClusterRecord): StaleRead | undefined {
    const stale = record.staleRead;
    return stale !== undefined && this.clock.now() < stale.untilMs ? stale : undefined;
  }

  /** Status of one member instance, derived from the cluster's status and settle time. */
  instanceStatus(record: ClusterRecord, _instanceId: string): string {
    switch (record.status) {
      case "available":
        return this.clock.now() >= record.instancesAvailableAtMs ? "available" : "starting";
      case "creating":
      case "stopped":
      case "stopping":
      case "starting":
      case "deleting":
        return record.status;
      case "backing-up":
        return "starting";
      default:
        return "available";
    }
  }

  /** RDS DB cluster events (EventBridge shape) so far, in the order they happened. */
  rdsEvents(): RdsEventBridgeEvent[] {
    this.list();
    return this.rdsEventLog.all();
  }

  /** Every status change so far, in the order they completed. */
  events(): StatusEvent[] {
    this.list();
    return [...this.history].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  }

  private rememberForStaleReads(record: ClusterRecord, nowMs: number): void {
    const restartMs = this.automaticRestartMs(record);
    const before = {
      Status: record.status,
      AutomaticRestartTime: restartMs === undefined ? undefined : new Date(restartMs).toISOString(),
    };
    record.staleRead = captureStaleRead(before, nowMs, this.config().staleReadSeconds);
  }

  private beginStart(record: ClusterRecord, nowMs: number, automatic = false): void {
    const { startSeconds, backingUpSeconds } = this.config();
    this.setStatus(record, "starting", nowMs);
    if (automatic) this.emit("automaticStart", record, nowMs);
    const startedAtMs = nowMs + startSeconds * 1000;
    // After a start the cluster may pass through `backing-up` before `available`
    // (observed in the wild: apache/airflow#38120).
    record.pending =
      backingUpSeconds > 0
        ? [
            { to: "backing-up", atMs: startedAtMs },
            { to: "available", atMs: startedAtMs + backingUpSeconds * 1000 },
          ]
        : [{ to: "available", atMs: startedAtMs }];
  }

  /** Applies every transition due by now, each at its own scheduled instant. */
  private advance(record: ClusterRecord): void {
    const now = this.clock.now();
    for (;;) {
      const next = record.pending[0];
      if (next) {
        if (next.atMs > now) return;
        record.pending.shift();
        this.setStatus(record, next.to, next.atMs);
        continue;
      }
      const restartAtMs = this.automaticRestartMs(record);
      if (restartAtMs === undefined || restartAtMs > now) return;
      this.beginStart(record, restartAtMs, true);
    }
  }

  private setStatus(record: ClusterRecord, to: string, atMs: number): void {
    const from = record.status;
    record.status = to;
    record.stoppedAtMs = to === "stopped" ? atMs : undefined;
    if (to === "available") {
      record.instancesAvailableAtMs = atMs + this.config().instanceSettleSeconds * 1000;
    }
    this.history.push({ clusterIdentifier: record.id, from, to, at: new Date(atMs).toISOString() });
    if (to === "stopped") this.emit("stopped", record, atMs);
    if (to === "available" && (from === "starting" || from === "backing-up")) {
      this.emit("started", record, atMs);
    }
  }

  private emit(kind: RdsClusterEventKind, record: ClusterRecord, atMs: number): void {
    this.rdsEventLog.record(kind, record.id, clusterArn(record), atMs);
  }
}
