import { buildOutputs, resolveInputs } from "../../../provider/dynamic/outputs";
import { clusterPowerStatePolicy } from "../../../provider/clusterPowerStatePolicy";
import { formatElapsed } from "../../../provider/errors";
import { findStopRefusal } from "../../../provider/dynamic/assertStoppable";

describe("clusterPowerStatePolicy", () => {
  it("allows stop/start on the clusters only, and describe on their accounts' clusters", () => {
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

describe("outputs", () => {
  const inputs = resolveInputs(
    { clusterIdentifier: "dev", state: "stopped", region: "eu-west-1" },
    undefined,
  );

  it("holds only strings and numbers: no undefined, Date or bigint", () => {
    const outputs = buildOutputs(
      inputs,
      { Status: "stopped", AutomaticRestartTime: new Date(0) },
      "running",
    );
    for (const value of Object.values(outputs))
      expect(["string", "number"]).toContain(typeof value);
    expect(outputs.automaticRestartTime).toBe("1970-01-01T00:00:00.000Z");
    expect(outputs).not.toHaveProperty("profile");
  });

  it("drops automaticRestartTime once the cluster runs", () => {
    expect(
      buildOutputs(inputs, { Status: "available", AutomaticRestartTime: new Date(0) }, "running"),
    ).not.toHaveProperty("automaticRestartTime");
  });

  it("reads the Region and identifier from the ID when the properties lack them", () => {
    expect(resolveInputs({}, undefined, "us-east-2/orders")).toEqual({
      clusterIdentifier: "orders",
      state: "running",
      region: "us-east-2",
      onDelete: "restore",
      timeoutMinutes: 60,
    });
  });
});

describe("findStopRefusal", () => {
  it("accepts Serverless v2 and same-Region replica lists", () => {
    expect(
      findStopRefusal(
        {
          Engine: "aurora-postgresql",
          EngineMode: "provisioned",
          ReadReplicaIdentifiers: ["arn:aws:rds:eu-west-1:1:cluster:r"],
        },
        "eu-west-1",
      ),
    ).toBeUndefined();
  });
});

describe("formatElapsed", () => {
  it.each([
    [0, "0s"],
    [59.9, "59s"],
    [130, "2m10s"],
    [3605, "60m05s"],
  ])("%s s -> %s", (seconds, text) => {
    expect(formatElapsed(seconds)).toBe(text);
  });
});
