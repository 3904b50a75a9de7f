import { DescribeDBClustersCommand } from "@aws-sdk/client-rds";
import { ManualClock, startEmulator, type RunningEmulator } from "aurora-power/emulator";
import { DUMMY_AUTHORIZATION, rdsClient, sdkError } from "./sdk";

let emu: RunningEmulator;
const clock = new ManualClock(Date.parse("2026-01-01T00:00:00Z"));
const describeAll = new DescribeDBClustersCommand({});

beforeEach(async () => {
  emu = await startEmulator({
    clock,
    quotaMode: true,
    quotaBurst: 3,
    quotaRatePerSecond: 2,
    seed: [{ DBClusterIdentifier: "c1" }],
  });
});
afterEach(async () => {
  await emu.stop();
});

describe("quota mode over HTTP (RDS User Guide, Request throttling for the Amazon RDS API)", () => {
  it("serves the burst, then answers Throttling 400 Rate exceeded, and refills with time", async () => {
    const rds = rdsClient(emu.url);
    for (let i = 0; i < 3; i += 1) await rds.send(describeAll);
    expect(await sdkError(rds.send(describeAll))).toEqual({
      name: "Throttling",
      message: "Rate exceeded",
      status: 400,
      fault: "client",
    });
    clock.advanceSeconds(1);
    await rds.send(describeAll);
    await rds.send(describeAll);
    expect((await sdkError(rds.send(describeAll))).name).toBe("Throttling");
    const counters = await emu.admin.counters();
    expect([counters.requests, counters.quotaThrottled]).toEqual([7, 2]);
    expect(counters.errorsInjected.Throttling).toBe(0);
  });

  it("answers in the real ErrorResponse shape", async () => {
    await emu.admin.setConfig({ quotaBurst: 1 });
    const send = () =>
      fetch(`${emu.url}/`, {
        method: "POST",
        headers: {
          "content-type": "application/x-www-form-urlencoded",
          authorization: DUMMY_AUTHORIZATION,
        },
        body: "Action=DescribeDBClusters&Version=2014-10-31",
      });
    expect((await send()).status).toBe(200);
    const refused = await send();
    const text = await refused.text();
    expect(refused.status).toBe(400);
    expect(text).toMatch(
      /^<ErrorResponse xmlns="http:\/\/rds.amazonaws.com\/doc\/2014-10-31\/"><Error><Type>Sender<\/Type><Code>Throttling<\/Code><Message>Rate exceeded<\/Message><\/Error><RequestId>[0-9a-f-]{36}<\/RequestId><\/ErrorResponse>$/,
    );
  });

  it("is switched off and on, and reconfigured, through the admin API", async () => {
    const rds = rdsClient(emu.url);
    await emu.admin.setConfig({ quotaMode: false });
    for (let i = 0; i < 10; i += 1) await rds.send(describeAll);
    await emu.admin.setConfig({ quotaMode: true, quotaBurst: 5, quotaRatePerSecond: 0 });
    for (let i = 0; i < 5; i += 1) await rds.send(describeAll);
    expect((await sdkError(rds.send(describeAll))).name).toBe("Throttling");
    await expect(emu.admin.setConfig({ quotaBurst: 0 })).rejects.toThrow(
      "`quotaBurst` must be an integer from 1 to 1000000 (requests), got 0.",
    );
    expect((await emu.admin.getConfig()).quotaBurst).toBe(5);
  });
});
