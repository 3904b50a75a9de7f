import {
  auroraProductionNeverStopped,
  DEFAULT_CLASSIFICATION,
  UNKNOWN_VALUE,
} from "aurora-power/policy";
import {
  NotApplicable,
  auroraCluster,
  fleet,
  runResource,
  runStack,
  runStackToEnd,
} from "./policyFixtures";

const PATTERN = DEFAULT_CLASSIFICATION.productionIdentifierPatterns[0] ?? "";
const NOT_PROD =
  "If the cluster is not production, tag it `Environment` with its environment or list it in `exemptClusterIdentifiers`.";
const FLEET_FIX =
  'Production clusters must keep running: remove the cluster from `clusterIdentifiers` or set `state: "running"`.';

describe("aurora-production-never-stopped (ClusterFleetPowerState members)", () => {
  it("reports the production member of a fleet stopping it, naming the fleet and the fix (resource check)", async () => {
    const outcome = await runResource(
      auroraProductionNeverStopped,
      fleet("dev-fleet", ["dev-orders", "prod-billing"]),
    );
    expect(outcome.violations.map((v) => v.message)).toEqual([
      `ClusterFleetPowerState \`dev-fleet\` stops production cluster \`prod-billing\` (identifier pattern \`${PATTERN}\`). ${FLEET_FIX} ${NOT_PROD}`,
    ]);
  });

  it("passes a fleet holding a production cluster running", async () => {
    expect(
      (await runResource(auroraProductionNeverStopped, fleet("keep", ["prod-billing"], "running")))
        .violations,
    ).toEqual([]);
  });

  it("skips exempt members and judges the others; not applicable when every member is exempt", async () => {
    const config = { exemptClusterIdentifiers: ["prod-billing"] };
    const outcome = await runResource(
      auroraProductionNeverStopped,
      fleet("dev-fleet", ["prod-billing", "prod-ledger"]),
      { config },
    );
    expect(outcome.violations.map((v) => v.message)).toEqual([
      expect.stringContaining("stops production cluster `prod-ledger`"),
    ]);
    await expect(
      runResource(auroraProductionNeverStopped, fleet("dev-fleet", ["prod-billing"]), { config }),
    ).rejects.toThrow(
      new NotApplicable("cluster `prod-billing` is exempt (listed in `exemptClusterIdentifiers`)"),
    );
  });

  it("leaves elements unknown at preview to the stack check", async () => {
    expect(
      (
        await runResource(
          auroraProductionNeverStopped,
          fleet("dev-fleet", ["dev-orders", UNKNOWN_VALUE]),
        )
      ).violations,
    ).toEqual([]);
  });

  it("reports a member that only its cluster's tags mark production (stack check), on the fleet", async () => {
    const stop = fleet("dev-fleet", ["dev-orders", "billing"]);
    const outcome = await runStack(auroraProductionNeverStopped, [
      auroraCluster("billing", { tags: { Stage: "Production" } }),
      stop,
    ]);
    expect(outcome.violations).toEqual([
      {
        message: `ClusterFleetPowerState \`dev-fleet\` stops production cluster \`billing\` (tag \`Stage=Production\`). ${FLEET_FIX} ${NOT_PROD}`,
        urn: stop.urn,
      },
    ]);
  });

  it("follows the property dependency of a member given as `cluster.clusterIdentifier`", async () => {
    const billing = auroraCluster("billing", {
      clusterIdentifier: UNKNOWN_VALUE,
      tags: { Environment: "prod" },
    });
    const outcome = await runStack(auroraProductionNeverStopped, [
      billing,
      fleet("dev-fleet", ["dev-orders", UNKNOWN_VALUE], "stopped", [billing]),
    ]);
    expect(outcome.violations.map((v) => v.message)).toEqual([
      expect.stringContaining(
        "ClusterFleetPowerState `dev-fleet` stops production cluster of resource `billing`",
      ),
    ]);
  });

  it("reports the definite violations, then the unknown element, as an advisory", () => {
    const billing = auroraCluster("billing", { tags: { Environment: "prod" } });
    const { violations, undecided } = runStackToEnd(auroraProductionNeverStopped, [
      billing,
      fleet("dev-fleet", ["billing", UNKNOWN_VALUE]),
    ]);
    expect(violations).toEqual([
      expect.stringContaining("stops production cluster `billing` (tag `Environment=prod`)"),
    ]);
    expect(undecided).toBe(
      "ClusterFleetPowerState `dev-fleet`: `clusterIdentifiers[1]` is unknown; the check runs again when the values are known (`pulumi up`)",
    );
  });

  it("names a list unknown as a whole, and an unknown `state` once for all its production members", () => {
    expect(
      runStackToEnd(auroraProductionNeverStopped, [fleet("dev-fleet", UNKNOWN_VALUE)]).undecided,
    ).toMatch(/^ClusterFleetPowerState `dev-fleet`: `clusterIdentifiers` is unknown; /);
    const tagged = (name: string) => auroraCluster(name, { tags: { Environment: "prod" } });
    const outcome = runStackToEnd(auroraProductionNeverStopped, [
      tagged("billing"),
      tagged("ledger"),
      fleet("dev-fleet", ["billing", "ledger"], UNKNOWN_VALUE),
    ]);
    expect(outcome).toEqual({
      violations: [],
      undecided:
        "ClusterFleetPowerState `dev-fleet`: `state` is unknown; the check runs again when the values are known (`pulumi up`)",
    });
  });
});
