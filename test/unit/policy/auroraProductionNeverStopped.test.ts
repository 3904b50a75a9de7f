import {
  auroraProductionNeverStopped,
  DEFAULT_CLASSIFICATION,
  UNKNOWN_VALUE,
} from "aurora-power/policy";
import {
  NotApplicable,
  auroraCluster,
  powerState,
  runResource,
  runStack,
  schedule,
  stopScheduleComponent,
  validStack,
} from "./policyFixtures";

const PATTERN = DEFAULT_CLASSIFICATION.productionIdentifierPatterns[0] ?? "";
const NOT_PROD =
  "If the cluster is not production, tag it `Environment` with its environment or list it in `exemptClusterIdentifiers`.";
describe("aurora-production-never-stopped (resource check)", () => {
  it("passes a ClusterPowerState stopping a dev cluster", async () => {
    expect(
      (await runResource(auroraProductionNeverStopped, powerState("pause", "dev-orders")))
        .violations,
    ).toEqual([]);
  });

  it("reports a ClusterPowerState stopping a production cluster, with the fix", async () => {
    const outcome = await runResource(
      auroraProductionNeverStopped,
      powerState("pause", "prod-billing"),
    );
    expect(outcome.violations.map((v) => v.message)).toEqual([
      `ClusterPowerState \`pause\` stops production cluster \`prod-billing\` (identifier pattern \`${PATTERN}\`). ` +
        `Production clusters must keep running: set \`state: "running"\` or remove the resource. ${NOT_PROD}`,
    ]);
  });

  it("passes a ClusterPowerState holding a production cluster running", async () => {
    expect(
      (
        await runResource(
          auroraProductionNeverStopped,
          powerState("keep", "prod-billing", "running"),
        )
      ).violations,
    ).toEqual([]);
  });

  it("reports a stop on any cluster of a stack tagged production (case-insensitive)", async () => {
    const outcome = await runResource(auroraProductionNeverStopped, powerState("pause", "orders"), {
      stackTags: { Env: "PROD" },
    });
    expect(outcome.violations[0]?.message).toContain(
      "stops production cluster `orders` (stack tag `Env=PROD`)",
    );
  });

  it("ignores stack tags when `useStackTags` is false", async () => {
    const outcome = await runResource(auroraProductionNeverStopped, powerState("pause", "orders"), {
      stackTags: { Env: "prod" },
      config: { useStackTags: false },
    });
    expect(outcome.violations).toEqual([]);
  });

  it("uses configured production identifier patterns", async () => {
    const outcome = await runResource(
      auroraProductionNeverStopped,
      powerState("pause", "live-orders"),
      { config: { productionIdentifierPatterns: ["^live-"] } },
    );
    expect(outcome.violations[0]?.message).toContain("(identifier pattern `^live-`)");
  });

  it("reports a ClusterStopSchedule stopping a production cluster", async () => {
    const component = stopScheduleComponent("nightly", {
      clusterIdentifier: "prod-billing",
      stop: "cron(0 19 * * ? *)",
      timezone: "UTC",
    });
    const outcome = await runResource(auroraProductionNeverStopped, component);
    expect(outcome.violations[0]?.message).toContain(
      "ClusterStopSchedule `nightly` stops production cluster `prod-billing`",
    );
    expect(outcome.violations[0]?.message).toContain("remove the schedule or set `enabled: false`");
  });

  it("reports a stopDBCluster schedule stopping a production cluster", async () => {
    const outcome = await runResource(
      auroraProductionNeverStopped,
      schedule("stop", "prod-billing", "stop"),
    );
    expect(outcome.violations[0]?.message).toContain(
      "Schedule `stop` stops production cluster `prod-billing`",
    );
  });

  it("does not judge a schedule owned by a ClusterStopSchedule twice", async () => {
    const component = stopScheduleComponent("nightly", { clusterIdentifier: "prod-billing" });
    const child = schedule("nightly-stop", "prod-billing", "stop", {}, { parent: component });
    expect((await runResource(auroraProductionNeverStopped, child)).violations).toEqual([]);
  });

  it("leaves an identifier unknown at preview to the stack check", async () => {
    expect(
      (await runResource(auroraProductionNeverStopped, powerState("pause", UNKNOWN_VALUE)))
        .violations,
    ).toEqual([]);
  });

  it("is not applicable to a cluster listed in `exemptClusterIdentifiers`", async () => {
    const run = runResource(auroraProductionNeverStopped, powerState("pause", "prod-billing"), {
      config: { exemptClusterIdentifiers: ["PROD-billing"] },
    });
    await expect(run).rejects.toThrow(
      new NotApplicable("cluster `prod-billing` is exempt (listed in `exemptClusterIdentifiers`)"),
    );
  });
});

describe("aurora-production-never-stopped (stack check)", () => {
  it("passes the valid stack", async () => {
    expect((await runStack(auroraProductionNeverStopped, validStack())).violations).toEqual([]);
  });

  it("reports a stop of a cluster that only its tags mark production", async () => {
    const cluster = auroraCluster("billing", { tags: { Stage: "Production" } });
    const pause = powerState("pause", "billing");
    const outcome = await runStack(auroraProductionNeverStopped, [cluster, pause]);
    expect(outcome.violations).toEqual([
      {
        message:
          'ClusterPowerState `pause` stops production cluster `billing` (tag `Stage=Production`). Production clusters must keep running: set `state: "running"` or remove the resource. ' +
          NOT_PROD,
        urn: pause.urn,
      },
    ]);
  });

  it("does not repeat what the resource check reports", async () => {
    const resources = [auroraCluster("prod-billing"), powerState("pause", "prod-billing")];
    expect((await runStack(auroraProductionNeverStopped, resources)).violations).toEqual([]);
  });

  it("skips a cluster exempt by tag", async () => {
    const cluster = auroraCluster("billing", {
      tags: { Environment: "prod", "aurora-power:exempt": "migration weekend" },
    });
    expect(
      (await runStack(auroraProductionNeverStopped, [cluster, powerState("pause", "billing")]))
        .violations,
    ).toEqual([]);
  });

  it("follows the property dependency when the identifier is unknown at preview", async () => {
    const cluster = auroraCluster("billing", {
      clusterIdentifier: UNKNOWN_VALUE,
      tags: { Environment: "prod" },
    });
    const pause = powerState("pause", UNKNOWN_VALUE, "stopped", [cluster]);
    const outcome = await runStack(auroraProductionNeverStopped, [cluster, pause]);
    expect(outcome.violations[0]?.message).toContain(
      "stops production cluster of resource `billing`",
    );
  });

  it("reports as unknown a production stop whose state is unknown at preview", async () => {
    const resources = [
      auroraCluster("billing", { tags: { Environment: "prod" } }),
      powerState("pause", "billing", UNKNOWN_VALUE),
    ];
    await expect(runStack(auroraProductionNeverStopped, resources)).rejects.toThrow(
      "ClusterPowerState `pause`: `state` is unknown",
    );
  });
});
