import * as pulumi from "@pulumi/pulumi";
import { ClusterPowerState } from "../../../provider/clusterPowerState";
import { SERIALIZED_PROVIDER } from "../../../provider/shim";
import { CLUSTER_POWER_STATE_TYPE } from "../../../provider/aurora/typeTokens";

const registered: pulumi.runtime.MockResourceArgs[] = [];

beforeAll(async () => {
  await pulumi.runtime.setMocks(
    {
      newResource: (args) => {
        registered.push(args);
        return {
          id: `${String(args.inputs.region)}/${String(args.inputs.clusterIdentifier)}`,
          state: { ...args.inputs, status: "stopped" },
        };
      },
      call: () => ({}),
    },
    "project",
    "stack",
    true,
  );
});

function outputOf<T>(output: pulumi.Output<T>): Promise<T> {
  return new Promise((resolve) => output.apply(resolve));
}

describe("ClusterPowerState under pulumi.runtime.setMocks", () => {
  it("registers with the aurora type token and exposes the outputs", async () => {
    const power = new ClusterPowerState("dev-power", {
      clusterIdentifier: "dev-orders",
      state: "stopped",
      region: "eu-west-1",
    });
    expect(await outputOf(power.urn)).toContain(CLUSTER_POWER_STATE_TYPE);
    expect(await outputOf(power.status)).toBe("stopped");
    expect(await outputOf(power.clusterIdentifier)).toBe("dev-orders");
    const args = registered.find((r) => r.name === "dev-power");
    expect(args?.type).toBe("pulumi-nodejs:dynamic/aurora:ClusterPowerState");
  });

  it("carries __provider as the thin shim only: same text, no credentials, no paths, no SDK", async () => {
    process.env.AWS_SECRET_ACCESS_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    const a = new ClusterPowerState("a", {
      clusterIdentifier: "a",
      state: "running",
      region: "eu-west-1",
      profile: "dev",
    });
    const b = new ClusterPowerState("b", {
      clusterIdentifier: "b",
      state: "stopped",
      region: "us-east-1",
    });
    await Promise.all([outputOf(a.urn), outputOf(b.urn)]);
    const textA = registered.find((r) => r.name === "a")?.inputs.__provider as string;
    const textB = registered.find((r) => r.name === "b")?.inputs.__provider as string;
    expect(textA).toBe(textB);
    expect(textA).toContain("const d = process.cwd();");
    expect(textA).toContain('createRequire(`${d}/`)("aurora-power/dynamic")');
    expect(textA).toContain("exports.handler");
    for (const forbidden of [
      "wJalrXUtnFEMI",
      "AKIA",
      process.cwd(),
      "/work/",
      "node_modules",
      "RDSClient",
      "@aws-sdk",
      "Command",
      "fromIni",
      "dev-orders",
    ]) {
      expect(textA).not.toContain(forbidden);
    }
    expect(textA).toBe(SERIALIZED_PROVIDER);
    // Stored twice per resource and rewritten at every step: it must stay far below the 2.6 KB
    // closure of 0.1.0. It is about 600 bytes since it explains a missing package itself.
    expect(textA.length).toBeLessThan(700);
    delete process.env.AWS_SECRET_ACCESS_KEY;
  });
});

describe("the serialized shim", () => {
  it("is one require of aurora-power/dynamic, with no comment or other text that could change between versions", () => {
    expect(SERIALIZED_PROVIDER.match(/require\(/g)).toHaveLength(1);
    expect(SERIALIZED_PROVIDER).not.toMatch(/\/\/|\/\*/);
    expect(SERIALIZED_PROVIDER).not.toContain("@aws-sdk");
  });
});
