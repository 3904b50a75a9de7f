import { UNKNOWN_VALUE } from "../../../provider/aurora/unknownValue";
import * as fleet from "../../../provider/fleet/implementation";

const member = (status: string, state = status === "stopped" ? "stopped" : "running") => ({
  state,
  status,
  initialState: "running",
  clusterArn: "arn:aws:rds:eu-west-1:123456789012:cluster:x",
  engine: "aurora-postgresql",
  engineMode: "provisioned",
});

/** Stored outputs of a fleet of two, both stopped. */
const olds = (): Record<string, unknown> => ({
  clusterIdentifiers: ["dev-billing", "dev-orders"],
  state: "stopped",
  region: "eu-west-1",
  onDelete: "restore",
  timeoutMinutes: 60,
  members: { "dev-billing": member("stopped"), "dev-orders": member("stopped") },
  schemaVersion: 1,
  __provider: "exports.handler = …",
});

const news = (): Record<string, unknown> => ({
  clusterIdentifiers: ["dev-billing", "dev-orders"],
  state: "stopped",
  region: "eu-west-1",
  onDelete: "restore",
  timeoutMinutes: 60,
  __provider: "exports.handler = …",
});

/** The fleet adapter's `diff`, with `defaultRegion` as the Region of the environment. */
function diffFleetInputs(
  olds: Record<string, unknown>,
  news: Record<string, unknown>,
  defaultRegion: string | undefined,
) {
  fleet.setRuntimeHooks({ env: defaultRegion === undefined ? {} : { AWS_REGION: defaultRegion } });
  return fleet.diff("eu-west-1/fleet/x", olds, news);
}

const NO_CHANGE = { changes: false, replaces: [], deleteBeforeReplace: false };
const UPDATE = { changes: true, replaces: [], deleteBeforeReplace: false };
const REPLACE = { changes: true, replaces: ["region"], deleteBeforeReplace: true };

function withMembers(members: Record<string, unknown>): Record<string, unknown> {
  return { ...olds(), members };
}

describe("ClusterFleetPowerState diff", () => {
  it("reports no change, explicitly", async () => {
    await expect(diffFleetInputs(olds(), news(), undefined)).resolves.toEqual(NO_CHANGE);
  });

  it("never diffs __provider", async () => {
    await expect(
      diffFleetInputs(olds(), { ...news(), __provider: "other" }, undefined),
    ).resolves.toEqual(NO_CHANGE);
  });

  it("replaces, deleting first, when the Region changes", async () => {
    await expect(
      diffFleetInputs(olds(), { ...news(), region: "us-east-1" }, undefined),
    ).resolves.toEqual(REPLACE);
  });

  it("compares a missing region with the default Region", async () => {
    const next = news();
    delete next.region;
    await expect(diffFleetInputs(olds(), next, "eu-west-1")).resolves.toEqual(NO_CHANGE);
    await expect(diffFleetInputs(olds(), next, "us-east-1")).resolves.toEqual(REPLACE);
  });

  it("predicts a replacement for an unknown Region", async () => {
    await expect(
      diffFleetInputs(olds(), { ...news(), region: UNKNOWN_VALUE }, undefined),
    ).resolves.toEqual(REPLACE);
  });

  it.each([
    ["state", "running"],
    ["onDelete", "retain"],
    ["timeoutMinutes", 90],
    ["profile", "dev"],
    ["roleArn", "arn:aws:iam::123456789012:role/power"],
    ["state", UNKNOWN_VALUE],
  ])("%s change to %j is an update", async (field, value) => {
    await expect(
      diffFleetInputs(olds(), { ...news(), [field]: value }, undefined),
    ).resolves.toEqual(UPDATE);
  });

  it("treats absent defaults as the defaults (older state)", async () => {
    const old = olds();
    delete old.onDelete;
    delete old.timeoutMinutes;
    await expect(diffFleetInputs(old, news(), undefined)).resolves.toEqual(NO_CHANGE);
  });

  it.each([
    ["a member added", ["dev-billing", "dev-orders", "qa-search"]],
    ["a member removed", ["dev-orders"]],
    ["a member swapped", ["dev-billing", "qa-search"]],
  ])("%s is an update, not a replacement", async (_what, clusterIdentifiers) => {
    await expect(
      diffFleetInputs(olds(), { ...news(), clusterIdentifiers }, undefined),
    ).resolves.toEqual(UPDATE);
  });

  it("ignores the order and case of the list", async () => {
    const clusterIdentifiers = ["Dev-Orders", "dev-billing"];
    await expect(
      diffFleetInputs(olds(), { ...news(), clusterIdentifiers }, undefined),
    ).resolves.toEqual(NO_CHANGE);
  });

  it.each([
    ["the whole list", UNKNOWN_VALUE],
    ["an element", ["dev-billing", UNKNOWN_VALUE]],
  ])("counts an unknown value of %s at preview as an update", async (_what, clusterIdentifiers) => {
    await expect(
      diffFleetInputs(olds(), { ...news(), clusterIdentifiers }, undefined),
    ).resolves.toEqual(UPDATE);
  });

  it("updates when refresh saw a member drift (members.<id>.state)", async () => {
    const drifted = withMembers({
      "dev-billing": member("stopped"),
      "dev-orders": member("available"),
    });
    await expect(diffFleetInputs(drifted, news(), undefined)).resolves.toEqual(UPDATE);
  });

  it("updates when a member's status does not satisfy the state (a partial failure left it stopping)", async () => {
    const midway = withMembers({
      "dev-billing": member("stopped"),
      "dev-orders": member("stopping", "stopped"),
    });
    await expect(diffFleetInputs(midway, news(), undefined)).resolves.toEqual(UPDATE);
  });

  it("counts a running member in a busy status as holding `running`", async () => {
    const running = withMembers({
      "dev-billing": member("available"),
      "dev-orders": member("backing-up"),
    });
    await expect(
      diffFleetInputs(running, { ...news(), state: "running" }, undefined),
    ).resolves.toEqual(
      UPDATE, // the state itself changed from stopped
    );
    await expect(
      diffFleetInputs({ ...running, state: "running" }, { ...news(), state: "running" }, undefined),
    ).resolves.toEqual(NO_CHANGE);
  });

  it("updates when a listed member has no record (failed before it was reached, or gone)", async () => {
    await expect(
      diffFleetInputs(withMembers({ "dev-billing": member("stopped") }), news(), undefined),
    ).resolves.toEqual(UPDATE);
  });

  it("updates when a member no longer listed is still recorded (its removal failed)", async () => {
    const pending = withMembers({
      "dev-billing": member("stopped"),
      "dev-orders": member("stopped"),
      "qa-search": member("available"),
    });
    await expect(diffFleetInputs(pending, news(), undefined)).resolves.toEqual(UPDATE);
  });

  it("is the provider's diff", async () => {
    await expect(fleet.diff("eu-west-1/fleet/x", olds(), news())).resolves.toEqual(NO_CHANGE);
  });
});
