/**
 * A `ClusterStopSchedule` with `holidays` splits its start schedule into windows (several
 * `aws:scheduler/schedule` start resources with `startDate` / `endDate` for one cluster). The pack
 * must judge such a stack exactly as the same stack with one start schedule.
 */
import type { PolicyResource } from "@pulumi/policy";
import { auroraCluster, powerState, schedule, stopScheduleComponent } from "./policyFixtures";
import { judgedByPack as judged } from "./judgedByPack";

const WINDOWS = [
  { startDate: undefined, endDate: "2026-12-23T22:59:59Z" },
  { startDate: "2026-12-28T22:59:59Z", endDate: "2026-12-30T22:59:59Z" },
  { startDate: "2026-12-31T22:59:59Z", endDate: undefined },
];

/** A cluster and its `ClusterStopSchedule` with a stop and the start in `windows` windows. */
function scheduledCluster(cluster: string, windows: number, standalone = false): PolicyResource[] {
  const component = stopScheduleComponent(`${cluster}-hours`, {
    clusterIdentifier: cluster,
    stop: "cron(0 19 ? * MON-FRI *)",
    start: "cron(0 7 ? * MON-FRI *)",
    timezone: "Europe/Berlin",
    enabled: true,
  });
  const parent = standalone ? {} : { parent: component };
  const starts = (windows === 1 ? [{}] : WINDOWS.slice(0, windows)).map((dates, index) =>
    schedule(
      `${cluster}-hours-start${index === 0 ? "" : `-${index}`}`,
      cluster,
      "start",
      { ...dates },
      parent,
    ),
  );
  return [
    auroraCluster(cluster),
    ...(standalone ? [] : [component]),
    schedule(`${cluster}-hours-stop`, cluster, "stop", {}, parent),
    ...starts,
  ];
}

describe("a start schedule split into windows", () => {
  it("satisfies every rule for a dev cluster, as one start schedule does", async () => {
    expect(await judged(scheduledCluster("dev-orders", 3))).toEqual([]);
    expect(await judged(scheduledCluster("dev-orders", 1))).toEqual([]);
  });

  it("standalone windows (no component) count as a start for the stop-only check", async () => {
    const stopOnly = scheduledCluster("dev-orders", 0, true).filter(
      (r) => !r.name.includes("-start"),
    );
    // Without a start, a monthly stop-only schedule is reported; the three windows are a start.
    const monthly = stopOnly.map((r) =>
      r.name.endsWith("-stop")
        ? { ...r, props: { ...r.props, scheduleExpression: "cron(0 19 1 * ? *)" } }
        : r,
    );
    expect(await judged(monthly)).toEqual([
      "Schedule `dev-orders-hours-stop` for cluster `dev-orders`: AWS starts a stopped Aurora cluster automatically after 7 days, so a stop-only schedule must run at least every 7 days; add `start` or stop more often (e.g. `cron(0 19 ? * MON-FRI *)`).",
    ]);
    const monthlyWithWindows = [
      ...monthly,
      ...scheduledCluster("dev-orders", 3, true).filter((r) => r.name.includes("-start")),
    ];
    expect(await judged(monthlyWithWindows)).toEqual([]);
  });

  it("reports a production cluster stopped by a split schedule once, as with one start schedule", async () => {
    const split = await judged(scheduledCluster("prod-billing", 3));
    const single = await judged(scheduledCluster("prod-billing", 1));
    expect(split).toEqual(single);
    expect(split).toEqual([
      expect.stringMatching(
        /^ClusterStopSchedule `prod-billing-hours` stops production cluster `prod-billing` /,
      ),
    ]);
  });

  it("still reminds nothing for a cluster held stopped when the split schedule stops it", async () => {
    const resources = [...scheduledCluster("dev-orders", 3), powerState("pause", "dev-orders")];
    expect(await judged(resources)).toEqual(
      await judged([...scheduledCluster("dev-orders", 1), powerState("pause", "dev-orders")]),
    );
  });
});
