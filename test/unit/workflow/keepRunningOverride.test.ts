/**
 * The keep-running override in the stop workflow: for every kind of tag value, the real
 * interpreter decides as `overrideDecision` (provider/aurora) and records the reason it words.
 */
import { overrideReason } from "../../../provider/aurora/keepRunningMessages";
import {
  KEEP_RUNNING_TAG_KEY,
  overrideDecision,
  parseKeepRunningUntil,
} from "../../../provider/aurora/keepRunningOverride";
import { stopWorkflowDefinition } from "../../../provider/workflow/stopWorkflowDefinition";
import { runWithFakeRds } from "./fakeRds";

// asl-validator 4 ships no type declarations; its CommonJS export is the validating function.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const aslValidator = require("asl-validator") as (definition: unknown) => { isValid: boolean };

const definition = stopWorkflowDefinition();
const dayMs = 24 * 3600 * 1000;
const inOneDay = new Date(Date.now() + dayMs).toISOString();
const oneDayAgo = new Date(Date.now() - dayMs).toISOString();
/** A time a day ahead, written in +02:00 (`2026-11-29T10:00:00+02:00`). */
const aheadWithOffset = new Date(Date.now() + dayMs + 2 * 3600 * 1000)
  .toISOString()
  .replace(/\.\d+Z$/, "+02:00");

const available = (tags: { Key: string; Value: string }[]) => ({
  Status: "available",
  TagList: tags,
});

test("the default key is documented and the definition stays valid with another key", () => {
  expect(KEEP_RUNNING_TAG_KEY).toBe("aurora-power:keep-running-until");
  expect(aslValidator(stopWorkflowDefinition({ overrideTagKey: "team/keep until" })).isValid).toBe(
    true,
  );
  expect(() => stopWorkflowDefinition({ overrideTagKey: "aws:keep" })).toThrow(
    '`overrideTagKey` "aws:keep" is not an RDS tag key: use 1 to 128 letters, digits, spaces and `_ . : / = + - @`, not starting with `aws:` or `rds:`',
  );
});

test.each([
  ["a time ahead", inOneDay],
  ["a time ahead with an offset", aheadWithOffset],
  ["a time passed", oneDayAgo],
  ["no offset", "2026-11-29T08:00:00"],
  ["lowercase t and z", inOneDay.toLowerCase()],
  ["a space for T", inOneDay.replace("T", " ")],
  ["words", "until Monday"],
  ["empty", ""],
])("%s: the workflow decides as overrideDecision", async (_label, value) => {
  const outcome = overrideDecision(value, new Date());
  const run = await runWithFakeRds(definition, [
    available([
      { Key: "team", Value: "orders" },
      { Key: KEEP_RUNNING_TAG_KEY, Value: value },
    ]),
  ]);
  expect(run).toMatchObject({
    status: "SUCCEEDED",
    stops: outcome === "kept-running" ? 0 : 1,
    output: {
      Override: {
        Outcome: outcome,
        Reason: overrideReason(outcome, "dev-orders", KEEP_RUNNING_TAG_KEY, value),
      },
    },
  });
});

test("the reasons, word for word", () => {
  expect(
    overrideReason("kept-running", "dev-orders", KEEP_RUNNING_TAG_KEY, "2026-11-29T08:00:00Z"),
  ).toBe(
    "cluster `dev-orders` left running: its tag `aurora-power:keep-running-until` keeps it running until 2026-11-29T08:00:00Z; remove the tag to let the stop go ahead (the next stop after that time stops it)",
  );
  expect(overrideReason("expired", "dev-orders", "k", "2026-11-20T08:00:00Z")).toBe(
    "cluster `dev-orders` stopped: its tag `k` kept it running until 2026-11-20T08:00:00Z, which has passed; remove the tag",
  );
  expect(overrideReason("ignored", "dev-orders", "k", "tomorrow")).toBe(
    "cluster `dev-orders` stopped: its tag `k` has the value `tomorrow`, which is not a time with an offset (RFC 3339, e.g. 2026-11-29T08:00:00Z), so it was ignored; fix or remove the tag",
  );
  expect(parseKeepRunningUntil("2026-11-29T10:00:00+02:00")?.toISOString()).toBe(
    "2026-11-29T08:00:00.000Z",
  );
});

test("no tags, or other tags only: stopped, nothing recorded", async () => {
  for (const tags of [[], [{ Key: "team", Value: "orders" }]]) {
    const run = await runWithFakeRds(definition, [available(tags)]);
    expect(run).toMatchObject({ status: "SUCCEEDED", stops: 1 });
    expect(run.output).not.toHaveProperty("Override");
  }
});

test("a configured key is read, the default one then ignored", async () => {
  const custom = stopWorkflowDefinition({ overrideTagKey: "ops:hold" });
  const run = await runWithFakeRds(custom, [
    available([
      { Key: KEEP_RUNNING_TAG_KEY, Value: inOneDay },
      { Key: "ops:hold", Value: oneDayAgo },
    ]),
  ]);
  expect(run).toMatchObject({ stops: 1, output: { Override: { Outcome: "expired" } } });
});

test("the override is read only when the plan stops: a busy cluster waits first", async () => {
  const tags = [{ Key: KEEP_RUNNING_TAG_KEY, Value: inOneDay }];
  const run = await runWithFakeRds(definition, [
    { Status: "starting", TagList: tags },
    available(tags),
  ]);
  expect(run).toMatchObject({
    status: "SUCCEEDED",
    describes: 2,
    stops: 0,
    output: { Override: { Outcome: "kept-running" } },
  });
});
