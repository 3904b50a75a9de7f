/**
 * The stop workflow with notifications, executed by aws-local-stepfunctions against the local RDS
 * endpoint, its SNS publishes recorded (`scripts/keeper/snsRecorder.ts`): one message per run,
 * byte for byte the fixture of its outcome (`test/fixtures/notifications/`), and the run ending
 * exactly as without notifications.
 */
import type { SeedCluster } from "aurora-power/emulator";
import { withNotifications, type NotifyOn } from "../../../provider/workflow/notifications";
import { STOP_OUTCOMES } from "../../../provider/workflow/stopOutcomes";
import { stopWorkflowDefinition } from "../../../provider/workflow/stopWorkflowDefinition";
import { keepStoppedEventPattern } from "../../../provider/workflow/keepStoppedEventPattern";
import { EventBridgeHarness } from "../../../scripts/keeper/eventBridgeHarness";
import { runLocally } from "../../../scripts/keeper/localExecution";
import { SnsRecorder } from "../../../scripts/keeper/snsRecorder";
import {
  TOPIC,
  expectedPublishes as expected,
  localEndpointPerTest,
  notificationFixture as fixture,
  publishedBy,
} from "../../support/notifiedRun";

const endpoint = localEndpointPerTest();

/** Boots the endpoint with `seed`, runs the notifying workflow once on `id`. */
async function runNotified(
  id: string,
  seed: SeedCluster[],
  options: { notifyOn?: NotifyOn; refuseFirst?: number; endpoint?: { throttleRate?: number } } = {},
) {
  const { notifyOn = "all", refuseFirst = 0, endpoint: endpointOptions = {} } = options;
  const { emu, rds } = await endpoint.boot({
    stopSeconds: 0.1,
    startSeconds: 0.2,
    faultSeed: 7,
    seed,
    ...endpointOptions,
  });
  const definition = withNotifications(stopWorkflowDefinition({ maxRunSeconds: 60 }), {
    topicArn: TOPIC,
    notifyOn,
    region: "eu-west-1",
    action: "stop",
    outcomes: STOP_OUTCOMES,
  });
  const sns = new SnsRecorder(refuseFirst);
  const extraTasks = sns.overridesFor(definition);
  const run = await runLocally(definition, { DbClusterIdentifier: id }, rds, { extraTasks });
  const published = publishedBy(sns);
  return { run, published, sns, counters: await emu.admin.counters() };
}

test("stop of an available cluster: one `stopping` message, then StopRequested", async () => {
  const { run, published, counters } = await runNotified("dev-orders", [
    { DBClusterIdentifier: "dev-orders", Status: "available" },
  ]);
  expect(published).toEqual(expected("stop-stopping"));
  expect(run).toMatchObject({ status: "SUCCEEDED" });
  expect(run.states.slice(-3)).toEqual([
    "Notify-StopRequested",
    "Publish-StopRequested",
    "StopRequested",
  ]);
  expect(counters.calls.StopDBCluster).toBe(1);
});

test("an already stopped cluster: one `already stopped` message and no StopDBCluster", async () => {
  const { run, published, counters } = await runNotified("dev-orders", [
    { DBClusterIdentifier: "dev-orders", Status: "stopped" },
  ]);
  expect(published).toEqual(expected("stop-already-stopped"));
  expect(run.status).toBe("SUCCEEDED");
  expect(run.states.at(-1)).toBe("StopNotNeeded");
  expect(counters.calls.StopDBCluster).toBe(0);
});

test("a cluster that does not exist: one `gone` message", async () => {
  const { run, published } = await runNotified("dev-removed", []);
  expect(published).toEqual(expected("stop-gone"));
  expect(run.status).toBe("SUCCEEDED");
  expect(run.states.at(-1)).toBe("ClusterGone");
});

test("a cluster RDS cannot stop: a `failed` message with the refusal, and the run fails as before", async () => {
  const { run, published, counters } = await runNotified(
    "legacy-v1",
    [{ DBClusterIdentifier: "legacy-v1", EngineMode: "serverless" }],
    { notifyOn: "failures" },
  );
  expect(published).toEqual(expected("stop-failed-cannot-stop"));
  const { message } = fixture("stop-failed-cannot-stop");
  expect(run).toMatchObject({
    status: "FAILED",
    error: "AuroraPower.CannotStop",
    cause: message.reason,
  });
  expect(counters.calls.StopDBCluster).toBe(0);
});

