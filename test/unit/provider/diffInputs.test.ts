import { UNKNOWN_VALUE } from "../../../provider/dynamic/checkInputs";
import { diffInputs } from "../../../provider/dynamic/diffInputs";

/** Stored outputs of a resource created with the defaults. */
const olds = (): Record<string, unknown> => ({
  clusterIdentifier: "dev-orders",
  state: "stopped",
  region: "eu-west-1",
  onDelete: "restore",
  timeoutMinutes: 60,
  status: "stopped",
  initialState: "running",
  clusterArn: "arn:aws:rds:eu-west-1:123456789012:cluster:dev-orders",
  engine: "aurora-postgresql",
  engineMode: "provisioned",
  schemaVersion: 1,
  __provider: "exports.handler = …",
});

const news = (): Record<string, unknown> => ({
  clusterIdentifier: "dev-orders",
  state: "stopped",
  region: "eu-west-1",
  onDelete: "restore",
  timeoutMinutes: 60,
  __provider: "exports.handler = …",
});

const NO_CHANGE = { changes: false, replaces: [], deleteBeforeReplace: false };
const UPDATE = { changes: true, replaces: [], deleteBeforeReplace: false };

describe("diffInputs", () => {
  it("reports no change, explicitly", () => {
    expect(diffInputs(olds(), news(), undefined)).toEqual(NO_CHANGE);
  });

  it("ignores outputs and __provider", () => {
    expect(
      diffInputs({ ...olds(), status: "available", __provider: "other" }, news(), undefined),
    ).toEqual(NO_CHANGE);
  });

  it.each([
    ["state", "running"],
    ["onDelete", "retain"],
    ["timeoutMinutes", 90],
    ["profile", "dev"],
    ["roleArn", "arn:aws:iam::123456789012:role/power"],
  ])("%s change is an update", (field, value) => {
    expect(diffInputs(olds(), { ...news(), [field]: value }, undefined)).toEqual(UPDATE);
  });

  it.each([
    ["clusterIdentifier", "prod-orders"],
    ["region", "us-east-1"],
  ])("%s change replaces, deleting first", (field, value) => {
    expect(diffInputs(olds(), { ...news(), [field]: value }, undefined)).toEqual({
      changes: true,
      replaces: [field],
      deleteBeforeReplace: true,
    });
  });

  it("treats identifiers case-insensitively (RDS stores them lowercase)", () => {
    expect(diffInputs(olds(), { ...news(), clusterIdentifier: "Dev-Orders" }, undefined)).toEqual(
      NO_CHANGE,
    );
  });

  it("treats absent defaults as the defaults (older state)", () => {
    const old = olds();
    delete old.onDelete;
    delete old.timeoutMinutes;
    expect(diffInputs(old, news(), undefined)).toEqual(NO_CHANGE);
  });

  it("compares a missing region with the default Region", () => {
    const next = news();
    delete next.region;
    expect(diffInputs(olds(), next, "eu-west-1")).toEqual(NO_CHANGE);
    expect(diffInputs(olds(), next, "us-east-1")).toEqual({
      changes: true,
      replaces: ["region"],
      deleteBeforeReplace: true,
    });
  });

  it("shows drift seen by refresh as an update", () => {
    expect(
      diffInputs({ ...olds(), state: "running", status: "available" }, news(), undefined),
    ).toEqual(UPDATE);
  });

  it("predicts a replacement for an unknown identifier at preview", () => {
    expect(diffInputs(olds(), { ...news(), clusterIdentifier: UNKNOWN_VALUE }, undefined)).toEqual({
      changes: true,
      replaces: ["clusterIdentifier"],
      deleteBeforeReplace: true,
    });
  });

  it("predicts an update for an unknown state at preview", () => {
    expect(diffInputs(olds(), { ...news(), state: UNKNOWN_VALUE }, undefined)).toEqual(UPDATE);
  });
});
