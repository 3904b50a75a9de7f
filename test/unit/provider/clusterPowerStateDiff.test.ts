import { UNKNOWN_VALUE } from "../../../provider/aurora/unknownValue";
import * as impl from "../../../provider/dynamic/implementation";

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

/** The adapter's `diff`, with `defaultRegion` as the Region of the environment (AWS_REGION). */
function diffInputs(
  olds: Record<string, unknown>,
  news: Record<string, unknown>,
  defaultRegion: string | undefined,
) {
  impl.setRuntimeHooks({ env: defaultRegion === undefined ? {} : { AWS_REGION: defaultRegion } });
  return impl.diff("eu-west-1/dev-orders", olds, news);
}

const NO_CHANGE = { changes: false, replaces: [], deleteBeforeReplace: false };
const UPDATE = { changes: true, replaces: [], deleteBeforeReplace: false };

describe("ClusterPowerState diff", () => {
  it("reports no change, explicitly", async () => {
    await expect(diffInputs(olds(), news(), undefined)).resolves.toEqual(NO_CHANGE);
  });

  it("ignores outputs other than the recorded status, and __provider", async () => {
    const other = { engine: "aurora-mysql", clusterArn: "arn:other", __provider: "other" };
    await expect(diffInputs({ ...olds(), ...other }, news(), undefined)).resolves.toEqual(
      NO_CHANGE,
    );
  });

  // Issue 19, defect 2: a single resource followed its inputs only, so a refresh that saw a status
  // which is neither running nor stopped led to "unchanged" and no StartDBCluster.
  it.each([
    ["running", "inaccessible-encryption-credentials-recoverable"],
    ["stopped", "storage-full"],
    ["stopped", "available"],
    ["running", "stopping"],
  ])("updates when the recorded status does not hold `%s` (%s)", async (state, status) => {
    await expect(
      diffInputs({ ...olds(), state, status }, { ...news(), state }, undefined),
    ).resolves.toEqual(UPDATE);
  });

  it.each([
    ["state", "running"],
    ["onDelete", "retain"],
    ["timeoutMinutes", 90],
    ["profile", "dev"],
    ["roleArn", "arn:aws:iam::123456789012:role/power"],
  ])("%s change is an update", async (field, value) => {
    await expect(diffInputs(olds(), { ...news(), [field]: value }, undefined)).resolves.toEqual(
      UPDATE,
    );
  });

  it.each([
    ["clusterIdentifier", "prod-orders"],
    ["region", "us-east-1"],
  ])("%s change replaces, deleting first", async (field, value) => {
    await expect(diffInputs(olds(), { ...news(), [field]: value }, undefined)).resolves.toEqual({
      changes: true,
      replaces: [field],
      deleteBeforeReplace: true,
    });
  });

  it("treats identifiers case-insensitively (RDS stores them lowercase)", async () => {
    await expect(
      diffInputs(olds(), { ...news(), clusterIdentifier: "Dev-Orders" }, undefined),
    ).resolves.toEqual(NO_CHANGE);
  });

  it("treats absent defaults as the defaults (older state)", async () => {
    const old = olds();
    delete old.onDelete;
    delete old.timeoutMinutes;
    await expect(diffInputs(old, news(), undefined)).resolves.toEqual(NO_CHANGE);
  });

  it("compares a missing region with the default Region", async () => {
    const next = news();
    delete next.region;
    await expect(diffInputs(olds(), next, "eu-west-1")).resolves.toEqual(NO_CHANGE);
    await expect(diffInputs(olds(), next, "us-east-1")).resolves.toEqual({
      changes: true,
      replaces: ["region"],
      deleteBeforeReplace: true,
    });
  });

  it("shows drift seen by refresh as an update", async () => {
    await expect(
      diffInputs({ ...olds(), state: "running", status: "available" }, news(), undefined),
    ).resolves.toEqual(UPDATE);
  });

  it("predicts a replacement for an unknown identifier at preview", async () => {
    await expect(
      diffInputs(olds(), { ...news(), clusterIdentifier: UNKNOWN_VALUE }, undefined),
    ).resolves.toEqual({
      changes: true,
      replaces: ["clusterIdentifier"],
      deleteBeforeReplace: true,
    });
  });

  it("predicts an update for an unknown state at preview", async () => {
    await expect(
      diffInputs(olds(), { ...news(), state: UNKNOWN_VALUE }, undefined),
    ).resolves.toEqual(UPDATE);
  });

  it("ignores the format fields of the stored state (schemaVersion, writtenBy)", async () => {
    await expect(diffInputs({ ...olds(), writtenBy: "0.0.1" }, news(), undefined)).resolves.toEqual(
      NO_CHANGE,
    );
  });
});
