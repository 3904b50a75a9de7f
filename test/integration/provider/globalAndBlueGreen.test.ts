/**
 * Global databases and Blue/Green deployments known before the first change (issue 16), through
 * the real SDK against the local endpoint: the provider asks DescribeGlobalClusters and
 * DescribeBlueGreenDeployments and refuses without calling StopDBCluster.
 */
import { UnsupportedClusterError } from "../../../provider/errors";
import { impl, rejectionOf, startTestbed, statusOf, type ProviderTestbed } from "./support";

let bed: ProviderTestbed;

beforeAll(async () => {
  bed = await startTestbed();
});
afterAll(async () => {
  await bed.emu.stop();
});
beforeEach(async () => {
  await bed.emu.admin.resetCounters();
});

describe("global databases and Blue/Green deployments against the local RDS endpoint", () => {
  it("stops the only cluster of a global database, and restores it on delete", async () => {
    await bed.emu.admin.seed([
      { DBClusterIdentifier: "solo", GlobalClusterIdentifier: "solo-gdb" },
    ]);
    const created = await impl.create(await bed.inputs("solo"));
    expect(created.outs).toMatchObject({ state: "stopped", initialState: "running" });
    expect(await statusOf(bed.emu, "solo")).toBe("stopped");
    const counters = await bed.emu.admin.counters();
    expect(counters.calls.DescribeGlobalClusters).toBe(1);
    await impl.delete(created.id, { ...created.outs });
    expect(await statusOf(bed.emu, "solo")).toBe("available");
  });

  it("refuses a member of a global database of two before any change", async () => {
    await bed.emu.admin.seed([
      { DBClusterIdentifier: "primary", GlobalClusterIdentifier: "orders-gdb" },
      {
        DBClusterIdentifier: "secondary",
        GlobalClusterIdentifier: "orders-gdb",
        region: "us-west-2",
      },
    ]);
    const error = await rejectionOf(impl.create(await bed.inputs("primary")));
    expect(error).toBeInstanceOf(UnsupportedClusterError);
    expect(error.message).toBe(
      "cluster `primary` (eu-west-1) cannot be stopped: it is a member of global database `orders-gdb`, which has 2 clusters; RDS stops a global database member only when it is the only cluster; detach the other clusters from the global database first (RemoveFromGlobalCluster), or leave it running",
    );
    const counters = await bed.emu.admin.counters();
    expect(counters.calls.StopDBCluster).toBe(0);
    expect(counters.calls.DescribeGlobalClusters).toBe(1);
    expect(await statusOf(bed.emu, "primary")).toBe("available");
  });

  it("refuses a Blue/Green participant before any change, naming the deployment", async () => {
    await bed.emu.admin.seed([
      { DBClusterIdentifier: "blue", BlueGreenDeployment: { identifier: "bgd-orders1" } },
    ]);
    const error = await rejectionOf(impl.create(await bed.inputs("blue")));
    expect(error).toBeInstanceOf(UnsupportedClusterError);
    expect(error.message).toBe(
      "cluster `blue` (eu-west-1) cannot be stopped: it is part of Blue/Green deployment `bgd-orders1`, and RDS cannot stop or start a cluster in a Blue/Green deployment; delete the Blue/Green deployment first (switch it over before, to keep the green cluster), or leave it running",
    );
    const counters = await bed.emu.admin.counters();
    expect(counters.calls.StopDBCluster).toBe(0);
    expect(counters.calls.DescribeBlueGreenDeployments).toBe(1); // one listing, matched by ARN
  });

  it("still refuses on RDS's words when the deployment appears after the check", async () => {
    await bed.emu.admin.seed([{ DBClusterIdentifier: "late-blue", Status: "stopped" }]);
    const created = await impl.create(await bed.inputs("late-blue"));
    await bed.emu.admin.seed([
      {
        DBClusterIdentifier: "late-blue",
        Status: "stopped",
        BlueGreenDeployment: { identifier: "bgd-late" },
      },
    ]);
    const error = await rejectionOf(
      impl.delete(created.id, { ...created.outs, initialState: "running" }),
    );
    expect(error).toBeInstanceOf(UnsupportedClusterError);
    expect(error.message).toContain(
      "it is part of a Blue/Green deployment (RDS: DB cluster late-blue is part of blue/green deployment bgd-late.",
    );
  });
});
