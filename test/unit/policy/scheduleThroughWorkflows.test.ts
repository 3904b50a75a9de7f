/**
 * A `ClusterStopSchedule` as `pulumi up` declares it by default: the stop schedule starts the stop
 * workflow (`stopThrough` left out), and with `notifications` the start schedule(s) start the
 * start workflow, so no schedule of the stack has an RDS universal target. The pack must judge its
 * stop and start as those of the same schedule calling StopDBCluster / StartDBCluster directly.
 */
import type { PolicyResource } from "@pulumi/policy";
import {
  auroraCluster,
  policyResource,
  powerState,
  schedule,
  stopScheduleComponent,
} from "./policyFixtures";
import { judgedByPack as judged } from "./judgedByPack";

const MACHINE = "arn:aws:states:eu-west-1:123456789012:stateMachine:";

/**
 * A cluster and its `ClusterStopSchedule`: `through` "direct" calls RDS from the schedules,
 * "workflows" starts the stop workflow and the start workflow (a `notifications` schedule), as
 * the component creates them (state machines, their children, linked by their `arn` output).
 */
function scheduledCluster(
  cluster: string,
  through: "direct" | "workflows" | "stop workflow",
  options: { start?: boolean; stop?: string } = {},
): PolicyResource[] {
  const { start = true, stop = "cron(0 19 ? * MON-FRI *)" } = options;
  const name = `${cluster}-hours`;
  const component = stopScheduleComponent(name, {
    clusterIdentifier: cluster,
    stop,
    ...(start ? { start: "cron(0 7 ? * MON-FRI *)" } : {}),
    timezone: "Europe/Berlin",
    enabled: true,
  });
  const machine = (suffix: string) =>
    policyResource(
      "aws:sfn/stateMachine:StateMachine",
      `${name}-${suffix}`,
      { type: "STANDARD", arn: `${MACHINE}${name}-${suffix}` },
      { parent: component },
    );
  const stopMachine = machine("workflow");
  const startMachine = machine("start-workflow");
  const viaWorkflow = (action: "stop" | "start", target: PolicyResource, expression?: string) => {
    const direct = schedule(`${name}-${action}`, cluster, action, {}, { parent: component });
    if (through === "direct" || (through === "stop workflow" && action === "start")) return direct;
    return policyResource(
      direct.type,
      direct.name,
      {
        ...direct.props,
        ...(expression ? { scheduleExpression: expression } : {}),
        target: {
          ...(direct.props.target as object),
          arn: target.props.arn,
        },
      },
      { parent: component, propertyDependencies: { target: [target] } },
    );
  };
  const stopSchedule = viaWorkflow("stop", stopMachine, stop);
  if (through === "direct")
    (stopSchedule.props as Record<string, unknown>).scheduleExpression = stop;
  return [
    auroraCluster(cluster),
    component,
    ...(through === "direct" ? [] : [stopMachine]),
    ...(through === "workflows" && start ? [startMachine] : []),
    stopSchedule,
    ...(start ? [viaWorkflow("start", startMachine)] : []),
  ];
}

const SHAPES = ["workflows", "stop workflow"] as const;

describe.each(SHAPES)("a ClusterStopSchedule through %s", (through) => {
  it("a dev cluster stopped and started through the workflows passes, as with direct targets", async () => {
    expect(await judged(scheduledCluster("dev-orders", "direct"))).toEqual([]);
    expect(await judged(scheduledCluster("dev-orders", through))).toEqual([]);
  });

  it("a production cluster: the same one report as with direct targets", async () => {
    const direct = await judged(scheduledCluster("prod-billing", "direct"));
    expect(direct).toEqual([
      expect.stringMatching(
        /^ClusterStopSchedule `prod-billing-hours` stops production cluster `prod-billing` /,
      ),
    ]);
    expect(await judged(scheduledCluster("prod-billing", through))).toEqual(direct);
  });

  it("a monthly stop-only schedule through the stop workflow is reported as stop-only", async () => {
    const options = { start: false, stop: "cron(0 19 1 * ? *)" };
    const direct = await judged(scheduledCluster("dev-orders", "direct", options));
    expect(direct).toHaveLength(1);
    expect(await judged(scheduledCluster("dev-orders", through, options))).toEqual(direct);
  });

  it("the same stop and start time through the workflows collide, as with direct targets", async () => {
    const options = { stop: "cron(0 7 ? * MON-FRI *)" };
    const direct = await judged(scheduledCluster("dev-orders", "direct", options));
    expect(direct.length).toBeGreaterThan(0);
    expect(await judged(scheduledCluster("dev-orders", through, options))).toEqual(direct);
  });

  it("a cluster held stopped, whose schedule starts it through the start workflow: as direct", async () => {
    const pause = powerState("pause", "dev-orders");
    const direct = await judged([...scheduledCluster("dev-orders", "direct"), pause]);
    expect(await judged([...scheduledCluster("dev-orders", through), pause])).toEqual(direct);
  });
});

describe("a standalone monthly stop-only schedule and a ClusterStopSchedule that starts the cluster", () => {
  const monthlyStop = () =>
    schedule("orders-monthly-stop", "dev-orders", "stop", {
      scheduleExpression: "cron(0 19 1 * ? *)",
    });

  it.each(["direct", "stop workflow", "workflows"] as const)(
    "its start through %s counts as a start of the cluster",
    async (through) => {
      expect(await judged([...scheduledCluster("dev-orders", through), monthlyStop()])).toEqual([]);
    },
  );
});
