import { stopFactsOf, stopRefusals } from "../../../provider/aurora/stoppability";
import { recordOf } from "../../../provider/core/clusterRecord";
import { formatElapsed } from "../../../provider/core/messages";
import { outputsOf, targetOf } from "../../../provider/dynamic/clusterProperties";
import { PACKAGE_VERSION } from "../../../provider/state/stateFormat";

describe("outputs", () => {
  const target = targetOf({ clusterIdentifier: "dev", state: "stopped", region: "eu-west-1" });

  it("holds only strings and numbers: no undefined, Date or bigint", () => {
    const record = recordOf(
      { Status: "stopped", AutomaticRestartTime: new Date(0) },
      "running",
      undefined,
      "stopped",
    );
    const outputs = outputsOf(target, record, "stopped");
    for (const value of Object.values(outputs))
      expect(["string", "number"]).toContain(typeof value);
    expect(outputs.automaticRestartTime).toBe("1970-01-01T00:00:00.000Z");
    expect(outputs).not.toHaveProperty("profile");
    expect(outputs).toMatchObject({ schemaVersion: 1, writtenBy: PACKAGE_VERSION });
  });

  it("drops automaticRestartTime once the cluster runs", () => {
    const record = recordOf(
      { Status: "available", AutomaticRestartTime: new Date(0) },
      "running",
      undefined,
      "running",
    );
    expect(outputsOf(target, record, "running")).not.toHaveProperty("automaticRestartTime");
  });

  it("reads the Region and identifier from the ID when the properties lack them", () => {
    expect(targetOf({}, "us-east-2/orders")).toEqual({
      clusterIdentifier: "orders",
      displayName: "orders",
      holder: { kind: "ClusterPowerState", name: undefined, secret: false },
      profile: undefined,
      roleArn: undefined,
      region: "us-east-2",
      settings: {
        state: "running",
        region: "us-east-2",
        onDelete: "restore",
        timeoutMinutes: 60,
      },
    });
  });
});

describe("stopRefusals of a described cluster", () => {
  it("accepts Serverless v2 and same-Region replica lists", () => {
    const cluster = {
      Engine: "aurora-postgresql",
      EngineMode: "provisioned",
      ReadReplicaIdentifiers: ["arn:aws:rds:eu-west-1:1:cluster:r"],
    };
    expect(stopRefusals(stopFactsOf(cluster, "eu-west-1"))).toEqual([]);
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
