import {
  DescribeDBClustersCommand,
  StartDBClusterCommand,
  StopDBClusterCommand,
} from "@aws-sdk/client-rds";
import "aws-sdk-client-mock-jest";
import { FleetMembersError, PartialFailureError } from "../../../provider/errors";
import * as fleet from "../../../provider/fleet/implementation";
import { FleetRds, arnOf } from "./support/fleetRds";
import {
  NOT_FOUND,
  inputs,
  rejectionOf,
  stoppedMember,
  useFleetTestbed,
} from "./support/fleetFixtures";
import { PACKAGE_VERSION } from "../../../provider/state/stateFormat";

const bed = useFleetTestbed();

describe("ClusterFleetPowerState create", () => {
  it("adopts every member at once, with one batched describe, and echoes the inputs", async () => {
    bed.aws.seed(["dev-orders", "dev-billing"], "available");
    bed.aws.seed(["qa-search"], "stopped");
    const created = await fleet.create(inputs("dev-billing", "dev-orders", "qa-search"));
    expect(created.id).toMatch(/^eu-west-1\/fleet\/[0-9a-f-]{36}$/);
    expect(created.outs).toEqual({
      clusterIdentifiers: ["dev-billing", "dev-orders", "qa-search"],
      state: "stopped",
      region: "eu-west-1",
      onDelete: "restore",
      timeoutMinutes: 60,
      members: {
        "dev-billing": stoppedMember("dev-billing"),
        "dev-orders": stoppedMember("dev-orders"),
        "qa-search": stoppedMember("qa-search", "stopped"),
      },
      schemaVersion: 1,
      writtenBy: PACKAGE_VERSION,
    });
    expect(bed.aws.calls(StopDBClusterCommand).sort()).toEqual(["dev-billing", "dev-orders"]);
    expect(bed.rds).not.toHaveReceivedCommand(StartDBClusterCommand);
    // The adopting describe of all three members is one call.
    const [first] = bed.rds.commandCalls(DescribeDBClustersCommand);
    expect(first?.args[0].input).toEqual({
      Filters: [{ Name: "db-cluster-id", Values: ["dev-billing", "dev-orders", "qa-search"] }],
      MaxRecords: 100,
    });
  });

  it("records automaticRestartTime only for stopped members, and running members as running", async () => {
    bed.aws.seed(["a"], "stopped");
    bed.aws.seed(["b"], "available");
    const created = await fleet.create({ ...inputs("a", "b"), state: "running" });
    expect(created.outs?.members).toEqual({
      a: {
        state: "running",
        status: "available",
        initialState: "stopped",
        clusterArn: arnOf("a"),
        engine: "aurora-postgresql",
        engineMode: "provisioned",
      },
      b: {
        state: "running",
        status: "available",
        initialState: "running",
        clusterArn: arnOf("b"),
        engine: "aurora-postgresql",
        engineMode: "provisioned",
      },
    });
    expect(bed.aws.calls(StartDBClusterCommand)).toEqual(["a"]);
  });

  it("converges the others when members fail, then throws the partial-failure shape listing each failure", async () => {
    bed.aws.seed(["good-1", "good-2"], "available");
    bed.aws.seed(["serverless"], "available", { EngineMode: "serverless" });
    const raw = inputs("good-1", "good-2", "missing", "serverless");
    const error = await rejectionOf(fleet.create(raw));
    expect(error).toBeInstanceOf(PartialFailureError);
    const partial = error as PartialFailureError;
    expect(partial.id).toMatch(/^eu-west-1\/fleet\//);
    expect(partial.message).toBe(
      [
        "2 of 4 clusters of the fleet (eu-west-1) failed; the other members are done. Fix each as its line says, or remove it from `clusterIdentifiers`, then run `pulumi up` again:",
        `  - ${NOT_FOUND("missing")}`,
        "  - cluster `serverless` (eu-west-1) cannot be stopped: it is Aurora Serverless v1 (`EngineMode: serverless`), which pauses by itself and cannot be stopped; migrate to Serverless v2 or provisioned, which can be stopped, or leave it running",
      ].join("\n"),
    );
    expect(partial.reasons).toEqual([partial.message]);
    expect(partial.properties).toEqual({
      ...raw,
      members: { "good-1": stoppedMember("good-1"), "good-2": stoppedMember("good-2") },
      schemaVersion: 1,
      writtenBy: PACKAGE_VERSION,
    });
    expect(partial.cause).toBeInstanceOf(FleetMembersError);
    expect((partial.cause as FleetMembersError).clusterIdentifiers).toEqual([
      "missing",
      "serverless",
    ]);
    expect(bed.aws.calls(StopDBClusterCommand).sort()).toEqual(["good-1", "good-2"]);
  });

  it("throws a plain error when no member was reached (nothing to record)", async () => {
    bed.aws.seed(["global"], "available", { GlobalClusterIdentifier: "orders-global" });
    const error = await rejectionOf(fleet.create(inputs("global", "missing")));
    expect(error).toBeInstanceOf(FleetMembersError);
    expect(error).not.toBeInstanceOf(PartialFailureError);
    expect(error.message).toBe(
      [
        "2 of 2 clusters of the fleet (eu-west-1) failed. Fix each as its line says, or remove it from `clusterIdentifiers`, then run `pulumi up` again:",
        "  - cluster `global` (eu-west-1) cannot be stopped: it is a member of global database `orders-global`, which has 2 clusters; RDS stops a global database member only when it is the only cluster; detach the other clusters from the global database first (RemoveFromGlobalCluster), or leave it running",
        `  - ${NOT_FOUND("missing")}`,
      ].join("\n"),
    );
    expect(bed.rds).not.toHaveReceivedCommand(StopDBClusterCommand);
  });

  it("keeps the record of a member whose own failure was partial (its stop was issued)", async () => {
    bed.aws.seed(["slow"], "available");
    bed.aws.stuck.add("slow");
    const error = await rejectionOf(
      fleet.create({ ...inputs("slow", "missing"), timeoutMinutes: 1 }),
    );
    expect(error).toBeInstanceOf(PartialFailureError);
    expect((error as PartialFailureError).properties.members).toEqual({
      slow: {
        state: "stopped",
        status: "stopping",
        initialState: "running",
        clusterArn: arnOf("slow"),
        engine: "aurora-postgresql",
        engineMode: "provisioned",
      },
    });
    expect(error.message).toContain(
      "  - cluster `slow` (eu-west-1) is still `stopping` after 1 min (expected `stopped`); raise `timeoutMinutes` or check the RDS console",
    );
  });

  it("summarizes the progress of 200 members in a few lines instead of one per cluster and status", async () => {
    const ids = Array.from({ length: 200 }, (_, i) => `dev-${String(i).padStart(3, "0")}`);
    bed.aws = new FleetRds(bed.rds.reset(), bed.time, 5 * 60_000);
    bed.aws.seed(ids, "available");
    await fleet.create(inputs(...ids));
    expect(bed.messages.length).toBeLessThanOrEqual(10);
    expect(bed.messages[0]).toBe(
      "fleet of 200 clusters (eu-west-1): create, every member to `stopped`",
    );
    // At most one summary per progress interval (60 s) while the 5-minute stops run.
    const summaries = bed.messages.slice(1, -1);
    expect(summaries.length).toBeGreaterThanOrEqual(3);
    for (const line of summaries)
      expect(line).toMatch(/^fleet of 200 clusters \(eu-west-1\): (\dm)?\d\ds: 200 stopping$/);
    expect(bed.messages.at(-1)).toBe(
      "fleet of 200 clusters (eu-west-1): done after 5m00s: 200 stopped",
    );
    // Every tick described all 200 in two calls of at most 100 ids.
    for (const call of bed.rds.commandCalls(DescribeDBClustersCommand))
      expect(call.args[0].input.Filters?.[0]?.Values?.length).toBe(100);
  });
});
