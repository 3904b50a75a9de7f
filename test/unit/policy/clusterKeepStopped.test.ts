/**
 * Issue 15, the policy side: a `ClusterKeepStopped` covering a cluster held stopped replaces the
 * 7-day reminder of `aurora-stop-schedule-sane`, and counts for `aurora-stop-schedule-required`
 * only together with the holder keeping the cluster stopped.
 */
import {
  auroraPowerPolicies,
  auroraStopScheduleRequired,
  auroraStopScheduleSane,
  UNKNOWN_VALUE,
} from "aurora-power/policy";
import { auroraCluster, fleet, powerState, runStack, runStackToEnd } from "./policyFixtures";
import { keeper, keptStack, pause, reminder, withoutKeeper } from "./keeperFixtures";

const PAUSE = "ClusterPowerState `pause`";
const AT_UP = "the check runs again when the values are known (`pulumi up`)";

/** The fixture with the keeper's inputs changed. */
const withKeeper = (props: Record<string, unknown>) => [
  auroraCluster("dev-orders"),
  pause(),
  ...keeper(props),
];

const saneMessages = async (resources: ReturnType<typeof keptStack>) =>
  (await runStack(auroraStopScheduleSane, resources)).violations.map((v) => v.message);

describe("aurora-stop-schedule-sane with ClusterKeepStopped", () => {
  it("passes the fixture: every rule, children of the keeper not judged", async () => {
    for (const policy of auroraPowerPolicies) {
      if ("validateStack" in policy) {
        expect((await runStack(policy, keptStack())).violations).toEqual([]);
      }
    }
  });

  it("reminds, naming ClusterKeepStopped, when there is no keeper", async () => {
    const pauseUrn = pause().urn;
    expect((await runStack(auroraStopScheduleSane, withoutKeeper())).violations).toEqual([
      { message: reminder(PAUSE, "dev-orders"), urn: pauseUrn },
    ]);
  });

  it("reminds when the keeper is disabled (`enabled: false`)", async () => {
    expect(await saneMessages(withKeeper({ enabled: false }))).toEqual([
      reminder(PAUSE, "dev-orders"),
    ]);
  });

  it("reminds when the keeper watches another Region", async () => {
    expect(await saneMessages(withKeeper({ region: "us-east-1" }))).toEqual([
      reminder(PAUSE, "dev-orders"),
    ]);
  });

  it("reminds when the keeper lists other clusters only", async () => {
    expect(await saneMessages(withKeeper({ clusterIdentifiers: ["qa-search"] }))).toEqual([
      reminder(PAUSE, "dev-orders"),
    ]);
  });

  it("counts a keeper without `region` (the provider's Region)", async () => {
    expect(await saneMessages(withKeeper({ region: undefined }))).toEqual([]);
  });

  it("counts a keeper without `enabled` (default true)", async () => {
    expect(await saneMessages(withKeeper({ enabled: undefined }))).toEqual([]);
  });

  it("counts a keeper for a cluster the stack only names", async () => {
    const resources = keptStack().filter((r) => r.type !== "aws:rds/cluster:Cluster");
    expect(await saneMessages(resources)).toEqual([]);
  });

  it("counts a keeper for fleet members, reminding the member it does not list", async () => {
    const resources = [
      auroraCluster("dev-orders"),
      fleet("dev-fleet", ["dev-orders", "qa-search"]),
      ...keeper(),
    ];
    expect(await saneMessages(resources)).toEqual([
      reminder("ClusterFleetPowerState `dev-fleet`", "qa-search"),
    ]);
  });

  it("links an element unknown at preview through its property dependency", async () => {
    const cluster = auroraCluster("dev-orders", { clusterIdentifier: UNKNOWN_VALUE });
    const resources = [
      cluster,
      powerState("pause", UNKNOWN_VALUE, "stopped", [cluster]),
      ...keeper({ clusterIdentifiers: [UNKNOWN_VALUE] }, [cluster]),
    ];
    expect(await saneMessages(resources)).toEqual([]);
  });

  it("reports `enabled` unknown at preview as undecided", () => {
    expect(runStackToEnd(auroraStopScheduleSane, withKeeper({ enabled: UNKNOWN_VALUE }))).toEqual({
      violations: [],
      undecided: `cluster \`dev-orders\`: \`keep-dev.enabled\` is unknown; ${AT_UP}`,
    });
  });

  it("reports `region` unknown at preview as undecided", () => {
    expect(runStackToEnd(auroraStopScheduleSane, withKeeper({ region: UNKNOWN_VALUE }))).toEqual({
      violations: [],
      undecided: `cluster \`dev-orders\`: \`keep-dev.region\` is unknown; ${AT_UP}`,
    });
  });

  it("reports a list unknown at preview, linked to no cluster, as undecided", () => {
    const resources = withKeeper({ clusterIdentifiers: UNKNOWN_VALUE });
    expect(runStackToEnd(auroraStopScheduleSane, resources)).toEqual({
      violations: [],
      undecided: `cluster \`dev-orders\`: \`keep-dev.clusterIdentifiers\` is unknown; ${AT_UP}`,
    });
  });

  it("reports a cluster an element unknown at preview may cover as undecided", () => {
    const resources = [
      ...withKeeper({ clusterIdentifiers: ["dev-orders", UNKNOWN_VALUE] }),
      powerState("pause-qa", "qa-search"),
    ];
    expect(runStackToEnd(auroraStopScheduleSane, resources)).toEqual({
      violations: [],
      undecided: `cluster \`qa-search\`: \`keep-dev.clusterIdentifiers[1]\` is unknown; ${AT_UP}`,
    });
  });

  it("decides a disabled keeper even when its list is unknown at preview", async () => {
    const resources = withKeeper({ enabled: false, clusterIdentifiers: UNKNOWN_VALUE });
    expect(await saneMessages(resources)).toEqual([reminder(PAUSE, "dev-orders")]);
  });
});

describe("aurora-stop-schedule-required with ClusterKeepStopped", () => {
  const unscheduled =
    "Aurora cluster `dev-orders` is non-production (tag `Environment=dev`) and has no stop schedule, so it runs around the clock. " +
    'Add a `ClusterStopSchedule` for it, hold it stopped with a `ClusterPowerState` or a `ClusterFleetPowerState` (`state: "stopped"`), ' +
    "or tag it with one of `Schedule`, `maid_offhours`, `custodian_downtime`; to exempt it, tag it `aurora-power:exempt` with the reason.";

  it("passes the fixture: the holder keeps the covered cluster stopped", async () => {
    expect((await runStack(auroraStopScheduleRequired, keptStack())).violations).toEqual([]);
  });

  it("does not count a keeper alone as a stop schedule", async () => {
    const resources = keptStack().filter((r) => r.name !== "pause");
    expect((await runStack(auroraStopScheduleRequired, resources)).violations).toEqual([
      { message: unscheduled, urn: resources[0]?.urn },
    ]);
  });

  it("does not count a keeper when the holder keeps the cluster running", async () => {
    const resources = keptStack().map((r) =>
      r.name === "pause" ? pause({ state: "running" }) : r,
    );
    expect((await runStack(auroraStopScheduleRequired, resources)).violations).toEqual([
      { message: unscheduled, urn: resources[0]?.urn },
    ]);
  });
});
