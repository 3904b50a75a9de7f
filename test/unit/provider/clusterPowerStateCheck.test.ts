import { UNKNOWN_VALUE } from "../../../provider/aurora/unknownValue";
import * as impl from "../../../provider/dynamic/implementation";

/** The adapter's `check`, with `defaultRegion` as the Region of the environment (AWS_REGION). */
function checkInputs(news: Record<string, unknown>, defaultRegion: string | undefined) {
  impl.setRuntimeHooks({ env: defaultRegion === undefined ? {} : { AWS_REGION: defaultRegion } });
  return impl.check({}, news);
}

/** One valid fixture; each test changes one field. */
const valid = (): Record<string, unknown> => ({
  clusterIdentifier: "dev-orders",
  state: "stopped",
  region: "eu-west-1",
});

const IDENTIFIER_RULE =
  "`clusterIdentifier` must be 1–63 letters, digits or hyphens, start with a letter, and not end with a hyphen or contain two consecutive hyphens; got ";

async function failuresFor(patch: Record<string, unknown>, defaultRegion?: string) {
  return (await checkInputs({ ...valid(), ...patch }, defaultRegion)).failures;
}

describe("ClusterPowerState check", () => {
  it("accepts valid inputs and fills in the defaults", async () => {
    expect(await checkInputs(valid(), undefined)).toEqual({
      inputs: { ...valid(), onDelete: "restore", timeoutMinutes: 60 },
      failures: [],
    });
  });

  it("fills in the Region from aws:region / AWS_REGION", async () => {
    const { inputs, failures } = await checkInputs(
      { clusterIdentifier: "dev-orders", state: "running" },
      "us-east-2",
    );
    expect(failures).toEqual([]);
    expect(inputs).toMatchObject({ region: "us-east-2" });
  });

  it("fails when no Region is known", async () => {
    expect(
      (await checkInputs({ clusterIdentifier: "dev-orders", state: "running" }, undefined))
        .failures,
    ).toEqual([
      {
        property: "region",
        reason:
          "no AWS Region: set `region`, the stack's `aws:region` config, or AWS_REGION in the environment of `pulumi`",
      },
    ]);
  });

  it.each([
    ["a", true],
    ["A1-b2-c3", true],
    ["x".repeat(63), true],
    ["x".repeat(64), false],
    ["1abc", false],
    ["-abc", false],
    ["abc-", false],
    ["ab--c", false],
    ["ab_c", false],
    ["", false],
  ])("identifier %j valid: %s", async (clusterIdentifier, ok) => {
    const failures = await failuresFor({ clusterIdentifier });
    expect(failures?.length).toBe(ok ? 0 : 1);
  });

  it.each([
    `dev"; DROP`,
    "a'b",
    "a<b>&c",
    "a&Action=DeleteDBCluster",
    "a/../b",
    "ä-cluster",
    "a\nb",
    "a%20b",
  ])("refuses hostile identifier %j before any call", async (clusterIdentifier) => {
    expect(await failuresFor({ clusterIdentifier })).toEqual([
      {
        property: "clusterIdentifier",
        reason: IDENTIFIER_RULE + JSON.stringify(clusterIdentifier),
      },
    ]);
  });

  it("B3 regression: escapes bidi, zero-width, private-use and unassigned characters in the reason", async () => {
    const clusterIdentifier = "dev\u202eorders\u200b\ue000\u{10ffff}";
    expect(await failuresFor({ clusterIdentifier })).toEqual([
      {
        property: "clusterIdentifier",
        reason: `${IDENTIFIER_RULE}"dev\\u202Eorders\\u200B\\uE000\\u{10FFFF}"`,
      },
    ]);
  });

  it("cuts a very long identifier in the message", async () => {
    const long = "a".repeat(10_000);
    expect(await failuresFor({ clusterIdentifier: long })).toEqual([
      { property: "clusterIdentifier", reason: `${IDENTIFIER_RULE}"${"a".repeat(64)}…"` },
    ]);
  });

  it("requires the identifier", async () => {
    expect(await failuresFor({ clusterIdentifier: undefined })).toEqual([
      { property: "clusterIdentifier", reason: "`clusterIdentifier` is required (a string)" },
    ]);
  });

  it("refuses an unknown state", async () => {
    expect(await failuresFor({ state: "paused" })).toEqual([
      { property: "state", reason: '`state` must be one of "running", "stopped"; got "paused"' },
    ]);
  });

  it("requires the state", async () => {
    expect(await failuresFor({ state: undefined })).toEqual([
      { property: "state", reason: '`state` must be one of "running", "stopped"; got nothing' },
    ]);
  });

  it("refuses an unknown onDelete", async () => {
    expect(await failuresFor({ onDelete: "destroy" })).toEqual([
      {
        property: "onDelete",
        reason:
          '`onDelete` must be one of "restore", "running", "stopped", "retain"; got "destroy"',
      },
    ]);
  });

  it.each(["eu-west-1", "us-gov-west-1", "ap-southeast-5", "cn-north-1", "us-isob-east-1"])(
    "accepts region %s",
    async (region) => {
      expect(await failuresFor({ region })).toEqual([]);
    },
  );

  it.each(["EU-WEST-1", "eu-west", "eu west 1", "eu-west-1; rm", "https://evil/"])(
    "refuses region %j",
    async (region) => {
      expect(await failuresFor({ region })).toEqual([
        {
          property: "region",
          reason: `\`region\` must be an AWS Region name such as "eu-west-1"; got ${JSON.stringify(region)}`,
        },
      ]);
    },
  );

  it.each([0, -5, Number.NaN, "60", Number.POSITIVE_INFINITY])(
    "refuses timeoutMinutes %j",
    async (timeoutMinutes) => {
      expect(await failuresFor({ timeoutMinutes })).toEqual([
        {
          property: "timeoutMinutes",
          reason: `\`timeoutMinutes\` must be a number greater than 0; got ${JSON.stringify(typeof timeoutMinutes === "string" ? timeoutMinutes : JSON.stringify(timeoutMinutes))}`,
        },
      ]);
    },
  );

  it("accepts a fractional timeout", async () => {
    expect(await failuresFor({ timeoutMinutes: 0.5 })).toEqual([]);
  });

  it("refuses a malformed roleArn and profile", async () => {
    expect(await failuresFor({ roleArn: "arn:aws:iam::12:user/x", profile: "a b" })).toEqual([
      { property: "profile", reason: '`profile` must be a shared-config profile name; got "a b"' },
      {
        property: "roleArn",
        reason:
          '`roleArn` must be an IAM role ARN such as "arn:aws:iam::123456789012:role/name"; got "arn:aws:iam::12:user/x"',
      },
    ]);
  });

  it("lets unknown preview values through", async () => {
    const news = {
      clusterIdentifier: UNKNOWN_VALUE,
      state: UNKNOWN_VALUE,
      region: UNKNOWN_VALUE,
      timeoutMinutes: UNKNOWN_VALUE,
    };
    expect(await checkInputs(news, undefined)).toEqual({
      inputs: { ...news, onDelete: "restore" },
      failures: [],
    });
  });

  it("reports every bad property at once", async () => {
    const { failures } = await checkInputs(
      { clusterIdentifier: "1", state: "on", onDelete: "x", region: "x", timeoutMinutes: -1 },
      undefined,
    );
    expect(failures?.map((f) => f.property)).toEqual([
      "clusterIdentifier",
      "state",
      "onDelete",
      "region",
      "timeoutMinutes",
    ]);
  });
});
