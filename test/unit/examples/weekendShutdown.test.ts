import * as pulumi from "@pulumi/pulumi";
import { installAwsMocks, settle } from "../../support/awsMocks";
import { DEFAULT_FLEET, desiredState, program } from "../../../examples/weekend-shutdown/program";

const resources = installAwsMocks();

describe("examples/weekend-shutdown", () => {
  it("declares one ClusterPowerState per cluster and region with the configured state", async () => {
    pulumi.runtime.setConfig("project:state", "stopped");
    const { statuses } = program();
    await settle();
    expect(Object.keys(statuses)).toEqual([
      "eu-west-1/dev-orders",
      "eu-west-1/dev-billing",
      "us-east-1/qa-search",
    ]);
    const powers = resources.filter(
      (r) => r.type === "pulumi-nodejs:dynamic/aurora:ClusterPowerState",
    );
    expect(
      powers.map((p) => [
        p.name,
        p.inputs.clusterIdentifier,
        p.inputs.region,
        p.inputs.state,
        p.inputs.onDelete,
      ]),
    ).toEqual(
      DEFAULT_FLEET.map((c) => [
        `${c.clusterIdentifier}-${c.region}`,
        c.clusterIdentifier,
        c.region,
        "stopped",
        "running",
      ]),
    );
  });

  it("refuses a state other than running or stopped, saying what to set", () => {
    pulumi.runtime.setConfig("project:state", "off");
    expect(() => desiredState(new pulumi.Config())).toThrow(
      "config `state` is `off`; set it to `stopped` (Friday) or `running` (Monday): `pulumi config set state stopped`",
    );
  });
});
