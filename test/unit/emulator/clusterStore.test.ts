import { ClusterStore } from "../../../emulator/clusterStore";
import { ManualClock } from "../../../emulator/clock";
import { DEFAULT_CONFIG } from "../../../emulator/config";
import type { EmulatorConfig, SeedCluster } from "../../../emulator/types";
import { RdsApiError } from "../../../emulator/errors";

const T0 = Date.parse("2026-11-23T10:00:00.000Z");

function setup(overrides: Partial<EmulatorConfig> = {}, seed: Partial<SeedCluster> = {}) {
  const clock = new ManualClock(T0);
  const config: EmulatorConfig = { ...DEFAULT_CONFIG, ...overrides };
  const store = new ClusterStore(() => config, clock);
  store.seed({ DBClusterIdentifier: "dev-orders", ...seed });
  return { clock, config, store };
}

function errorOf(action: () => unknown): RdsApiError {
  try {
    action();
  } catch (error) {
    if (error instanceof RdsApiError) return error;
    throw error;
  }
  throw new Error("expected an RdsApiError");
}

describe("ClusterStore state machine", () => {
  it("stops through `stopping` and reaches `stopped` exactly stopSeconds later", () => {
    const { clock, store } = setup({ stopSeconds: 5 });
    expect(store.stop("dev-orders").status).toBe("stopping");
    clock.advanceSeconds(4.999);
    expect(store.get("dev-orders").status).toBe("stopping");
    clock.advanceSeconds(0.001);
    expect(store.get("dev-orders").status).toBe("stopped");
    expect(store.events()).toEqual([
      {
        clusterIdentifier: "dev-orders",
        from: "available",
        to: "stopping",
        at: "2026-11-23T10:00:00.000Z",
      },
      {
        clusterIdentifier: "dev-orders",
        from: "stopping",
        to: "stopped",
        at: "2026-11-23T10:00:05.000Z",
      },
    ]);
  });

  it("stamps a transition with its completion instant even when read much later", () => {
    const { clock, store } = setup({ stopSeconds: 2 });
    store.stop("dev-orders");
    clock.advanceSeconds(60);
    expect(store.events().map((e) => e.at)).toEqual([
      "2026-11-23T10:00:00.000Z",
      "2026-11-23T10:00:02.000Z",
    ]);
  });

  it("starts through `backing-up` when backingUpSeconds > 0", () => {
    const { clock, store } = setup({ startSeconds: 3, backingUpSeconds: 2 }, { Status: "stopped" });
    expect(store.start("dev-orders").status).toBe("starting");
    clock.advanceSeconds(3);
    expect(store.get("dev-orders").status).toBe("backing-up");
    clock.advanceSeconds(2);
    expect(store.get("dev-orders").status).toBe("available");
    expect(store.events().map((e) => e.to)).toEqual(["starting", "backing-up", "available"]);
  });

  it("skips `backing-up` when backingUpSeconds is 0", () => {
    const { clock, store } = setup({ startSeconds: 3, backingUpSeconds: 0 }, { Status: "stopped" });
    store.start("dev-orders");
    clock.advanceSeconds(3);
    expect(store.events().map((e) => e.to)).toEqual(["starting", "available"]);
  });

  it("starts from inaccessible-encryption-credentials-recoverable", () => {
    const { store } = setup({}, { Status: "inaccessible-encryption-credentials-recoverable" });
    expect(store.start("dev-orders").status).toBe("starting");
  });

  it("refuses to stop a cluster that is not available, naming its state", () => {
    const { store } = setup();
    store.stop("dev-orders");
    const error = errorOf(() => store.stop("dev-orders"));
    expect([error.code, error.httpStatus, error.message]).toEqual([
      "InvalidDBClusterStateFault",
      400,
      "DbCluster dev-orders is in stopping state but expected it to be one of available.",
    ]);
  });

  it("refuses to start a cluster that is available, listing the startable states", () => {
    const { store } = setup();
    expect(errorOf(() => store.start("dev-orders")).message).toBe(
      "DbCluster dev-orders is in available state but expected it to be one of stopped, inaccessible-encryption-credentials-recoverable.",
    );
  });

  it("refuses to stop while member instances settle after a start", () => {
    const { clock, store } = setup(
      { startSeconds: 1, instanceSettleSeconds: 10 },
      { Status: "stopped" },
    );
    store.start("dev-orders");
    clock.advanceSeconds(1);
    const error = errorOf(() => store.stop("dev-orders"));
    expect([error.code, error.message]).toEqual([
      "InvalidDBInstanceState",
      "Instance dev-orders-instance-1 is not in available state.",
    ]);
    clock.advanceSeconds(10);
    expect(store.stop("dev-orders").status).toBe("stopping");
  });

  it("restarts a stopped cluster by itself after autoRestartSeconds", () => {
    const { clock, store } = setup({ stopSeconds: 1, startSeconds: 1, autoRestartSeconds: 100 });
    store.stop("dev-orders");
    clock.advanceSeconds(1);
    const stopped = store.get("dev-orders");
    expect(new Date(store.automaticRestartMs(stopped) ?? 0).toISOString()).toBe(
      "2026-11-23T10:01:41.000Z",
    );
    clock.advanceSeconds(101);
    expect(store.get("dev-orders").status).toBe("available");
    expect(store.events().slice(2)).toEqual([
      {
        clusterIdentifier: "dev-orders",
        from: "stopped",
        to: "starting",
        at: "2026-11-23T10:01:41.000Z",
      },
      {
        clusterIdentifier: "dev-orders",
        from: "starting",
        to: "available",
        at: "2026-11-23T10:01:42.000Z",
      },
    ]);
  });

  it("has no automatic restart time unless stopped", () => {
    const { store } = setup();
    expect(store.automaticRestartMs(store.get("dev-orders"))).toBeUndefined();
  });

  it("triggers the automatic restart on demand", () => {
    const { store } = setup({}, { Status: "stopped" });
    expect(store.triggerAutoRestart("dev-orders").status).toBe("starting");
  });

  it("forces any status and cancels pending transitions", () => {
    const { clock, store } = setup({ stopSeconds: 1 });
    store.stop("dev-orders");
    store.forceStatus("dev-orders", "maintenance");
    clock.advanceSeconds(5);
    expect(store.get("dev-orders").status).toBe("maintenance");
  });

  it("treats identifiers case-insensitively and stores them lowercase", () => {
    const { store } = setup();
    expect(store.stop("DEV-Orders").id).toBe("dev-orders");
  });

  it("answers DBClusterNotFoundFault (404) for an unknown cluster", () => {
    const { store } = setup();
    const error = errorOf(() => store.stop("missing"));
    expect([error.code, error.httpStatus, error.message]).toEqual([
      "DBClusterNotFoundFault",
      404,
      "DBCluster missing not found.",
    ]);
  });

  it("refuses to create a cluster that already exists", () => {
    const { store } = setup();
    expect(errorOf(() => store.create({ DBClusterIdentifier: "DEV-ORDERS" })).code).toBe(
      "DBClusterAlreadyExistsFault",
    );
  });

  it.each<[string, Partial<SeedCluster>, RegExp]>([
    ["Serverless v1", { EngineMode: "serverless" }, /Aurora Serverless v1/],
    [
      "a cross-Region replica",
      { ReplicationSourceIdentifier: "arn:src" },
      /read replica of arn:src/,
    ],
    ["a replication source", { ReadReplicaIdentifiers: ["arn:r1"] }, /read replicas \(arn:r1\)/],
    [
      "a Multi-AZ DB cluster",
      { Engine: "mysql", DBClusterInstanceClass: "db.m6gd.large" },
      /only applies to Aurora/,
    ],
  ])("refuses to stop %s", (_name, seed, message) => {
    const { store } = setup({}, seed);
    const error = errorOf(() => store.stop("dev-orders"));
    expect(error.code).toBe("InvalidParameterCombination");
    expect(error.message).toMatch(message);
  });

  it("refuses to stop a member of a global database of two, not the only member", () => {
    const { store } = setup({}, { GlobalClusterIdentifier: "g1" });
    store.seed({ DBClusterIdentifier: "solo", GlobalClusterIdentifier: "g2" });
    expect(store.stop("solo").status).toBe("stopping");
    store.seed({ DBClusterIdentifier: "dev-orders-us", GlobalClusterIdentifier: "g1" });
    const error = errorOf(() => store.stop("dev-orders"));
    expect(error.code).toBe("InvalidDBClusterStateFault");
    expect(error.message).toMatch(/global database g1, which has 2 clusters/);
  });

  it("rejects an invalid identifier", () => {
    const clock = new ManualClock(T0);
    const store = new ClusterStore(() => DEFAULT_CONFIG, clock);
    expect(errorOf(() => store.seed({ DBClusterIdentifier: "1-bad--id" })).code).toBe(
      "InvalidParameterValue",
    );
  });
});
