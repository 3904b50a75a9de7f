import { UNKNOWN_VALUE, checkInputs } from "../../../provider/dynamic/checkInputs";

/** One valid fixture; each test changes one field. */
const valid = (): Record<string, unknown> => ({
  clusterIdentifier: "dev-orders",
  state: "stopped",
  region: "eu-west-1",
});

const IDENTIFIER_RULE =
  "`clusterIdentifier` must be 1–63 letters, digits or hyphens, start with a letter, and not end with a hyphen or contain two consecutive hyphens; got ";

function failuresFor(patch: Record<string, unknown>, defaultRegion?: string) {
  return checkInputs({ ...valid(), ...patch }, defaultRegion).failures;
}

describe("checkInputs", () => {
  it("accepts valid inputs and fills in the defaults", () => {
    expect(checkInputs(valid(), undefined)).toEqual({
      inputs: { ...valid(), onDelete: "restore", timeoutMinutes: 60 },
      failures: [],
    });
  });

  it("fills in the Region from aws:region / AWS_REGION", () => {
    const { inputs, failures } = checkInputs(
      { clusterIdentifier: "dev-orders", state: "running" },
      "us-east-2",
    );
    expect(failures).toEqual([]);
    expect(inputs).toMatchObject({ region: "us-east-2" });
  });

  it("fails when no Region is known", () => {
    expect(
      checkInputs({ clusterIdentifier: "dev-orders", state: "running" }, undefined).failures,
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
  ])("identifier %j valid: %s", (clusterIdentifier, ok) => {
    const failures = failuresFor({ clusterIdentifier });
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
  ])("refuses hostile identifier %j before any call", (clusterIdentifier) => {
    expect(failuresFor({ clusterIdentifier })).toEqual([
      {
        property: "clusterIdentifier",
        reason: IDENTIFIER_RULE + JSON.stringify(clusterIdentifier),
      },
    ]);
  });

  it("B3 regression: escapes bidi, zero-width, private-use and unassigned characters in the reason", () => {
    const clusterIdentifier = "dev\u202eorders\u200b\ue000\u{10ffff}";
    expect(failuresFor({ clusterIdentifier })).toEqual([
      {
        property: "clusterIdentifier",
        reason: `${IDENTIFIER_RULE}"dev\\u202Eorders\\u200B\\uE000\\u{10FFFF}"`,
      },
    ]);
  });

  it("cuts a very long identifier in the message", () => {
    const long = "a".repeat(10_000);
    expect(failuresFor({ clusterIdentifier: long })).toEqual([
      { property: "clusterIdentifier", reason: `${IDENTIFIER_RULE}"${"a".repeat(64)}…"` },
    ]);
  });

  it("requires the identifier", () => {
    expect(failuresFor({ clusterIdentifier: undefined })).toEqual([
      { property: "clusterIdentifier", reason: "`clusterIdentifier` is required (a string)" },
    ]);
  });

  it("refuses an unknown state", () => {
    expect(failuresFor({ state: "paused" })).toEqual([
      { property: "state", reason: '`state` must be one of "running", "stopped"; got "paused"' },
    ]);
  });

  it("requires the state", () => {
    expect(failuresFor({ state: undefined })).toEqual([
      { property: "state", reason: '`state` must be one of "running", "stopped"; got nothing' },
    ]);
  });

  it("refuses an unknown onDelete", () => {
    expect(failuresFor({ onDelete: "destroy" })).toEqual([
      {
        property: "onDelete",
        reason:
          '`onDelete` must be one of "restore", "running", "stopped", "retain"; got "destroy"',
      },
    ]);
  });

  it.each(["eu-west-1", "us-gov-west-1", "ap-southeast-5", "cn-north-1", "us-isob-east-1"])(
    "accepts region %s",
    (region) => {
      expect(failuresFor({ region })).toEqual([]);
    },
  );

  it.each(["EU-WEST-1", "eu-west", "eu west 1", "eu-west-1; rm", "https://evil/"])(
    "refuses region %j",
    (region) => {
      expect(failuresFor({ region })).toEqual([
        {
          property: "region",
          reason: `\`region\` must be an AWS Region name such as "eu-west-1"; got ${JSON.stringify(region)}`,
        },
      ]);
    },
  );

  it.each([0, -5, Number.NaN, "60", Number.POSITIVE_INFINITY])(
    "refuses timeoutMinutes %j",
    (timeoutMinutes) => {
      expect(failuresFor({ timeoutMinutes })).toEqual([
        {
          property: "timeoutMinutes",
          reason: `\`timeoutMinutes\` must be a number greater than 0; got ${JSON.stringify(typeof timeoutMinutes === "string" ? timeoutMinutes : JSON.stringify(timeoutMinutes))}`,
        },
      ]);
    },
  );

  it("accepts a fractional timeout", () => {
    expect(failuresFor({ timeoutMinutes: 0.5 })).toEqual([]);
  });

  it("refuses a malformed roleArn and profile", () => {
    expect(failuresFor({ roleArn: "arn:aws:iam::12:user/x", profile: "a b" })).toEqual([
      { property: "profile", reason: '`profile` must be a shared-config profile name; got "a b"' },
      {
        property: "roleArn",
        reason:
          '`roleArn` must be an IAM role ARN such as "arn:aws:iam::123456789012:role/name"; got "arn:aws:iam::12:user/x"',
      },
    ]);
  });

  it("lets unknown preview values through", () => {
    const news = {
      clusterIdentifier: UNKNOWN_VALUE,
      state: UNKNOWN_VALUE,
      region: UNKNOWN_VALUE,
      timeoutMinutes: UNKNOWN_VALUE,
    };
    expect(checkInputs(news, undefined)).toEqual({
      inputs: { ...news, onDelete: "restore" },
      failures: [],
    });
  });

  it("reports every bad property at once", () => {
    const failures = checkInputs(
      { clusterIdentifier: "1", state: "on", onDelete: "x", region: "x", timeoutMinutes: -1 },
      undefined,
    ).failures;
    expect(failures?.map((f) => f.property)).toEqual([
      "clusterIdentifier",
      "state",
      "onDelete",
      "region",
      "timeoutMinutes",
    ]);
  });
});
