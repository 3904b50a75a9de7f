import * as pulumi from "@pulumi/pulumi";
import { ClusterPowerState } from "../../../provider/clusterPowerState";
import { clusterPowerStateShim } from "../../../provider/shim";
import { CLUSTER_POWER_STATE_TYPE } from "../../../provider/typeTokens";

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

  it("serializes __provider as the thin shim only: same text, no credentials, no paths, no SDK", async () => {
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
    expect(textA).toContain('createRequire(`${process.cwd()}/`)("aurora-power/dynamic")');
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
    expect(textA.length).toBeLessThan(4000);
    delete process.env.AWS_SECRET_ACCESS_KEY;
  });

  it("serializes the same text through serializeFunction", async () => {
    const serialized = await pulumi.runtime.serializeFunction(() => clusterPowerStateShim, {
      allowSecrets: false,
    });
    expect(serialized.containsSecrets).toBe(false);
    expect(serialized.text).not.toContain("@aws-sdk");
    expect(serialized.text.match(/require\(/g)).toHaveLength(1);
  });
});

describe("the serialized shim", () => {
  it("holds no comment or other text that could change between versions", async () => {
    const { text } = await pulumi.runtime.serializeFunction(() => clusterPowerStateShim);
    // Pulumi itself marks the function name as `/*loadImplementation*/`; nothing else may be there.
    expect(text.replace("/*loadImplementation*/", "")).not.toMatch(/\/\/|\/\*/);
  });
});
