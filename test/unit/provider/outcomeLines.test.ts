/**
 * Issue 18: each operation ends with one kept line per cluster saying what it did; progress while
 * waiting goes to the other (ephemeral) sink.
 */
import {
  DescribeDBClustersCommand,
  RDSClient,
  StartDBClusterCommand,
  StopDBClusterCommand,
  type DBCluster,
} from "@aws-sdk/client-rds";
import { mockClient } from "aws-sdk-client-mock";
import * as impl from "../../../provider/dynamic/implementation";
import { INPUTS, devOrders } from "./support/devOrders";
import { resetMockedProvider } from "./support/mockedProvider";

const rds = mockClient(RDSClient);
const progress: string[] = [];
const notes: string[] = [];

const cluster = (status: string): DBCluster => devOrders(status);

/** Describes answer `statuses` in turn, then the last one for ever. */
function describes(...statuses: string[]): void {
  const last = statuses.pop() ?? "available";
  let stub = rds.on(DescribeDBClustersCommand);
  for (const status of statuses) stub = stub.resolvesOnce({ DBClusters: [cluster(status)] });
  stub.resolves({ DBClusters: [cluster(last)] });
}

const stored = (status: string, initialState: string) => ({
  ...INPUTS,
  status,
  initialState,
  schemaVersion: 1,
});

beforeEach(() => resetMockedProvider(rds, progress, notes));

describe("the line that ends each operation", () => {
  it("create that stops the cluster: how long it took; progress stays out of the kept lines", async () => {
    describes("available", "stopping", "stopped");
    rds.on(StopDBClusterCommand).resolves({ DBCluster: cluster("stopping") });
    await impl.create(INPUTS);
    expect(notes).toEqual(["cluster `dev-orders` (eu-west-1): stopped in 1s"]);
    expect(progress).toContain("dev-orders (eu-west-1): stopping, 0s");
    expect(progress.some((m) => m.includes("stopped in"))).toBe(false);
  });

  it("create on a stopped cluster: already stopped", async () => {
    describes("stopped");
    await impl.create(INPUTS);
    expect(notes).toEqual(["cluster `dev-orders` (eu-west-1): already stopped"]);
  });

  it("create while someone else's stop runs: waited, no call made", async () => {
    describes("stopping", "stopping", "stopped");
    await impl.create(INPUTS);
    expect(rds.commandCalls(StopDBClusterCommand)).toHaveLength(0);
    expect(notes).toEqual([
      "cluster `dev-orders` (eu-west-1): stopped after 1s (it was `stopping`; no call made)",
    ]);
  });

  it("update whose record already holds the state: already stopped, no call", async () => {
    await impl.update("eu-west-1/dev-orders", stored("stopped", "running"), {
      ...INPUTS,
      timeoutMinutes: 30,
    });
    expect(rds.commandCalls(DescribeDBClustersCommand)).toHaveLength(0);
    expect(notes).toEqual(["cluster `dev-orders` (eu-west-1): already stopped"]);
  });

  it("delete with `restore`: restored to the recorded state, and how", async () => {
    describes("stopped", "starting", "available");
    rds.on(StartDBClusterCommand).resolves({ DBCluster: cluster("starting") });
    await impl.delete("eu-west-1/dev-orders", stored("stopped", "running"));
    expect(notes).toEqual([
      "cluster `dev-orders` (eu-west-1): restored to `running`: started in 1s",
    ]);
  });

  it("delete with `onDelete: stopped` of a stopped cluster", async () => {
    describes("stopped");
    await impl.delete("eu-west-1/dev-orders", {
      ...stored("stopped", "running"),
      onDelete: "stopped",
    });
    expect(notes).toEqual([
      "cluster `dev-orders` (eu-west-1): `onDelete: stopped`: already stopped",
    ]);
  });

  it("delete with `retain`: left as it is, no call", async () => {
    await impl.delete("eu-west-1/dev-orders", {
      ...stored("stopped", "running"),
      onDelete: "retain",
    });
    expect(rds.calls()).toHaveLength(0);
    expect(notes).toEqual(["cluster `dev-orders` (eu-west-1): left as it is (`onDelete: retain`)"]);
  });

  it("delete of a cluster that is gone: nothing to release", async () => {
    rds.on(DescribeDBClustersCommand).resolves({ DBClusters: [] });
    await impl.delete("eu-west-1/dev-orders", stored("stopped", "running"));
    expect(notes).toEqual(["cluster `dev-orders` (eu-west-1): already gone, nothing to release"]);
  });

  it("a failed operation adds no outcome line (the engine shows its error)", async () => {
    rds.on(DescribeDBClustersCommand).resolves({ DBClusters: [] });
    await expect(impl.create(INPUTS)).rejects.toThrow("was not found");
    expect(notes).toEqual([]);
  });
});
