import * as fs from "node:fs";
import { clusterPowerStatePolicy } from "aurora-power";
import { startEmulator } from "aurora-power/emulator";
import { schedulerPermissionPolicy, schedulerTrustPolicy } from "../../../provider/schedulerRole";
import { stopWorkflowPolicy } from "../../../provider/stopWorkflow";
import { findPlantedCredentials, PLANTED_CREDENTIALS } from "../../support/plantedCredentials";
import { checkedInputs, impl, pointProviderAt } from "./testbed";

interface Statement {
  Effect: string;
  Action: string | string[];
  Resource?: string | string[];
}

const CLUSTER_ARN = /^arn:aws[a-z-]*:rds:[a-z0-9-]+:\d{12}:cluster:[A-Za-z0-9-]+$/;
const CLUSTER_WILDCARD = /^arn:aws[a-z-]*:rds:[a-z0-9-]+:\d{12}:cluster:\*$/;

/** Every (action, resource) pair an Allow statement grants. */
function grants(statements: Statement[]): [string, string][] {
  return statements.flatMap((s) => {
    const actions = ([] as string[]).concat(s.Action);
    const resources = ([] as string[]).concat(s.Resource ?? "*");
    return actions.flatMap((action) =>
      resources.map((resource): [string, string] => [action, resource]),
    );
  });
}

/** The listening TCP sockets on `port`, as `address:port` (IPv4 from /proc/net/tcp, no traffic sent). */
function listeningAddresses(port: number): string[] {
  const rows = fs.readFileSync("/proc/net/tcp", "utf8").trim().split("\n").slice(1);
  return rows
    .map((row) => row.trim().split(/\s+/))
    .filter(
      (cols) => cols[3] === "0A" && parseInt((cols[1] ?? ":").split(":")[1] ?? "", 16) === port,
    )
    .map((cols) => {
      const hex = (cols[1] ?? "").split(":")[0] ?? "";
      const octets = (hex.match(/../g) ?? []).map((h) => parseInt(h, 16)).reverse();
      return `${octets.join(".")}:${port}`;
    });
}

describe("IAM policy helpers grant power actions on cluster ARNs only", () => {
  const arns = [
    "arn:aws:rds:eu-west-1:123456789012:cluster:dev-orders",
    "arn:aws:rds:eu-west-1:123456789012:cluster:dev-billing",
  ];

  it("clusterPowerStatePolicy: Stop/Start on exactly the given ARNs, reads scoped to the account, `*` only for the Blue/Green listing", () => {
    const pairs = grants(clusterPowerStatePolicy(arns).Statement);
    for (const [action, resource] of pairs) {
      if (action === "rds:DescribeDBClusters") expect(resource).toMatch(CLUSTER_WILDCARD);
      else if (action === "rds:DescribeGlobalClusters")
        expect(resource).toBe("arn:aws:rds::123456789012:global-cluster:*");
      // A listing of the account's deployments names no deployment: IAM evaluates it against `*`
      // (Service Authorization Reference, DescribeBlueGreenDeployments). It changes nothing.
      else if (action === "rds:DescribeBlueGreenDeployments") expect(resource).toBe("*");
      else {
        expect(resource).not.toBe("*");
        expect(arns).toContain(resource);
      }
    }
    expect(new Set(pairs.map(([action]) => action))).toEqual(
      new Set([
        "rds:StopDBCluster",
        "rds:StartDBCluster",
        "rds:DescribeDBClusters",
        "rds:DescribeGlobalClusters",
        "rds:DescribeBlueGreenDeployments",
      ]),
    );
  });

  it.each([
    ["*"],
    ["arn:aws:rds:eu-west-1:123456789012:cluster:*"],
    ["arn:aws:rds:eu-west-1:123456789012:db:dev-orders"],
    ['arn:aws:rds:eu-west-1:123456789012:cluster:x"}'],
  ])("clusterPowerStatePolicy refuses %j instead of granting more", (arn) => {
    expect(() => clusterPowerStatePolicy([arn])).toThrow(/not an RDS cluster ARN/);
  });

  it("the ClusterStopSchedule role: one cluster's ARN, no Describe, trusted by Scheduler from this account only", () => {
    const location = {
      partition: "aws",
      region: "eu-west-1",
      accountId: "123456789012",
      clusterIdentifier: "dev-orders",
    };
    const pairs = grants(schedulerPermissionPolicy(location, true).Statement);
    expect(pairs).toEqual([
      ["rds:StopDBCluster", "arn:aws:rds:eu-west-1:123456789012:cluster:dev-orders"],
      ["rds:StartDBCluster", "arn:aws:rds:eu-west-1:123456789012:cluster:dev-orders"],
    ]);
    for (const [, resource] of pairs) expect(resource).toMatch(CLUSTER_ARN);
    expect(schedulerTrustPolicy("123456789012").Statement).toEqual([
      expect.objectContaining({
        Principal: { Service: "scheduler.amazonaws.com" },
        Condition: { StringEquals: { "aws:SourceAccount": "123456789012" } },
      }),
    ]);
  });
});

describe("the stop workflow's role", () => {
  it("describes and stops exactly its clusters, and only reads the account's global databases", () => {
    const pairs = grants(
      stopWorkflowPolicy({
        partition: "aws",
        region: "eu-west-1",
        accountId: "123456789012",
        clusterIdentifiers: ["dev-orders", "Dev-Orders"],
      }).Statement,
    );
    expect(pairs).toEqual([
      ["rds:DescribeDBClusters", "arn:aws:rds:eu-west-1:123456789012:cluster:dev-orders"],
      ["rds:StopDBCluster", "arn:aws:rds:eu-west-1:123456789012:cluster:dev-orders"],
      ["rds:DescribeGlobalClusters", "arn:aws:rds::123456789012:global-cluster:*"],
    ]);
  });
});

describe("the local endpoint listens on loopback unless told otherwise", () => {
  it("binds 127.0.0.1 by default and the host it is given otherwise", async () => {
    const byDefault = await startEmulator();
    const told = await startEmulator({ host: "127.0.0.2" });
    try {
      const defaultPort = Number(new URL(byDefault.url).port);
      const toldPort = Number(new URL(told.url).port);
      expect(byDefault.url).toBe(`http://127.0.0.1:${defaultPort}`);
      expect(listeningAddresses(defaultPort)).toEqual([`127.0.0.1:${defaultPort}`]);
      expect(listeningAddresses(toldPort)).toEqual([`127.0.0.2:${toldPort}`]);
    } finally {
      await byDefault.stop();
      await told.stop();
    }
  });
});

describe("credentials from the environment never reach the provider's outputs", () => {
  it("create and read outputs carry none of the planted credentials", async () => {
    const emulator = await startEmulator({
      stopSeconds: 0.2,
      seed: [{ DBClusterIdentifier: "planted" }],
    });
    try {
      pointProviderAt(emulator.url, { ...PLANTED_CREDENTIALS });
      const inputs = await checkedInputs("planted");
      const created = await impl.create(inputs);
      const read = await impl.read(created.id, { ...created.outs });
      expect(created.outs?.status).toBe("stopped");
      expect(
        findPlantedCredentials({
          inputs: JSON.stringify(inputs),
          create: JSON.stringify(created),
          read: JSON.stringify(read),
        }),
      ).toEqual([]);
    } finally {
      await emulator.stop();
    }
  });
});
