import { UNKNOWN_VALUE } from "../../../provider/aurora/unknownValue";
import { MAX_FLEET_MEMBERS } from "../../../provider/core/validateInputs";
import * as fleet from "../../../provider/fleet/implementation";

/** The fleet adapter's `check`, with `defaultRegion` as the Region of the environment. */
function checkFleetInputs(news: Record<string, unknown>, defaultRegion: string | undefined) {
  fleet.setRuntimeHooks({ env: defaultRegion === undefined ? {} : { AWS_REGION: defaultRegion } });
  return fleet.check({}, news);
}

/** One valid fixture; each test changes one field. */
const valid = (): Record<string, unknown> => ({
  clusterIdentifiers: ["dev-orders", "dev-billing", "qa-search"],
  state: "stopped",
  region: "eu-west-1",
});

const IDENTIFIER_RULE =
  "must be 1–63 letters, digits or hyphens, start with a letter, and not end with a hyphen or contain two consecutive hyphens; got ";

async function failuresFor(patch: Record<string, unknown>, defaultRegion?: string) {
  return (await checkFleetInputs({ ...valid(), ...patch }, defaultRegion)).failures;
}

describe("ClusterFleetPowerState check", () => {
  it("accepts valid inputs, sorts the identifiers and fills in the defaults", async () => {
    expect(await checkFleetInputs({ ...valid(), __provider: "shim" }, undefined)).toEqual({
      inputs: {
        clusterIdentifiers: ["dev-billing", "dev-orders", "qa-search"],
        state: "stopped",
        region: "eu-west-1",
        onDelete: "restore",
        timeoutMinutes: 60,
        __provider: "shim",
      },
      failures: [],
    });
  });

  it("lowercases the identifiers (RDS stores them lowercase)", async () => {
    const { inputs } = await checkFleetInputs(
      { ...valid(), clusterIdentifiers: ["Dev-Orders", "QA-search"] },
      undefined,
    );
    expect(inputs?.clusterIdentifiers).toEqual(["dev-orders", "qa-search"]);
  });

  it("fills in the Region from aws:region / AWS_REGION, as ClusterPowerState does", async () => {
    const { inputs, failures } = await checkFleetInputs(
      { clusterIdentifiers: ["a"], state: "running" },
      "us-east-2",
    );
    expect(failures).toEqual([]);
    expect(inputs).toMatchObject({ region: "us-east-2" });
  });

  it("fails when no Region is known", async () => {
    expect(
      await checkFleetInputs({ clusterIdentifiers: ["a"], state: "running" }, undefined),
    ).toEqual(
      expect.objectContaining({
        failures: [
          {
            property: "region",
            reason:
              "no AWS Region: set `region`, the stack's `aws:region` config, or AWS_REGION in the environment of `pulumi`",
          },
        ],
      }),
    );
  });

  it.each([
    ["state", "paused", '`state` must be one of "running", "stopped"; got "paused"'],
    ["state", undefined, '`state` must be one of "running", "stopped"; got nothing'],
    [
      "onDelete",
      "destroy",
      '`onDelete` must be one of "restore", "running", "stopped", "retain"; got "destroy"',
    ],
    ["region", "Europe", '`region` must be an AWS Region name such as "eu-west-1"; got "Europe"'],
    ["timeoutMinutes", 0, '`timeoutMinutes` must be a number greater than 0; got "0"'],
    ["profile", "a b", '`profile` must be a shared-config profile name; got "a b"'],
    [
      "roleArn",
      "role",
      '`roleArn` must be an IAM role ARN such as "arn:aws:iam::123456789012:role/name"; got "role"',
    ],
  ])("refuses %s %j as ClusterPowerState does", async (property, value, reason) => {
    expect(await failuresFor({ [property]: value })).toEqual([{ property, reason }]);
  });

  it("requires the list", async () => {
    expect(await failuresFor({ clusterIdentifiers: undefined })).toEqual([
      {
        property: "clusterIdentifiers",
        reason: "`clusterIdentifiers` is required (a list of 1 to 1,000 cluster identifiers)",
      },
    ]);
  });

  it("refuses a list that is not one", async () => {
    expect(await failuresFor({ clusterIdentifiers: "dev-orders" })).toEqual([
      {
        property: "clusterIdentifiers",
        reason: '`clusterIdentifiers` must be a list of cluster identifiers; got "dev-orders"',
      },
    ]);
  });

  it("refuses an empty list", async () => {
    expect(await failuresFor({ clusterIdentifiers: [] })).toEqual([
      {
        property: "clusterIdentifiers",
        reason:
          "`clusterIdentifiers` is empty; list at least one cluster identifier (to release every cluster, delete the fleet)",
      },
    ]);
  });

  it("takes 1,000 identifiers and refuses 1,001", async () => {
    const ids = (n: number) => Array.from({ length: n }, (_, i) => `c${i}`);
    expect(MAX_FLEET_MEMBERS).toBe(1000);
    expect(await failuresFor({ clusterIdentifiers: ids(1000) })).toEqual([]);
    expect(await failuresFor({ clusterIdentifiers: ids(1001) })).toEqual([
      {
        property: "clusterIdentifiers",
        reason:
          "`clusterIdentifiers` lists 1001 clusters; one fleet holds at most 1,000: split them over several `ClusterFleetPowerState`s",
      },
    ]);
  });

  it("names each bad element by its index, with the identifier rules of ClusterPowerState", async () => {
    expect(
      await failuresFor({ clusterIdentifiers: ["ok", "1abc", "ok-2", "ab--c", "", "a\u202eb"] }),
    ).toEqual([
      {
        property: "clusterIdentifiers",
        reason: `\`clusterIdentifiers[1]\` ${IDENTIFIER_RULE}"1abc"`,
      },
      {
        property: "clusterIdentifiers",
        reason: `\`clusterIdentifiers[3]\` ${IDENTIFIER_RULE}"ab--c"`,
      },
      {
        property: "clusterIdentifiers",
        reason: "`clusterIdentifiers[4]` is empty; give a cluster identifier",
      },
      {
        property: "clusterIdentifiers",
        reason: `\`clusterIdentifiers[5]\` ${IDENTIFIER_RULE}"a\\u202Eb"`,
      },
    ]);
  });

  it("refuses an element that is not a string", async () => {
    expect(await failuresFor({ clusterIdentifiers: ["ok", 42] })).toEqual([
      {
        property: "clusterIdentifiers",
        reason: '`clusterIdentifiers[1]` must be a cluster identifier (a string); got "42"',
      },
    ]);
  });

  it("refuses duplicates case-insensitively, naming both elements", async () => {
    expect(
      await failuresFor({ clusterIdentifiers: ["dev-orders", "qa", "Dev-Orders", "qa"] }),
    ).toEqual([
      {
        property: "clusterIdentifiers",
        reason:
          '`clusterIdentifiers[2]` "Dev-Orders" repeats `clusterIdentifiers[0]` (RDS identifiers are case-insensitive); list each cluster once',
      },
      {
        property: "clusterIdentifiers",
        reason:
          '`clusterIdentifiers[3]` "qa" repeats `clusterIdentifiers[1]` (RDS identifiers are case-insensitive); list each cluster once',
      },
    ]);
  });

  it("passes an unknown list through at preview", async () => {
    expect(
      await checkFleetInputs({ ...valid(), clusterIdentifiers: UNKNOWN_VALUE }, undefined),
    ).toEqual({
      inputs: expect.objectContaining({ clusterIdentifiers: UNKNOWN_VALUE }),
      failures: [],
    });
  });

  it("passes unknown elements through, keeping the order of the list", async () => {
    const { inputs, failures } = await checkFleetInputs(
      { ...valid(), clusterIdentifiers: ["Zeta", UNKNOWN_VALUE, "alpha"] },
      undefined,
    );
    expect(failures).toEqual([]);
    expect(inputs?.clusterIdentifiers).toEqual(["zeta", UNKNOWN_VALUE, "alpha"]);
  });

  it("passes unknown settings through", async () => {
    expect(
      await failuresFor({
        state: UNKNOWN_VALUE,
        region: UNKNOWN_VALUE,
        timeoutMinutes: UNKNOWN_VALUE,
      }),
    ).toEqual([]);
  });

  it("reports every failure at once, the list first", async () => {
    expect(
      (await failuresFor({ clusterIdentifiers: ["a", "A"], state: "on" }))?.map((f) => f.property),
    ).toEqual(["clusterIdentifiers", "state"]);
  });

  it("is the provider's check, with aws:region from configure", async () => {
    await fleet.configure({
      config: {
        get: (k: string) => (k === "aws:region" ? "ap-south-1" : undefined),
        require: () => "",
      },
    });
    const { inputs } = await fleet.check({}, { clusterIdentifiers: ["b", "a"], state: "running" });
    expect(inputs).toMatchObject({ region: "ap-south-1", clusterIdentifiers: ["a", "b"] });
    await fleet.configure({ config: { get: () => undefined, require: () => "" } });
  });
});
