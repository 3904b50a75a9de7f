import { UNKNOWN_VALUE } from "../../../provider/dynamic/checkInputs";
import { diffFleetInputs } from "../../../provider/fleet/diffFleetInputs";
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

const NO_CHANGE = { changes: false, replaces: [], deleteBeforeReplace: false };
const UPDATE = { changes: true, replaces: [], deleteBeforeReplace: false };
const REPLACE = { changes: true, replaces: ["region"], deleteBeforeReplace: true };

function withMembers(members: Record<string, unknown>): Record<string, unknown> {
  return { ...olds(), members };
}

describe("diffFleetInputs", () => {
  it("reports no change, explicitly", () => {
    expect(diffFleetInputs(olds(), news(), undefined)).toEqual(NO_CHANGE);
  });

  it("never diffs __provider", () => {
    expect(diffFleetInputs(olds(), { ...news(), __provider: "other" }, undefined)).toEqual(
      NO_CHANGE,
    );
  });

  it("replaces, deleting first, when the Region changes", () => {
    expect(diffFleetInputs(olds(), { ...news(), region: "us-east-1" }, undefined)).toEqual(REPLACE);
  });

  it("compares a missing region with the default Region", () => {
    const next = news();
    delete next.region;
    expect(diffFleetInputs(olds(), next, "eu-west-1")).toEqual(NO_CHANGE);
    expect(diffFleetInputs(olds(), next, "us-east-1")).toEqual(REPLACE);
  });

  it("predicts a replacement for an unknown Region", () => {
    expect(diffFleetInputs(olds(), { ...news(), region: UNKNOWN_VALUE }, undefined)).toEqual(
      REPLACE,
    );
  });

  it.each([
    ["state", "running"],
    ["onDelete", "retain"],
    ["timeoutMinutes", 90],
    ["profile", "dev"],
    ["roleArn", "arn:aws:iam::123456789012:role/power"],
    ["state", UNKNOWN_VALUE],
  ])("%s change to %j is an update", (field, value) => {
    expect(diffFleetInputs(olds(), { ...news(), [field]: value }, undefined)).toEqual(UPDATE);
  });

  it("treats absent defaults as the defaults (older state)", () => {
    const old = olds();
    delete old.onDelete;
    delete old.timeoutMinutes;
    expect(diffFleetInputs(old, news(), undefined)).toEqual(NO_CHANGE);
  });

  it.each([
    ["a member added", ["dev-billing", "dev-orders", "qa-search"]],
    ["a member removed", ["dev-orders"]],
    ["a member swapped", ["dev-billing", "qa-search"]],
  ])("%s is an update, not a replacement", (_what, clusterIdentifiers) => {
    expect(diffFleetInputs(olds(), { ...news(), clusterIdentifiers }, undefined)).toEqual(UPDATE);
  });

  it("ignores the order and case of the list", () => {
    const clusterIdentifiers = ["Dev-Orders", "dev-billing"];
    expect(diffFleetInputs(olds(), { ...news(), clusterIdentifiers }, undefined)).toEqual(
      NO_CHANGE,
    );
  });

  it.each([
    ["the whole list", UNKNOWN_VALUE],
    ["an element", ["dev-billing", UNKNOWN_VALUE]],
  ])("counts an unknown value of %s at preview as an update", (_what, clusterIdentifiers) => {
    expect(diffFleetInputs(olds(), { ...news(), clusterIdentifiers }, undefined)).toEqual(UPDATE);
  });

  it("updates when refresh saw a member drift (members.<id>.state)", () => {
    const drifted = withMembers({
      "dev-billing": member("stopped"),
      "dev-orders": member("available"),
    });
    expect(diffFleetInputs(drifted, news(), undefined)).toEqual(UPDATE);
  });

  it("updates when a member's status does not satisfy the state (a partial failure left it stopping)", () => {
    const midway = withMembers({
      "dev-billing": member("stopped"),
      "dev-orders": member("stopping", "stopped"),
    });
    expect(diffFleetInputs(midway, news(), undefined)).toEqual(UPDATE);
  });

  it("counts a running member in a busy status as holding `running`", () => {
    const running = withMembers({
      "dev-billing": member("available"),
      "dev-orders": member("backing-up"),
    });
    expect(diffFleetInputs(running, { ...news(), state: "running" }, undefined)).toEqual(
      UPDATE, // the state itself changed from stopped
    );
    expect(
      diffFleetInputs({ ...running, state: "running" }, { ...news(), state: "running" }, undefined),
    ).toEqual(NO_CHANGE);
  });

  it("updates when a listed member has no record (failed before it was reached, or gone)", () => {
    expect(
      diffFleetInputs(withMembers({ "dev-billing": member("stopped") }), news(), undefined),
    ).toEqual(UPDATE);
  });

  it("updates when a member no longer listed is still recorded (its removal failed)", () => {
    const pending = withMembers({
      "dev-billing": member("stopped"),
      "dev-orders": member("stopped"),
      "qa-search": member("available"),
    });
    expect(diffFleetInputs(pending, news(), undefined)).toEqual(UPDATE);
  });

  it("is the provider's diff", async () => {
    await expect(fleet.diff("eu-west-1/fleet/x", olds(), news())).resolves.toEqual(NO_CHANGE);
  });
});
