/** Regression tests for issue 19, defect 4: two resources holding the power state of one cluster. */
import { auroraOnePowerHolderPerCluster, UNKNOWN_VALUE } from "aurora-power/policy";
import {
  auroraCluster,
  fleet,
  powerState,
  runStack,
  runStackToEnd,
  schedule,
  withProps,
} from "./policyFixtures";

const FIX =
  "Each would undo the other's state on every `pulumi up`, and removing either applies its `onDelete` to a cluster the other still holds. " +
  "Keep one holder: remove the other resource (or the cluster from its `clusterIdentifiers`); to move the cluster to a new resource, " +
  "give the new one `aliases` naming the old one instead of declaring both.";

const single = (name: string, id: unknown, state = "running") =>
  withProps(powerState(name, id, state), { region: "us-east-1" });
const many = (name: string, ids: unknown) =>
  withProps(fleet(name, ids, "running"), { region: "us-east-1" });
const messages = (outcome: { violations: { message: string }[] }) =>
  outcome.violations.map((v) => v.message);

describe("aurora-one-power-holder-per-cluster", () => {
  it("passes one holder per cluster", async () => {
    const resources = [single("a", "dup-a"), many("f", ["dup-b", "dup-c"])];
    expect((await runStack(auroraOnePowerHolderPerCluster, resources)).violations).toEqual([]);
  });

  it("refuses two ClusterPowerStates of one cluster, naming both, on the second's URN", async () => {
    const second = single("b", "dup-a", "stopped");
    const outcome = await runStack(auroraOnePowerHolderPerCluster, [single("a", "dup-a"), second]);
    expect(outcome.violations).toEqual([
      {
        message: `ClusterPowerState \`a\` and ClusterPowerState \`b\` both hold the power state of cluster \`dup-a\` (us-east-1). ${FIX}`,
        urn: second.urn,
      },
    ]);
  });

  it("refuses a fleet member and a ClusterPowerState, identifiers compared case-insensitively", async () => {
    const resources = [many("f", ["MIX-A", "mix-b"]), single("s", "mix-a")];
    expect(messages(await runStack(auroraOnePowerHolderPerCluster, resources))).toEqual([
      "ClusterFleetPowerState `f` and ClusterPowerState `s` both hold the power state of cluster `mix-a` (us-east-1) " +
        `(\`MIX-A\` and \`mix-a\` are the same cluster: RDS identifiers are case-insensitive). ${FIX}`,
    ]);
  });

  it("refuses two fleets listing one cluster", async () => {
    const resources = [many("f1", ["dup-a", "dup-b"]), many("f2", ["dup-c", "dup-a"])];
    expect(messages(await runStack(auroraOnePowerHolderPerCluster, resources))).toEqual([
      `ClusterFleetPowerState \`f1\` and ClusterFleetPowerState \`f2\` both hold the power state of cluster \`dup-a\` (us-east-1). ${FIX}`,
    ]);
  });

  it("passes the same identifier in two Regions", async () => {
    const resources = [
      single("a", "dup-a"),
      withProps(single("b", "dup-a"), { region: "eu-west-1" }),
    ];
    expect((await runStack(auroraOnePowerHolderPerCluster, resources)).violations).toEqual([]);
  });

  it("treats an absent `region` as one default Region", async () => {
    const resources = [powerState("a", "dup-a", "running"), powerState("b", "dup-a", "stopped")];
    expect(messages(await runStack(auroraOnePowerHolderPerCluster, resources))).toEqual([
      `ClusterPowerState \`a\` and ClusterPowerState \`b\` both hold the power state of cluster \`dup-a\` (the default Region). ${FIX}`,
    ]);
  });

  it("reports each holder after the first", async () => {
    const resources = [single("a", "dup-a"), single("b", "dup-a"), many("f", ["dup-a"])];
    expect(messages(await runStack(auroraOnePowerHolderPerCluster, resources))).toEqual([
      expect.stringContaining("ClusterPowerState `a` and ClusterPowerState `b` both hold"),
      expect.stringContaining("ClusterPowerState `a` and ClusterFleetPowerState `f` both hold"),
    ]);
  });

  it("does not count schedules: they change the state at times, they do not hold it", async () => {
    const resources = [single("a", "dup-a"), schedule("stop", "dup-a", "stop")];
    expect((await runStack(auroraOnePowerHolderPerCluster, resources)).violations).toEqual([]);
  });

  it("finds one declared cluster behind an identifier unknown at preview", async () => {
    const cluster = auroraCluster("dev-orders");
    const resources = [
      cluster,
      single("a", "dev-orders"),
      withProps(powerState("b", UNKNOWN_VALUE, "stopped", [cluster]), { region: "us-east-1" }),
    ];
    expect(messages(await runStack(auroraOnePowerHolderPerCluster, resources))).toEqual([
      `ClusterPowerState \`a\` and ClusterPowerState \`b\` both hold the power state of cluster \`dev-orders\` (us-east-1). ${FIX}`,
    ]);
  });

  it("leaves an unknown target undecided when another holder could be the same cluster", () => {
    const resources = [single("a", "dup-a"), single("b", UNKNOWN_VALUE)];
    expect(runStackToEnd(auroraOnePowerHolderPerCluster, resources)).toEqual({
      violations: [],
      undecided:
        "ClusterPowerState `b`: `clusterIdentifier` is unknown; the check runs again when the values are known (`pulumi up`)",
    });
  });

  it("leaves an unknown `region` undecided", () => {
    const resources = [
      single("a", "dup-a"),
      withProps(single("b", "dup-a"), { region: UNKNOWN_VALUE }),
    ];
    expect(runStackToEnd(auroraOnePowerHolderPerCluster, resources).undecided).toBe(
      "ClusterPowerState `b`: `region` is unknown; the check runs again when the values are known (`pulumi up`)",
    );
  });

  it("decides a lone holder whose target is unknown: nothing else could hold it", () => {
    expect(runStackToEnd(auroraOnePowerHolderPerCluster, [single("b", UNKNOWN_VALUE)])).toEqual({
      violations: [],
    });
  });
});
