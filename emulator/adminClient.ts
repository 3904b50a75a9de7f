import type { RdsEventBridgeEvent } from "./rdsEvents";
import type {
  ClusterView,
  EmulatorConfig,
  EmulatorCounters,
  SeedCluster,
  StatusEvent,
} from "./types";

/** Thrown by {@link EmulatorAdminClient} when the admin API answers with an error status. */
export class EmulatorAdminError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = "EmulatorAdminError";
  }
}

/**
 * Typed client of the emulator's JSON admin API under `/_emulator/`.
 *
 * @example
 * const admin = new EmulatorAdminClient("http://127.0.0.1:4566");
 * await admin.seed([{ DBClusterIdentifier: "dev-orders" }]);
 * await admin.forceStatus("dev-orders", "backing-up");
 */
export class EmulatorAdminClient {
  constructor(private readonly baseUrl: string) {}

  private async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${this.baseUrl}/_emulator/${path}`, {
      method,
      headers: body === undefined ? undefined : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) {
      throw new EmulatorAdminError(
        response.status,
        `${method} /_emulator/${path} answered ${response.status}: ${text}`,
      );
    }
    return (text === "" ? undefined : JSON.parse(text)) as T;
  }

  /** Adds (or replaces) clusters. */
  seed(clusters: SeedCluster[]): Promise<ClusterView[]> {
    return this.call("POST", "clusters", clusters);
  }
  /** Every cluster, by identifier. */
  listClusters(): Promise<ClusterView[]> {
    return this.call("GET", "clusters");
  }
  /** One cluster, or undefined when it does not exist. */
  async getCluster(id: string): Promise<ClusterView | undefined> {
    try {
      return await this.call<ClusterView>("GET", `clusters/${encodeURIComponent(id)}`);
    } catch (error) {
      if (error instanceof EmulatorAdminError && error.status === 404) return undefined;
      throw error;
    }
  }
  /** Removes a cluster; false when it did not exist. */
  async deleteCluster(id: string): Promise<boolean> {
    try {
      await this.call("DELETE", `clusters/${encodeURIComponent(id)}`);
      return true;
    } catch (error) {
      if (error instanceof EmulatorAdminError && error.status === 404) return false;
      throw error;
    }
  }
  /** Puts a cluster into any status now (pending transitions are cancelled). */
  forceStatus(id: string, status: string): Promise<ClusterView> {
    return this.call("POST", `clusters/${encodeURIComponent(id)}/status`, { status });
  }
  /** Performs the automatic restart of a stopped cluster now. */
  triggerAutoRestart(id: string): Promise<ClusterView> {
    return this.call("POST", `clusters/${encodeURIComponent(id)}/auto-restart`);
  }
  /** The live configuration. */
  getConfig(): Promise<EmulatorConfig> {
    return this.call("GET", "config");
  }
  /** Changes durations, rates or latency at run time; returns the new configuration. */
  setConfig(patch: Partial<EmulatorConfig>): Promise<EmulatorConfig> {
    return this.call("PATCH", "config", patch);
  }
  /** The seed of the fault-injection PRNG (null when the embedder injected its own `random`). */
  async faultSeed(): Promise<number | null> {
    return (await this.call<{ faultSeed: number | null }>("GET", "fault-seed")).faultSeed;
  }
  /** Restarts fault injection from `faultSeed` (0 to 2^32-1), to replay a reported run. */
  async setFaultSeed(faultSeed: number): Promise<number> {
    return (await this.call<{ faultSeed: number }>("PUT", "fault-seed", { faultSeed })).faultSeed;
  }
  /** Calls per action, injected errors, ids asked per DescribeDBClusters call. */
  counters(): Promise<EmulatorCounters> {
    return this.call("GET", "counters");
  }
  /** Zeroes the counters. */
  async resetCounters(): Promise<void> {
    await this.call("DELETE", "counters");
  }
  /** Every status change so far, with the instant it completed. */
  events(): Promise<StatusEvent[]> {
    return this.call("GET", "events");
  }
  /** RDS DB cluster events as EventBridge delivers them (`source` `aws.rds`), in time order. */
  rdsEvents(): Promise<RdsEventBridgeEvent[]> {
    return this.call("GET", "rds-events");
  }
}
