import {
  DescribeDBClustersCommand,
  StartDBClusterCommand,
  StopDBClusterCommand,
} from "@aws-sdk/client-rds";
import "aws-sdk-client-mock-jest";
import { FleetMembersError, PartialFailureError } from "../../../provider/errors";
import * as fleet from "../../../provider/fleet/implementation";
import {
  inputs,
  rejectionOf,
  sdkError,
  stoppedMember,
  useFleetTestbed,
} from "./support/fleetFixtures";
import { PACKAGE_VERSION } from "../../../provider/state/stateFormat";

const bed = useFleetTestbed();

describe("ClusterFleetPowerState update", () => {
  const olds = (members: Record<string, unknown>, ...ids: string[]) => ({
    ...inputs(...ids),
    members,
    schemaVersion: 1,
  });

  it("adopts an added member, restores a removed one, and leaves a satisfied one alone", async () => {
    bed.aws.seed(["kept", "removed"], "stopped");
    bed.aws.seed(["added"], "available");
    const previous = olds(
      { kept: stoppedMember("kept"), removed: stoppedMember("removed") },
      "kept",
      "removed",
    );
    const updated = await fleet.update("eu-west-1/fleet/x", previous, inputs("added", "kept"));
    expect(updated.outs).toEqual({
      ...inputs("added", "kept"),
      __provider: undefined,
      members: { added: stoppedMember("added"), kept: stoppedMember("kept") },
      schemaVersion: 1,
      writtenBy: PACKAGE_VERSION,
    });
    expect(bed.aws.calls(StopDBClusterCommand)).toEqual(["added"]);
    expect(bed.aws.calls(StartDBClusterCommand)).toEqual(["removed"]);
    expect(bed.aws.statusOf("removed")).toBe("available");
  });

  it("gives a removed member the fleet's new onDelete", async () => {
    bed.aws.seed(["kept", "removed"], "stopped");
    const previous = olds(
      { kept: stoppedMember("kept"), removed: stoppedMember("removed") },
      "kept",
      "removed",
    );
    await fleet.update("eu-west-1/fleet/x", previous, { ...inputs("kept"), onDelete: "retain" });
    expect(bed.rds).not.toHaveReceivedCommand(StartDBClusterCommand);
    expect(bed.aws.statusOf("removed")).toBe("stopped");
  });

  it("re-stops only the member refresh found running", async () => {
    bed.aws.seed(["a", "b"], "stopped");
    bed.aws.set("b", "available");
    const drifted = { ...stoppedMember("b"), state: "running", status: "available" };
    const updated = await fleet.update(
      "eu-west-1/fleet/x",
      olds({ a: stoppedMember("a"), b: drifted }, "a", "b"),
      inputs("a", "b"),
    );
    expect(bed.aws.calls(StopDBClusterCommand)).toEqual(["b"]);
    expect(updated.outs?.members).toEqual({ a: stoppedMember("a"), b: stoppedMember("b") });
  });

  it("makes no call when only onDelete or timeoutMinutes change", async () => {
    const previous = olds({ a: stoppedMember("a") }, "a");
    const updated = await fleet.update("eu-west-1/fleet/x", previous, {
      ...inputs("a"),
      onDelete: "running",
      timeoutMinutes: 5,
    });
    expect(updated.outs).toMatchObject({ onDelete: "running", timeoutMinutes: 5 });
    expect(updated.outs?.members).toEqual({ a: stoppedMember("a") });
    expect(bed.rds.calls()).toHaveLength(0);
  });

  it("starts every member when the state changes to running", async () => {
    bed.aws.seed(["a", "b"], "stopped");
    const updated = await fleet.update(
      "eu-west-1/fleet/x",
      olds({ a: stoppedMember("a"), b: stoppedMember("b") }, "a", "b"),
      { ...inputs("a", "b"), state: "running" },
    );
    expect(bed.aws.calls(StartDBClusterCommand).sort()).toEqual(["a", "b"]);
    expect(updated.outs?.members.a).toMatchObject({ state: "running", status: "available" });
  });

  it("keeps the previous record of a member whose removal failed, and records the others", async () => {
    bed.aws.seed(["kept", "removed"], "stopped");
    bed.aws.seed(["added"], "available");
    bed.aws.refusals.set(
      "removed",
      sdkError("AccessDenied", "not authorized to StartDBCluster", 403),
    );
    const previous = olds(
      { kept: stoppedMember("kept"), removed: stoppedMember("removed") },
      "kept",
      "removed",
    );
    const news = inputs("added", "kept");
    const error = await rejectionOf(fleet.update("eu-west-1/fleet/x", previous, news));
    expect(error).toBeInstanceOf(PartialFailureError);
    const partial = error as PartialFailureError;
    expect(partial.id).toBe("eu-west-1/fleet/x");
    expect(partial.properties).toEqual({
      ...news,
      members: {
        added: stoppedMember("added"),
        kept: stoppedMember("kept"),
        removed: stoppedMember("removed"),
      },
      schemaVersion: 1,
      writtenBy: PACKAGE_VERSION,
    });
    expect(partial.message).toBe(
      [
        "1 of 3 clusters of the fleet (eu-west-1) failed; the other members are done. Fix each as its line says, or remove it from `clusterIdentifiers`, then run `pulumi up` again:",
        "  - cluster `removed` (eu-west-1): StartDBCluster failed: not authorized to StartDBCluster; grant the permissions of `clusterPowerStatePolicy()` to the credentials (`profile`, `roleArn` or the default chain)",
      ].join("\n"),
    );
  });

  it("adopts a listed member that failed before (no record) on the next update", async () => {
    bed.aws.seed(["a", "late"], "available");
    bed.aws.set("a", "stopped");
    const updated = await fleet.update(
      "eu-west-1/fleet/x",
      olds({ a: stoppedMember("a") }, "a", "late"),
      inputs("a", "late"),
    );
    expect(bed.aws.calls(StopDBClusterCommand)).toEqual(["late"]);
    expect(updated.outs?.members.late).toEqual(stoppedMember("late"));
  });

  it("throws a plain error when no member was reached (the engine keeps the old state)", async () => {
    bed.rds.on(DescribeDBClustersCommand).rejects(sdkError("AccessDenied", "describe denied", 403));
    const error = await rejectionOf(
      fleet.update("eu-west-1/fleet/x", olds({}, "a", "b"), inputs("a", "b")),
    );
    expect(error).toBeInstanceOf(FleetMembersError);
    expect(error).not.toBeInstanceOf(PartialFailureError);
    expect((error as FleetMembersError).clusterIdentifiers).toEqual(["a", "b"]);
    expect(error.message).toContain(
      "  - cluster `a` (eu-west-1): DescribeDBClusters failed: describe denied; check the credentials, `region` and the RDS endpoint, then run `pulumi up` again",
    );
  });
});
