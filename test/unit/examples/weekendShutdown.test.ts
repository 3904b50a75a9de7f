import * as pulumi from "@pulumi/pulumi";
import { installAwsMocks, settle } from "../../support/awsMocks";
import {
  DEFAULT_FLEET,
  byRegion,
  desiredState,
  program,
} from "../../../examples/weekend-shutdown/program";

const resources = installAwsMocks();

function outputOf<T>(output: pulumi.Output<T>): Promise<T> {
  return new Promise((resolve) => output.apply(resolve));
}

describe("examples/weekend-shutdown", () => {
  it("declares one ClusterFleetPowerState per region with the configured state", async () => {
    pulumi.runtime.setConfig("project:state", "stopped");
    const { statuses } = program();
    await settle();
    // Registration order depends on when each fleet's inputs resolve: compare by name.
    const fleets = resources
      .filter((r) => r.type === "pulumi-nodejs:dynamic/aurora:ClusterFleetPowerState")
      .sort((a, b) => a.name.localeCompare(b.name));
    expect(
      fleets.map((f) => [
        f.name,
        f.inputs.clusterIdentifiers,
        f.inputs.region,
        f.inputs.state,
        f.inputs.onDelete,
      ]),
    ).toEqual([
      ["fleet-eu-west-1", ["dev-orders", "dev-billing"], "eu-west-1", "stopped", "running"],
      ["fleet-us-east-1", ["qa-search"], "us-east-1", "stopped", "running"],
    ]);
    expect(resources.some((r) => r.type.endsWith(":ClusterPowerState"))).toBe(false);
    expect(await outputOf(statuses)).toEqual({
      "eu-west-1/dev-orders": "stopped",
      "eu-west-1/dev-billing": "stopped",
      "us-east-1/qa-search": "stopped",
    });
  });

  it("groups clusters by region in the order they first appear", () => {
    expect([...byRegion(DEFAULT_FLEET)]).toEqual([
      ["eu-west-1", ["dev-orders", "dev-billing"]],
      ["us-east-1", ["qa-search"]],
    ]);
    expect(
      [
        ...byRegion([
          { clusterIdentifier: "a", region: "r2" },
          { clusterIdentifier: "b", region: "r1" },
          { clusterIdentifier: "c", region: "r2" },
        ]),
      ].map(([region, ids]) => `${region}:${ids.join(",")}`),
    ).toEqual(["r2:a,c", "r1:b"]);
  });

  it("refuses a state other than running or stopped, saying what to set", () => {
    pulumi.runtime.setConfig("project:state", "off");
    expect(() => desiredState(new pulumi.Config())).toThrow(
      "config `state` is `off`; set it to `stopped` (Friday) or `running` (Monday): `pulumi config set state stopped`",
    );
  });
});
