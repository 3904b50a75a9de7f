import {
  DBClusterNotFoundFault,
  DescribeDBClustersCommand,
  InvalidDBClusterStateFault,
  RDSClient,
  RDSServiceException,
  StartDBClusterCommand,
  StopDBClusterCommand,
} from "@aws-sdk/client-rds";
import { mockClient } from "aws-sdk-client-mock";
import "aws-sdk-client-mock-jest";
import * as impl from "../../../provider/dynamic/implementation";
import {
  ClusterPowerError,
  ClusterNotFoundError,
  PartialFailureError,
  UnsupportedClusterError,
} from "../../../provider/errors";
import { ARN, INPUTS, devOrders as cluster } from "./support/devOrders";
import { resetMockedProvider } from "./support/mockedProvider";
import { PACKAGE_VERSION } from "../../../provider/state/stateFormat";

const rds = mockClient(RDSClient);
const messages: string[] = [];

function sdkError(name: string, message: string, httpStatusCode = 400): RDSServiceException {
  return new RDSServiceException({
    name,
    message,
    $fault: "client",
    $metadata: { httpStatusCode },
  });
}

beforeEach(() => resetMockedProvider(rds, messages));

describe("ClusterPowerState provider with a mocked RDS client", () => {
  it("stops an available cluster and echoes the inputs into the outputs", async () => {
    rds
      .on(DescribeDBClustersCommand)
      .resolvesOnce({ DBClusters: [cluster("available")] })
      .resolves({
        DBClusters: [
          cluster("stopped", { AutomaticRestartTime: new Date("2026-11-30T10:00:00Z") }),
        ],
      });
    rds.on(StopDBClusterCommand).resolves({ DBCluster: cluster("stopping") });
    const result = await impl.create(INPUTS);
    expect(result).toEqual({
      id: "eu-west-1/dev-orders",
      outs: {
        clusterIdentifier: "dev-orders",
        state: "stopped",
        region: "eu-west-1",
        onDelete: "restore",
        timeoutMinutes: 60,
        status: "stopped",
        initialState: "running",
        clusterArn: ARN,
        engine: "aurora-postgresql",
        engineMode: "provisioned",
        automaticRestartTime: "2026-11-30T10:00:00.000Z",
        schemaVersion: 1,
        writtenBy: PACKAGE_VERSION,
      },
    });
    expect(rds).toHaveReceivedCommandTimes(StopDBClusterCommand, 1);
    expect(rds).toHaveReceivedCommandWith(StopDBClusterCommand, {
      DBClusterIdentifier: "dev-orders",
    });
    expect(rds).toHaveReceivedCommandWith(DescribeDBClustersCommand, {
      Filters: [{ Name: "db-cluster-id", Values: ["dev-orders"] }],
      MaxRecords: 100,
    });
    expect(rds).not.toHaveReceivedCommand(StartDBClusterCommand);
  });

  it("adopts a stopped cluster with no mutating call", async () => {
    rds.on(DescribeDBClustersCommand).resolves({ DBClusters: [cluster("stopped")] });
    await expect(impl.create(INPUTS)).resolves.toMatchObject({
      outs: { status: "stopped", initialState: "stopped" },
    });
    expect(rds).not.toHaveReceivedCommand(StopDBClusterCommand);
    expect(rds).toHaveReceivedCommandTimes(DescribeDBClustersCommand, 1);
  });

  it("maps an absent cluster to ClusterNotFoundError", async () => {
    rds.on(DescribeDBClustersCommand).resolves({ DBClusters: [] });
    const error = await impl.create(INPUTS).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ClusterNotFoundError);
    expect((error as Error).message).toBe(
      "cluster `dev-orders` (eu-west-1) was not found; check `clusterIdentifier`, `region` and the account of the credentials",
    );
  });

  it("refuses a Serverless v1 cluster before any mutating call", async () => {
    rds
      .on(DescribeDBClustersCommand)
      .resolves({ DBClusters: [cluster("available", { EngineMode: "serverless" })] });
    await expect(impl.create(INPUTS)).rejects.toThrow(
      new UnsupportedClusterError(
        "cluster `dev-orders` (eu-west-1) cannot be stopped: it is Aurora Serverless v1 (`EngineMode: serverless`), which pauses by itself and cannot be stopped; migrate to Serverless v2 or provisioned, which can be stopped, or leave it running",
        { clusterIdentifier: "dev-orders", region: "eu-west-1" },
      ),
    );
    expect(rds).not.toHaveReceivedCommand(StopDBClusterCommand);
  });

  it("maps a Blue/Green refusal to UnsupportedClusterError, keeping the SDK error as cause", async () => {
    const refusal = new InvalidDBClusterStateFault({
      message: "Cannot stop a cluster that is part of a blue/green deployment.",
      $metadata: {},
    });
    rds.on(DescribeDBClustersCommand).resolves({ DBClusters: [cluster("available")] });
    rds.on(StopDBClusterCommand).rejects(refusal);
    const error = await impl.create(INPUTS).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnsupportedClusterError);
    expect(error).toMatchObject({
      message:
        "cluster `dev-orders` (eu-west-1) cannot be stopped: it is part of a Blue/Green deployment (RDS: Cannot stop a cluster that is part of a blue/green deployment.); delete the Blue/Green deployment first (switch it over before, to keep the green cluster), or leave it running",
      cause: refusal,
    });
  });

  it("names the policy helper when access is denied", async () => {
    rds.on(DescribeDBClustersCommand).resolves({ DBClusters: [cluster("available")] });
    rds
      .on(StopDBClusterCommand)
      .rejects(
        sdkError("AccessDenied", "User is not authorized to perform: rds:StopDBCluster", 403),
      );
    const error = await impl.create(INPUTS).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ClusterPowerError);
    expect((error as Error).message).toBe(
      "cluster `dev-orders` (eu-west-1): StopDBCluster failed: User is not authorized to perform: rds:StopDBCluster; grant the permissions of `clusterPowerStatePolicy()` to the credentials (`profile`, `roleArn` or the default chain)",
    );
  });

  it("fails at once on a TypeError thrown inside StopDBCluster: one call, the same error, no retry", async () => {
    const bug = new TypeError("boom");
    rds.on(DescribeDBClustersCommand).resolves({ DBClusters: [cluster("available")] });
    rds.on(StopDBClusterCommand).rejects(bug);
    const error = await impl.create(INPUTS).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TypeError);
    expect(error).toMatchObject({ name: "TypeError", message: "boom" });
    expect((error as Error).stack).toBe(bug.stack);
    expect(error).not.toBeInstanceOf(PartialFailureError);
    expect(error).not.toBeInstanceOf(ClusterPowerError);
    expect(rds).toHaveReceivedCommandTimes(StopDBClusterCommand, 1);
    expect(rds).toHaveReceivedCommandTimes(DescribeDBClustersCommand, 1);
    expect(rds).not.toHaveReceivedCommand(StartDBClusterCommand);
  });

  it("maps a describe error to a message naming the cluster", async () => {
    rds.on(DescribeDBClustersCommand).rejects(sdkError("AccessDenied", "not authorized", 403));
    await expect(impl.create(INPUTS)).rejects.toThrow(
      "cluster `dev-orders` (eu-west-1): DescribeDBClusters failed: not authorized; check the credentials, `region` and the RDS endpoint, then run `pulumi up` again",
    );
  });

  it("throws the partial-failure shape once the stop was issued and waiting failed", async () => {
    const denied = sdkError("AccessDenied", "describe revoked", 403);
    rds
      .on(DescribeDBClustersCommand)
      .resolvesOnce({ DBClusters: [cluster("available")] })
      .rejects(denied);
    rds.on(StopDBClusterCommand).resolves({ DBCluster: cluster("stopping") });
    const error = await impl.create(INPUTS).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PartialFailureError);
    const partial = error as PartialFailureError;
    expect(partial.id).toBe("eu-west-1/dev-orders");
    expect(partial.properties).toMatchObject({
      ...INPUTS,
      status: "stopping",
      initialState: "running",
      schemaVersion: 1,
      writtenBy: PACKAGE_VERSION,
    });
    expect(partial.reasons).toEqual([
      "cluster `dev-orders` (eu-west-1): DescribeDBClusters failed: describe revoked; check the credentials, `region` and the RDS endpoint, then run `pulumi up` again",
    ]);
    expect((partial.cause as ClusterPowerError).cause).toBe(denied);
  });

  it("resumes on update after a partial failure, with no new stop when one is in progress", async () => {
    rds
      .on(DescribeDBClustersCommand)
      .resolvesOnce({ DBClusters: [cluster("stopping")] })
      .resolves({ DBClusters: [cluster("stopped")] });
    const olds = { ...INPUTS, status: "stopping", initialState: "running" };
    await expect(impl.update("eu-west-1/dev-orders", olds, INPUTS)).resolves.toMatchObject({
      outs: { status: "stopped", initialState: "running" },
    });
    expect(rds).not.toHaveReceivedCommand(StopDBClusterCommand);
  });

  it("makes no call when only onDelete or timeoutMinutes change", async () => {
    const olds = {
      ...INPUTS,
      status: "stopped",
      initialState: "running",
      clusterArn: ARN,
      engine: "aurora-postgresql",
      engineMode: "provisioned",
      schemaVersion: 1,
    };
    const result = await impl.update("eu-west-1/dev-orders", olds, {
      ...INPUTS,
      onDelete: "retain",
      timeoutMinutes: 5,
    });
    expect(result.outs).toMatchObject({
      onDelete: "retain",
      timeoutMinutes: 5,
      status: "stopped",
      clusterArn: ARN,
    });
    expect(rds.calls()).toHaveLength(0);
  });

  it("read shows drift and a gone cluster", async () => {
    const stored = { ...INPUTS, status: "stopped", initialState: "running" };
    rds
      .on(DescribeDBClustersCommand)
      .resolvesOnce({ DBClusters: [cluster("available")] })
      .resolves({ DBClusters: [] });
    await expect(impl.read("eu-west-1/dev-orders", stored)).resolves.toMatchObject({
      id: "eu-west-1/dev-orders",
      props: { state: "running", status: "available" },
    });
    await expect(impl.read("eu-west-1/dev-orders", stored)).resolves.toEqual({ id: "" });
  });

  it("B2 regression: an answer without a DBClusters list fails refresh and delete, never reads as gone", async () => {
    rds.on(DescribeDBClustersCommand).resolves({});
    const stored = { ...INPUTS, status: "stopped", initialState: "running" };
    const reason = (command: string) =>
      `cluster \`dev-orders\` (eu-west-1): DescribeDBClusters failed: the RDS endpoint answered without a DBClusters list (is \`AWS_ENDPOINT_URL_RDS\` an RDS endpoint?); check the credentials, \`region\` and the RDS endpoint, then run \`${command}\` again`;
    await expect(impl.read("eu-west-1/dev-orders", stored)).rejects.toThrow(
      reason("pulumi refresh"),
    );
    await expect(impl.delete("eu-west-1/dev-orders", stored)).rejects.toThrow(
      reason("pulumi destroy"),
    );
    // Not retried as a transient failure: one describe each.
    expect(rds).toHaveReceivedCommandTimes(DescribeDBClustersCommand, 2);
    expect(rds).not.toHaveReceivedCommand(StartDBClusterCommand);
  });

  it("delete of a cluster already gone succeeds", async () => {
    rds.on(DescribeDBClustersCommand).resolves({ DBClusters: [] });
    rds
      .on(StartDBClusterCommand)
      .rejects(new DBClusterNotFoundFault({ message: "not found", $metadata: {} }));
    await expect(
      impl.delete("eu-west-1/dev-orders", { ...INPUTS, initialState: "running" }),
    ).resolves.toBeUndefined();
    expect(rds).not.toHaveReceivedCommand(StartDBClusterCommand);
  });

  it("delete with restore starts a cluster found running at create", async () => {
    rds
      .on(DescribeDBClustersCommand)
      .resolvesOnce({ DBClusters: [cluster("stopped")] })
      .resolves({ DBClusters: [cluster("available")] });
    rds.on(StartDBClusterCommand).resolves({ DBCluster: cluster("starting") });
    await impl.delete("eu-west-1/dev-orders", { ...INPUTS, initialState: "running" });
    expect(rds).toHaveReceivedCommandWith(StartDBClusterCommand, {
      DBClusterIdentifier: "dev-orders",
    });
  });

  it("configure makes aws:region the default Region", async () => {
    await impl.configure({
      config: {
        get: (k: string) => (k === "aws:region" ? "ap-south-1" : undefined),
        require: () => "",
      },
    });
    const { inputs } = await impl.check({}, { clusterIdentifier: "dev-orders", state: "running" });
    expect(inputs).toMatchObject({ region: "ap-south-1" });
    await impl.configure({ config: { get: () => undefined, require: () => "" } });
  });
});