test("throttling on every call: after the first call and 8 retries, a `failed` message; Error and Cause kept", async () => {
  const { run, published, counters } = await runNotified(
    "dev-orders",
    [{ DBClusterIdentifier: "dev-orders", Status: "available" }],
    { notifyOn: "failures", endpoint: { throttleRate: 1 } },
  );
  expect(published).toEqual(expected("stop-failed-throttled"));
  expect(run).toMatchObject({
    status: "FAILED",
    error: "Rds.RdsException",
    cause: "Rate exceeded",
  });
  expect(run.calls.map((c) => c.error)).toEqual(Array(9).fill("Rds.RdsException"));
  expect(counters.errorsInjected.Throttling).toBe(9);
});

test("notifyOn failures: a successful run publishes nothing", async () => {
  const { run, published } = await runNotified(
    "dev-orders",
    [{ DBClusterIdentifier: "dev-orders", Status: "stopped" }],
    { notifyOn: "failures" },
  );
  expect(run.status).toBe("SUCCEEDED");
  expect(published).toEqual([]);
});

test("SNS refusing every publish: the run still ends as it would have", async () => {
  const { run, published, sns } = await runNotified(
    "legacy-v1",
    [{ DBClusterIdentifier: "legacy-v1", EngineMode: "serverless" }],
    { refuseFirst: 100 },
  );
  expect(published).toEqual([]);
  // Four attempts with the Subject (one and three retries), four without.
  expect(sns.attempts).toBe(8);
  expect(run).toMatchObject({ status: "FAILED", error: "AuroraPower.CannotStop" });
  expect(run.states.slice(-3)).toEqual([
    "Publish-Failed",
    "PublishWithoutSubject-Failed",
    "Failed",
  ]);
});

test("a 63-character identifier: the Subject would be too long, so the message goes without one", async () => {
  const id = `dev-${"x".repeat(59)}`;
  const { run, published } = await runNotified(id, [
    { DBClusterIdentifier: id, Status: "stopped" },
  ]);
  expect(run.status).toBe("SUCCEEDED");
  expect(published).toEqual([
    {
      topicArn: TOPIC,
      subject: undefined,
      message: JSON.stringify({
        ...fixture("stop-already-stopped").message,
        cluster: id,
      }),
    },
  ]);
});

test("the keeper's path: RDS's automatic start → EventBridge → the notifying workflow → one `stopping` message", async () => {
  const { emu, rds: client } = await endpoint.boot({
    stopSeconds: 0.1,
    startSeconds: 0.2,
    faultSeed: 7,
    seed: [{ DBClusterIdentifier: "dev-orders", Status: "stopped" }],
  });
  const definition = withNotifications(stopWorkflowDefinition({ maxRunSeconds: 60 }), {
    topicArn: TOPIC,
    notifyOn: "all",
    region: "eu-west-1",
    action: "stop",
    outcomes: STOP_OUTCOMES,
  });
  const sns = new SnsRecorder();
  const extraTasks = sns.overridesFor(definition);
  const harness = new EventBridgeHarness(emu.admin, [
    {
      pattern: keepStoppedEventPattern(["dev-orders"]),
      target: (event) =>
        runLocally(definition, { DbClusterIdentifier: event.detail.SourceIdentifier }, client, {
          extraTasks,
        }),
    },
  ]);
  harness.start();
  await emu.admin.triggerAutoRestart("dev-orders");
  while (harness.deliveries.length === 0) await new Promise((r) => setTimeout(r, 10));
  const run = (await harness.deliveries[0]) as Awaited<ReturnType<typeof runLocally>>;
  await harness.stop();
  expect(run.status).toBe("SUCCEEDED");
  expect(run.states.at(-1)).toBe("StopRequested");
  expect(publishedBy(sns)).toEqual(expected("stop-stopping"));
});
