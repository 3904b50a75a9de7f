import { clusterPowerStatePolicy } from "../../../provider/clusterPowerStatePolicy";

describe("clusterPowerStatePolicy", () => {
  it("allows stop/start on the clusters only, describe on their accounts' clusters, global databases and Blue/Green deployments", () => {
    expect(
      clusterPowerStatePolicy([
        "arn:aws:rds:eu-west-1:123456789012:cluster:dev-orders",
        "arn:aws:rds:eu-west-1:123456789012:cluster:dev-billing",
      ]),
    ).toEqual({
      Version: "2012-10-17",
      Statement: [
        {
          Sid: "AuroraPowerStopStart",
          Effect: "Allow",
          Action: ["rds:StopDBCluster", "rds:StartDBCluster"],
          Resource: [
            "arn:aws:rds:eu-west-1:123456789012:cluster:dev-orders",
            "arn:aws:rds:eu-west-1:123456789012:cluster:dev-billing",
          ],
        },
        {
          Sid: "AuroraPowerDescribe",
          Effect: "Allow",
          Action: ["rds:DescribeDBClusters"],
          Resource: ["arn:aws:rds:eu-west-1:123456789012:cluster:*"],
        },
        {
          Sid: "AuroraPowerGlobalDatabases",
          Effect: "Allow",
          Action: ["rds:DescribeGlobalClusters"],
          Resource: ["arn:aws:rds::123456789012:global-cluster:*"],
        },
        {
          Sid: "AuroraPowerBlueGreen",
          Effect: "Allow",
          Action: ["rds:DescribeBlueGreenDeployments"],
          Resource: ["*"],
        },
      ],
    });
  });

  it("refuses no ARN and a non-cluster ARN", () => {
    expect(() => clusterPowerStatePolicy([])).toThrow(
      "clusterPowerStatePolicy needs at least one cluster ARN",
    );
    expect(() => clusterPowerStatePolicy(["arn:aws:rds:eu-west-1:123456789012:db:x"])).toThrow(
      'not an RDS cluster ARN: "arn:aws:rds:eu-west-1:123456789012:db:x"',
    );
  });
});
