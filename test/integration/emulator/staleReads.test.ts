import {
  DescribeDBClustersCommand,
  StartDBClusterCommand,
  StopDBClusterCommand,
  RDSClient,
} from "@aws-sdk/client-rds";
import { startEmulator, type RunningEmulator } from "aurora-power/emulator";
import { rdsClient, sdkError, waitForStatus } from "./sdk";

let emu: RunningEmulator;
let rds: RDSClient;

beforeEach(async () => {
  emu = await startEmulator({ stopSeconds: 0.1, startSeconds: 0.1, staleReadSeconds: 1.5 });
  rds = rdsClient(emu.url);
});
afterEach(async () => {
  rds.destroy();
  await emu.stop();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const byId = async (id: string) =>
  (await rds.send(new DescribeDBClustersCommand({ DBClusterIdentifier: id }))).DBClusters?.[0];
const byFilter = async (id: string) =>
  (
    await rds.send(
      new DescribeDBClustersCommand({ Filters: [{ Name: "db-cluster-id", Values: [id] }] }),
    )
  ).DBClusters?.[0];

describe("eventually consistent describes over the real SDK (staleReadSeconds)", () => {
  it("describes the pre-stop status for the window while the action answers `stopping`", async () => {
    await emu.admin.seed([{ DBClusterIdentifier: "dev-orders" }]);
    const calledAt = Date.now();
    const stopped = await rds.send(new StopDBClusterCommand({ DBClusterIdentifier: "dev-orders" }));
    expect(stopped.DBCluster?.Status).toBe("stopping");
    // The admin API shows the live status: wait there until the stop has completed.
    while ((await emu.admin.getCluster("dev-orders"))?.Status !== "stopped") await sleep(20);
    expect((await byId("dev-orders"))?.Status).toBe("available");
    expect((await byFilter("dev-orders"))?.Status).toBe("available");
    await waitForStatus(rds, "dev-orders", "stopped");
    expect(Date.now() - calledAt).toBeGreaterThanOrEqual(1500);
    expect((await byId("dev-orders"))?.AutomaticRestartTime).toBeInstanceOf(Date);
  });

  it("describes `stopped` for the window after a start, then `available`", async () => {
    await emu.admin.seed([{ DBClusterIdentifier: "c1", Status: "stopped" }]);
    const before = await byId("c1");
    const started = await rds.send(new StartDBClusterCommand({ DBClusterIdentifier: "c1" }));
    expect(started.DBCluster?.Status).toBe("starting");
    const stale = await byId("c1");
    expect(stale?.Status).toBe("stopped");
    expect(stale?.AutomaticRestartTime).toEqual(before?.AutomaticRestartTime);
    // A second start during the window is refused on the live status, as RDS would.
    expect(
      await sdkError(rds.send(new StartDBClusterCommand({ DBClusterIdentifier: "c1" }))),
    ).toMatchObject({ name: "InvalidDBClusterStateFault", status: 400 });
    await waitForStatus(rds, "c1", "available");
    expect((await emu.admin.events()).map((e) => e.to)).toEqual(["starting", "available"]);
  });

  it("is switched on and off at run time through setConfig", async () => {
    await emu.admin.seed([{ DBClusterIdentifier: "c2" }]);
    expect((await emu.admin.setConfig({ staleReadSeconds: 0 })).staleReadSeconds).toBe(0);
    await rds.send(new StopDBClusterCommand({ DBClusterIdentifier: "c2" }));
    expect((await byId("c2"))?.Status).toBe("stopping");
    await waitForStatus(rds, "c2", "stopped");
    await emu.admin.setConfig({ staleReadSeconds: 30 });
    await rds.send(new StartDBClusterCommand({ DBClusterIdentifier: "c2" }));
    await sleep(300);
    expect((await emu.admin.getCluster("c2"))?.Status).toBe("available");
    expect((await byId("c2"))?.Status).toBe("stopped");
  });
});
