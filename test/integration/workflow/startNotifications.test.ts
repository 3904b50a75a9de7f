/**
 * The start workflow with notifications (what a `ClusterStopSchedule` with `start` and
 * `notifications` deploys), executed locally against the local RDS endpoint: StartDBCluster only
 * when the cluster is stopped, and one message per run, byte for byte its fixture.
 */
import { StopDBClusterCommand, type RDSClient } from "@aws-sdk/client-rds";
import type { SeedCluster } from "aurora-power/emulator";
import { withNotifications } from "../../../provider/workflow/notifications";
import { START_OUTCOMES } from "../../../provider/workflow/startOutcomes";
import { startWorkflowDefinition } from "../../../provider/workflow/startWorkflowDefinition";
import { runLocally } from "../../../scripts/keeper/localExecution";
import { localStartTasks } from "../../../scripts/keeper/localStartTask";
import { SnsRecorder } from "../../../scripts/keeper/snsRecorder";
import {
  TOPIC,
  expectedPublishes as expected,
  localEndpointPerTest,
  publishedBy,
} from "../../support/notifiedRun";

const endpoint = localEndpointPerTest();

async function runStart(
  id: string,
  seed: SeedCluster[],
  options: { stopSeconds?: number; before?: (client: RDSClient) => Promise<unknown> } = {},
) {
  const stopSeconds = options.stopSeconds ?? 0.1;
  const { emu, rds } = await endpoint.boot({ stopSeconds, startSeconds: 0.2, faultSeed: 7, seed });
  await options.before?.(rds);
  const definition = withNotifications(startWorkflowDefinition({ maxRunSeconds: 60 }), {
    topicArn: TOPIC,
    notifyOn: "all",
    region: "eu-west-1",
    action: "start",
    outcomes: START_OUTCOMES,
  });
  const sns = new SnsRecorder();
  const recorded = sns.overridesFor(definition);
  const start = localStartTasks(rds);
  const extraTasks = {
    taskResourceLocalHandlers: {
      ...recorded.taskResourceLocalHandlers,
      ...start.taskResourceLocalHandlers,
    },
    retryIntervalOverrides: { ...recorded.retryIntervalOverrides, ...start.retryIntervalOverrides },
    waitTimeOverrides: start.waitTimeOverrides,
  };
  const run = await runLocally(definition, { DbClusterIdentifier: id }, rds, { extraTasks });
  const published = publishedBy(sns);
  return { run, published, counters: await emu.admin.counters() };
}

test("a stopped cluster: StartDBCluster once, one `starting` message", async () => {
  const { run, published, counters } = await runStart("dev-orders", [
    { DBClusterIdentifier: "dev-orders", Status: "stopped" },
  ]);
  expect(published).toEqual(expected("start-starting"));
  expect(run.status).toBe("SUCCEEDED");
  expect(run.states.at(-1)).toBe("StartRequested");
  expect(counters.calls.StartDBCluster).toBe(1);
  expect((await endpoint.current().emu.admin.getCluster("dev-orders"))?.Status).not.toBe("stopped");
});

test("an available cluster: no StartDBCluster, one `already running` message", async () => {
  const { run, published, counters } = await runStart("dev-orders", [
    { DBClusterIdentifier: "dev-orders", Status: "available" },
  ]);
  expect(published).toEqual(expected("start-already-running"));
  expect(run.states.at(-1)).toBe("StartNotNeeded");
  expect(counters.calls.StartDBCluster).toBe(0);
});

test("a cluster still stopping: waits, then starts it once it is stopped", async () => {
  const stopFirst = (client: RDSClient) =>
    client.send(new StopDBClusterCommand({ DBClusterIdentifier: "dev-orders" }));
  const { run, published, counters } = await runStart(
    "dev-orders",
    [{ DBClusterIdentifier: "dev-orders", Status: "available" }],
    { stopSeconds: 3, before: stopFirst },
  );
  expect(published).toEqual(expected("start-starting"));
  expect(run.states).toContain("WaitAndDescribe");
  expect(run.states.at(-1)).toBe("StartRequested");
  expect(counters.calls).toMatchObject({ StopDBCluster: 1, StartDBCluster: 1 });
  const events = await endpoint.current().emu.admin.events();
  expect(events.filter((e) => e.to === "starting").map((e) => e.from)).toEqual(["stopped"]);
});

test("a cluster in `failed`: a `failed` message with the reason, and no StartDBCluster", async () => {
  const { run, published, counters } = await runStart("dev-orders", [
    { DBClusterIdentifier: "dev-orders", Status: "failed" },
  ]);
  expect(published).toEqual(expected("start-failed-status"));
  expect(run).toMatchObject({ status: "FAILED", error: "AuroraPower.StatusNeedsOperator" });
  expect(counters.calls.StartDBCluster).toBe(0);
});

test("a cluster that does not exist: one `gone` message", async () => {
  const { run, published, counters } = await runStart("dev-removed", []);
  expect(published).toEqual(expected("start-gone"));
  expect(run.states.at(-1)).toBe("ClusterGone");
  expect(counters.calls.StartDBCluster).toBe(0);
});
