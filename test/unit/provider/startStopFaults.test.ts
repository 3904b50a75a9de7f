/**
 * Faults StartDBCluster / StopDBCluster declare since client-rds 3.1169.0, and the stop facts asked
 * before the first change (issue 16), with aws-sdk-client-mock: exact messages and calls.
 */
import {
  DescribeBlueGreenDeploymentsCommand,
  DescribeDBClustersCommand,
  DescribeGlobalClustersCommand,
  InvalidDBShardGroupStateFault,
  KMSKeyNotAccessibleFault,
  RDSClient,
  StartDBClusterCommand,
  StopDBClusterCommand,
  VpcEncryptionControlViolationException,
} from "@aws-sdk/client-rds";
import { mockClient } from "aws-sdk-client-mock";
import "aws-sdk-client-mock-jest";
import * as impl from "../../../provider/dynamic/implementation";
import { ClusterPowerError, UnsupportedClusterError } from "../../../provider/errors";
import { ARN, INPUTS, devOrders as cluster } from "./support/devOrders";
import { resetMockedProvider } from "./support/mockedProvider";

const rds = mockClient(RDSClient);
const messages: string[] = [];
const meta = { $metadata: { httpStatusCode: 400 } };

beforeEach(() => resetMockedProvider(rds, messages));

describe("StartDBCluster / StopDBCluster faults", () => {
  it("KMSKeyNotAccessibleFault names the key's access as the fix", async () => {
    rds.on(DescribeDBClustersCommand).resolves({ DBClusters: [cluster("stopped")] });
    const fault = new KMSKeyNotAccessibleFault({ message: "KMS key is disabled", ...meta });
    rds.on(StartDBClusterCommand).rejects(fault);
    const error = await impl.create({ ...INPUTS, state: "running" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ClusterPowerError);
    expect((error as Error).message).toBe(
      "cluster `dev-orders` (eu-west-1): StartDBCluster failed: RDS cannot use the cluster's KMS key (KMS key is disabled); restore the key's access (enable the key, cancel its scheduled deletion, let RDS use it in the key policy and grants), then run `pulumi up` again",
    );
    expect(rds).toHaveReceivedCommandTimes(StartDBClusterCommand, 1);
  });

  it("VpcEncryptionControlViolationException names Nitro encryption in transit", async () => {
    rds.on(DescribeDBClustersCommand).resolves({ DBClusters: [cluster("stopped")] });
    const fault = new VpcEncryptionControlViolationException({ message: "violation", ...meta });
    rds.on(StartDBClusterCommand).rejects(fault);
    const error = await impl.create({ ...INPUTS, state: "running" }).catch((e: unknown) => e);
    expect((error as Error).message).toBe(
      "cluster `dev-orders` (eu-west-1): StartDBCluster failed: the VPC's encryption controls enforce encryption in transit (violation); give the cluster's instances an instance class with Nitro encryption in transit, or take the VPC's encryption control out of enforce mode, then run `pulumi up` again",
    );
    expect(rds).toHaveReceivedCommandTimes(StartDBClusterCommand, 1);
  });

  it("InvalidDBShardGroupStateFault waits and plans again (Aurora Limitless)", async () => {
    rds
      .on(DescribeDBClustersCommand)
      .resolvesOnce({ DBClusters: [cluster("available")] })
      .resolvesOnce({ DBClusters: [cluster("available")] })
      .resolves({ DBClusters: [cluster("stopped")] });
    const fault = new InvalidDBShardGroupStateFault({ message: "shard group busy", ...meta });
    rds
      .on(StopDBClusterCommand)
      .rejectsOnce(fault)
      .resolves({ DBCluster: cluster("stopping") });
    const result = await impl.create(INPUTS);
    expect(result.outs).toMatchObject({ state: "stopped", status: "stopped" });
    expect(rds).toHaveReceivedCommandTimes(StopDBClusterCommand, 2);
  });
});

describe("stop facts before the first change", () => {
  it("refuses a member of a global database of two, with no StopDBCluster", async () => {
    const member = cluster("available", { GlobalClusterIdentifier: "orders-gdb" });
    rds.on(DescribeDBClustersCommand).resolves({ DBClusters: [member] });
    rds.on(DescribeGlobalClustersCommand, { GlobalClusterIdentifier: "orders-gdb" }).resolves({
      GlobalClusters: [
        { GlobalClusterMembers: [{ DBClusterArn: ARN }, { DBClusterArn: "arn:2" }] },
      ],
    });
    const error = await impl.create(INPUTS).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnsupportedClusterError);
    expect(rds).not.toHaveReceivedCommand(StopDBClusterCommand);
  });

  it("stops the only member of a global database", async () => {
    const member = cluster("available", { GlobalClusterIdentifier: "solo-gdb" });
    rds
      .on(DescribeDBClustersCommand)
      .resolvesOnce({ DBClusters: [member] })
      .resolves({ DBClusters: [{ ...member, Status: "stopped" }] });
    rds.on(DescribeGlobalClustersCommand).resolves({
      GlobalClusters: [{ GlobalClusterMembers: [{ DBClusterArn: ARN }] }],
    });
    rds.on(StopDBClusterCommand).resolves({ DBCluster: cluster("stopping") });
    await expect(impl.create(INPUTS)).resolves.toMatchObject({ outs: { status: "stopped" } });
  });

  it("lists the Blue/Green deployments once and finds the cluster as a source or a target", async () => {
    rds.on(DescribeDBClustersCommand).resolves({ DBClusters: [cluster("available")] });
    rds.on(DescribeBlueGreenDeploymentsCommand).resolves({
      BlueGreenDeployments: [
        { BlueGreenDeploymentIdentifier: "bgd-other", Source: `${ARN}-x`, Target: `${ARN}-y` },
        { BlueGreenDeploymentIdentifier: "bgd-green1", Source: `${ARN}-blue`, Target: ARN },
      ],
    });
    const error = await impl.create(INPUTS).catch((e: unknown) => e);
    expect((error as Error).message).toContain("it is part of Blue/Green deployment `bgd-green1`");
    expect(rds).toHaveReceivedCommandTimes(DescribeBlueGreenDeploymentsCommand, 1);
    expect(rds).toHaveReceivedCommandWith(DescribeBlueGreenDeploymentsCommand, {});
    expect(rds).not.toHaveReceivedCommand(StopDBClusterCommand);
  });

  it("goes on without the Blue/Green check when it is denied, saying so", async () => {
    rds
      .on(DescribeDBClustersCommand)
      .resolvesOnce({ DBClusters: [cluster("available")] })
      .resolves({ DBClusters: [cluster("stopped")] });
    const denied = Object.assign(new Error("not authorized"), { name: "AccessDenied", ...meta });
    rds.on(DescribeBlueGreenDeploymentsCommand).rejects(denied);
    rds.on(StopDBClusterCommand).resolves({ DBCluster: cluster("stopping") });
    await impl.create(INPUTS);
    expect(messages).toContain(
      "cluster `dev-orders` (eu-west-1): DescribeBlueGreenDeployments was refused (not authorized); going on without it, a Blue/Green deployment shows only when RDS refuses the call. Grant `rds:DescribeBlueGreenDeployments` (see `clusterPowerStatePolicy()`) to know it before acting",
    );
  });
});
