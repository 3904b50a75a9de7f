/**
 * Notifications meeting the keep-running tag and the global database step (built on separate
 * branches): the stop workflow with `notifyOn: "all"` and `STOP_REASON_PATHS`, executed by
 * aws-local-stepfunctions against the local RDS endpoint, its SNS publishes recorded. Each run
 * publishes one message, byte for byte the fixture of its outcome (`test/fixtures/notifications/`).
 */
import type { SeedCluster } from "aurora-power/emulator";
import { withNotifications } from "../../../provider/workflow/notifications";
import { STOP_OUTCOMES, STOP_REASON_PATHS } from "../../../provider/workflow/stopOutcomes";
import { stopWorkflowDefinition } from "../../../provider/workflow/stopWorkflowDefinition";
import { runLocally } from "../../../scripts/keeper/localExecution";
import { SnsRecorder } from "../../../scripts/keeper/snsRecorder";
import {
  TOPIC,
  expectedPublishes as expected,
  localEndpointPerTest,
  publishedBy,
} from "../../support/notifiedRun";

const KEY = "aurora-power:keep-running-until";
const endpoint = localEndpointPerTest();

async function runNotified(id: string, seed: SeedCluster[]) {
  const { emu, rds } = await endpoint.boot({
    stopSeconds: 0.1,
    startSeconds: 0.2,
    faultSeed: 7,
    seed,
  });
  const definition = withNotifications(stopWorkflowDefinition({ maxRunSeconds: 60 }), {
    topicArn: TOPIC,
    notifyOn: "all",
    region: "eu-west-1",
    action: "stop",
    outcomes: STOP_OUTCOMES,
    reasonPaths: STOP_REASON_PATHS,
  });
  const sns = new SnsRecorder();
  const run = await runLocally(definition, { DbClusterIdentifier: id }, rds, {
    extraTasks: sns.overridesFor(definition),
  });
  const published = publishedBy(sns);
  return { run, published, counters: await emu.admin.counters() };
}

const tagged = (value: string): SeedCluster[] => [
  { DBClusterIdentifier: "dev-orders", Tags: [{ Key: KEY, Value: value }] },
];

test("the tag names a time ahead: one `kept running` message whose reason names the tag and the time", async () => {
  const { run, published, counters } = await runNotified(
    "dev-orders",
    tagged("2099-01-01T08:00:00Z"),
  );
  expect(published).toEqual(expected("stop-kept-running"));
  expect(run.status).toBe("SUCCEEDED");
  expect(run.states.slice(-4)).toEqual([
    "Notify-KeptRunning",
    "NotifyRecorded-KeptRunning",
    "Publish-KeptRunning",
    "KeptRunning",
  ]);
  expect(counters.calls.StopDBCluster).toBe(0);
});

test.each([
  ["2026-01-01T00:00:00+01:00", "stop-stopping-override-expired"],
  ["next Monday", "stop-stopping-override-ignored"],
])(
  "the tag %p does not hold: one `stopping` message whose reason says why the tag was passed over",
  async (value, name) => {
    const { run, published, counters } = await runNotified("dev-orders", tagged(value));
    expect(published).toEqual(expected(name));
    expect(run.states.at(-1)).toBe("StopRequested");
    expect(counters.calls.StopDBCluster).toBe(1);
  },
);

test("no tag: the `stopping` message keeps its default reason", async () => {
  const { run, published } = await runNotified("dev-orders", [
    { DBClusterIdentifier: "dev-orders", Status: "available" },
  ]);
  expect(published).toEqual(expected("stop-stopping"));
  expect(run.states.slice(-3)).toEqual([
    "NotifyDefault-StopRequested",
    "Publish-StopRequested",
    "StopRequested",
  ]);
});

test("a member of a global database of two: one `failed` message with the provider's reason", async () => {
  const { run, published, counters } = await runNotified("orders-eu", [
    { DBClusterIdentifier: "orders-eu", GlobalClusterIdentifier: "orders-global" },
    {
      DBClusterIdentifier: "orders-us",
      GlobalClusterIdentifier: "orders-global",
      region: "us-east-1",
    },
  ]);
  expect(published).toEqual(expected("stop-failed-global-database"));
  expect(run).toMatchObject({ status: "FAILED", error: "AuroraPower.CannotStop" });
  expect(counters.calls.DescribeGlobalClusters).toBe(1);
  expect(counters.calls.StopDBCluster).toBe(0);
});
