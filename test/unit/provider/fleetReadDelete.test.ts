import { DescribeDBClustersCommand, StartDBClusterCommand } from "@aws-sdk/client-rds";
import "aws-sdk-client-mock-jest";
import { FleetMembersError } from "../../../provider/errors";
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

describe("ClusterFleetPowerState read", () => {
  const stored = (members: Record<string, unknown>) => ({
    ...inputs(...Object.keys(members)),
    members,
    schemaVersion: 1,
  });

  it("shows drift per member, drops members gone or being deleted, and leaves the inputs alone", async () => {
    bed.aws.seed(["held"], "stopped");
    bed.aws.seed(["restarted"], "available");
    bed.aws.seed(["deleting"], "deleting");
    const props = stored({
      held: stoppedMember("held"),
      restarted: stoppedMember("restarted"),
      deleting: stoppedMember("deleting"),
      gone: stoppedMember("gone"),
    });
    const read = await fleet.read("eu-west-1/fleet/x", props);
    expect(read).toEqual({
      id: "eu-west-1/fleet/x",
      props: {
        ...inputs("deleting", "gone", "held", "restarted"),
        __provider: undefined,
        members: {
          held: stoppedMember("held"),
          restarted: {
            ...stoppedMember("restarted"),
            state: "running",
            status: "available",
            automaticRestartTime: undefined,
          },
        },
        schemaVersion: 1,
        writtenBy: PACKAGE_VERSION,
      },
    });
    expect(read).not.toHaveProperty("inputs");
    expect(bed.rds).toHaveReceivedCommandTimes(DescribeDBClustersCommand, 1);
  });

  it("keeps the fleet with no member when every member is gone", async () => {
    const read = await fleet.read("eu-west-1/fleet/x", stored({ a: stoppedMember("a") }));
    expect(read.id).toBe("eu-west-1/fleet/x");
    expect(read.props?.members).toEqual({});
    expect(read.props?.clusterIdentifiers).toEqual(["a"]);
  });

  it("fails the refresh on a describe error, never dropping members", async () => {
    bed.rds.on(DescribeDBClustersCommand).resolves({});
    const error = await rejectionOf(
      fleet.read("eu-west-1/fleet/x", stored({ a: stoppedMember("a"), b: stoppedMember("b") })),
    );
    expect(error).toBeInstanceOf(FleetMembersError);
    expect(error.message.split("\n")).toEqual([
      "refresh failed for 2 of 2 clusters of the fleet (eu-west-1); no member was dropped. Fix each as its line says, then run `pulumi refresh` again:",
      "  - cluster `a` (eu-west-1): DescribeDBClusters failed: the RDS endpoint answered without a DBClusters list (is `AWS_ENDPOINT_URL_RDS` an RDS endpoint?); check the credentials, `region` and the RDS endpoint, then run `pulumi refresh` again",
      "  - cluster `b` (eu-west-1): DescribeDBClusters failed: the RDS endpoint answered without a DBClusters list (is `AWS_ENDPOINT_URL_RDS` an RDS endpoint?); check the credentials, `region` and the RDS endpoint, then run `pulumi refresh` again",
    ]);
  });
});

describe("ClusterFleetPowerState delete", () => {
  const stored = (onDelete: string, members: Record<string, unknown>) => ({
    ...inputs(...Object.keys(members)),
    onDelete,
    members,
    schemaVersion: 1,
  });

  it("restores every member to its own initial state; a member gone is done", async () => {
    bed.aws.seed(["was-running", "was-stopped"], "stopped");
    await fleet.delete(
      "eu-west-1/fleet/x",
      stored("restore", {
        "was-running": stoppedMember("was-running", "running"),
        "was-stopped": stoppedMember("was-stopped", "stopped"),
        gone: stoppedMember("gone", "running"),
      }),
    );
    expect(bed.aws.calls(StartDBClusterCommand)).toEqual(["was-running"]);
    expect(bed.aws.statusOf("was-stopped")).toBe("stopped");
  });

  it("makes no call with onDelete retain", async () => {
    await fleet.delete("eu-west-1/fleet/x", stored("retain", { a: stoppedMember("a") }));
    expect(bed.rds.calls()).toHaveLength(0);
  });

  it("applies onDelete running to every member, and lists the members that failed", async () => {
    bed.aws.seed(["a", "b", "c"], "stopped");
    bed.aws.refusals.set("b", sdkError("AccessDenied", "no StartDBCluster for b", 403));
    const error = await rejectionOf(
      fleet.delete(
        "eu-west-1/fleet/x",
        stored("running", {
          a: stoppedMember("a", "stopped"),
          b: stoppedMember("b", "stopped"),
          c: stoppedMember("c", "stopped"),
        }),
      ),
    );
    expect(error).toBeInstanceOf(FleetMembersError);
    expect(error.message.split("\n")).toEqual([
      "1 of 3 clusters of the fleet (eu-west-1) could not be given `onDelete: running`; the fleet stays in the stack. Fix each as its line says, then run `pulumi destroy` again (it retries every member):",
      "  - cluster `b` (eu-west-1): StartDBCluster failed: no StartDBCluster for b; grant the permissions of `clusterPowerStatePolicy()` to the credentials (`profile`, `roleArn` or the default chain)",
    ]);
    expect([bed.aws.statusOf("a"), bed.aws.statusOf("c")]).toEqual(["available", "available"]);
  });
});
