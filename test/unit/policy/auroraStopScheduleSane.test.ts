import { auroraStopScheduleSane } from "aurora-power/policy";
import {
  auroraCluster,
  fleet,
  powerState,
  runResource,
  runStack,
  schedule,
  stopScheduleComponent,
  validStack,
} from "./policyFixtures";

function component(args: Record<string, unknown>) {
  return stopScheduleComponent("nightly", {
    clusterIdentifier: "dev-orders",
    stop: "cron(0 19 ? * MON-FRI *)",
    start: "cron(0 7 ? * MON-FRI *)",
    timezone: "Europe/Berlin",
    ...args,
  });
}

const messages = async (args: Record<string, unknown>) =>
  (await runResource(auroraStopScheduleSane, component(args))).violations.map((v) => v.message);

describe("aurora-stop-schedule-sane", () => {
  it("is advisory", () => {
    expect(auroraStopScheduleSane.enforcementLevel).toBe("advisory");
  });

  it("passes a valid ClusterStopSchedule and the valid stack", async () => {
    expect(await messages({})).toEqual([]);
    expect((await runStack(auroraStopScheduleSane, validStack())).violations).toEqual([]);
  });

  it("reports an unparsable stop expression", async () => {
    const [message] = await messages({ stop: "cron(0 19 * * MON-FRI *)" });
    expect(message).toMatch(
      /^ClusterStopSchedule `nightly` for cluster `dev-orders`: `stop`: schedule expression `cron\(0 19 \* \* MON-FRI \*\)` is invalid: /,
    );
  });

  it("reports a time zone that is not an IANA name", async () => {
    expect(await messages({ timezone: "CET+1" })).toEqual([
      "ClusterStopSchedule `nightly` for cluster `dev-orders`: time zone `CET+1` is not an IANA time zone; use a name such as `Europe/Berlin` or `UTC`.",
    ]);
  });

  it("reports stop and start being the same schedule", async () => {
    expect(await messages({ start: "cron(0 19 ? * 2-6 *)", timezone: "UTC" })).toEqual([
      "ClusterStopSchedule `nightly` for cluster `dev-orders`: `stop` and `start` are the same schedule (`cron(0 19 ? * MON-FRI *)`); move one of them.",
    ]);
  });

  it("reports different stop and start expressions that fire at the same instant", async () => {
    const [message] = await messages({ start: "cron(0 19 ? * FRI *)", timezone: "UTC" });
    expect(message).toMatch(
      /^ClusterStopSchedule `nightly` for cluster `dev-orders`: `stop` and `start` both fire at \d{4}-\d\d-\d\dT19:00:00\.000Z; move one of them\.$/,
    );
  });

  it("reports a stop-only schedule that does not recur within 7 days", async () => {
    expect(await messages({ start: undefined, stop: "rate(10 days)" })).toEqual([
      "ClusterStopSchedule `nightly` for cluster `dev-orders`: AWS starts a stopped Aurora cluster automatically after 7 days, so a stop-only schedule must run at least every 7 days; add `start` or stop more often (e.g. `cron(0 19 ? * MON-FRI *)`).",
    ]);
  });

  it("passes a weekly stop-only schedule", async () => {
    expect(await messages({ start: undefined, stop: "cron(0 19 ? * FRI *)" })).toEqual([]);
  });

  it("reports a standalone stop-only schedule that runs too rarely (stack check)", async () => {
    const stop = schedule("monthly-stop", "dev-orders", "stop", {
      scheduleExpression: "cron(0 19 1 * ? *)",
    });
    const outcome = await runStack(auroraStopScheduleSane, [auroraCluster("dev-orders"), stop]);
    expect(outcome.violations.map((v) => v.message)).toEqual([
      "Schedule `monthly-stop` for cluster `dev-orders`: AWS starts a stopped Aurora cluster automatically after 7 days, so a stop-only schedule must run at least every 7 days; add `start` or stop more often (e.g. `cron(0 19 ? * MON-FRI *)`).",
    ]);
  });

  it("reminds that a cluster held stopped is restarted after 7 days", async () => {
    const pause = powerState("pause", "dev-orders");
    const outcome = await runStack(auroraStopScheduleSane, [auroraCluster("dev-orders"), pause]);
    expect(outcome.violations).toEqual([
      {
        message:
          "ClusterPowerState `pause` holds cluster `dev-orders` stopped, but AWS starts a stopped cluster after 7 days and nothing in this stack stops it again before the next `pulumi up`; add a `ClusterKeepStopped` listing it in `clusterIdentifiers` to stop it again whenever AWS starts it, or a `ClusterStopSchedule` for it.",
        urn: pause.urn,
      },
    ]);
  });

  it("does not remind when a stop schedule keeps the held cluster stopped", async () => {
    const resources = [
      auroraCluster("dev-orders"),
      powerState("pause", "dev-orders"),
      schedule("stop", "dev-orders", "stop"),
    ];
    expect((await runStack(auroraStopScheduleSane, resources)).violations).toEqual([]);
  });
});

describe("aurora-stop-schedule-sane (ClusterFleetPowerState members)", () => {
  const reminder = (cluster: string) =>
    `ClusterFleetPowerState \`dev-fleet\` holds cluster \`${cluster}\` stopped, but AWS starts a stopped cluster after 7 days and nothing in this stack stops it again before the next \`pulumi up\`; add a \`ClusterKeepStopped\` listing it in \`clusterIdentifiers\` to stop it again whenever AWS starts it, or a \`ClusterStopSchedule\` for it.`;

  it("reminds each member held stopped with no stop schedule, on the fleet", async () => {
    const stop = fleet("dev-fleet", ["dev-orders", "qa-search"]);
    const outcome = await runStack(auroraStopScheduleSane, [auroraCluster("dev-orders"), stop]);
    expect(outcome.violations).toEqual([
      { message: reminder("dev-orders"), urn: stop.urn },
      { message: reminder("qa-search"), urn: stop.urn },
    ]);
  });

  it("does not remind a member a stop schedule keeps stopped", async () => {
    const resources = [
      auroraCluster("dev-orders"),
      fleet("dev-fleet", ["dev-orders", "qa-search"]),
      schedule("stop", "dev-orders", "stop"),
    ];
    expect(
      (await runStack(auroraStopScheduleSane, resources)).violations.map((v) => v.message),
    ).toEqual([reminder("qa-search")]);
  });

  it("does not count a fleet as the stop schedule of a ClusterPowerState", async () => {
    const resources = [
      auroraCluster("dev-orders"),
      powerState("pause", "dev-orders"),
      fleet("dev-fleet", ["dev-orders"]),
    ];
    expect((await runStack(auroraStopScheduleSane, resources)).violations).toHaveLength(2);
  });
});
