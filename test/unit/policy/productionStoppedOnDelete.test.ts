/**
 * Regression tests for issue 19, defect 1: a production cluster held running but stopped when the
 * holder lets go of it (`onDelete: "stopped"`, or `restore` to a recorded `initialState` of `stopped`).
 */
import {
  auroraProductionNeverStopped,
  DEFAULT_CLASSIFICATION,
  UNKNOWN_VALUE,
} from "aurora-power/policy";
import {
  NotApplicable,
  auroraCluster,
  fleet,
  powerState,
  runResource,
  runStack,
  runStackToEnd,
  withProps,
} from "./policyFixtures";

const PATTERN = DEFAULT_CLASSIFICATION.productionIdentifierPatterns[0] ?? "";
const NOT_PROD =
  "If the cluster is not production, tag it `Environment` with its environment or list it in `exemptClusterIdentifiers`.";
const FIX =
  'Production clusters must keep running: set `onDelete: "running"` or `onDelete: "retain"`.';
const SINGLE_WHEN = "when it is removed from the program or destroyed";
const FLEET_WHEN =
  "when it is removed from the program or destroyed, or the cluster leaves `clusterIdentifiers`";

/** `prod-orders` held running: the valid holder each test changes once. */
const holder = () => powerState("p", "prod-orders", "running");
const fleetHolder = () => fleet("f", ["dev-orders", "prod-billing"], "running");
const messages = (outcome: { violations: { message: string }[] }) =>
  outcome.violations.map((v) => v.message);

describe("aurora-production-never-stopped: ClusterPowerState `onDelete` (resource check)", () => {
  it('passes the holder as it is (`onDelete: "restore"`, nothing recorded yet)', async () => {
    expect(messages(await runResource(auroraProductionNeverStopped, holder()))).toEqual([]);
  });

  it('refuses `onDelete: "stopped"` on a production cluster, naming the resource, cluster and fix', async () => {
    const resource = withProps(holder(), { onDelete: "stopped" });
    expect(messages(await runResource(auroraProductionNeverStopped, resource))).toEqual([
      `ClusterPowerState \`p\` stops production cluster \`prod-orders\` (identifier pattern \`${PATTERN}\`) ` +
        `${SINGLE_WHEN}: \`onDelete\` is \`stopped\`. ${FIX} ${NOT_PROD}`,
    ]);
  });

  it.each(["running", "retain", "restore", undefined])(
    "passes `onDelete: %s`",
    async (onDelete) => {
      const resource = withProps(holder(), { onDelete });
      expect(messages(await runResource(auroraProductionNeverStopped, resource))).toEqual([]);
    },
  );

  it('passes `onDelete: "stopped"` on a dev cluster', async () => {
    const resource = withProps(holder(), { clusterIdentifier: "dev-orders", onDelete: "stopped" });
    expect(messages(await runResource(auroraProductionNeverStopped, resource))).toEqual([]);
  });

  it('reports both a stopped `state` and `onDelete: "stopped"`, each with its own fix', async () => {
    const resource = withProps(holder(), { state: "stopped", onDelete: "stopped" });
    const found = messages(await runResource(auroraProductionNeverStopped, resource));
    expect(found).toEqual([
      expect.stringContaining('set `state: "running"` or remove the resource'),
      expect.stringContaining(FIX),
    ]);
  });

  it('is not applicable when the cluster with `onDelete: "stopped"` is exempt', async () => {
    const resource = withProps(holder(), { onDelete: "stopped" });
    const run = runResource(auroraProductionNeverStopped, resource, {
      config: { exemptClusterIdentifiers: ["prod-orders"] },
    });
    await expect(run).rejects.toThrow(
      new NotApplicable("cluster `prod-orders` is exempt (listed in `exemptClusterIdentifiers`)"),
    );
  });
});

describe("aurora-production-never-stopped: ClusterPowerState `onDelete` (stack check)", () => {
  it('refuses `onDelete: "stopped"` on a cluster only its tags mark production, with the URN', async () => {
    const cluster = auroraCluster("billing", { tags: { Environment: "prod" } });
    const resource = withProps(powerState("p", "billing", "running"), { onDelete: "stopped" });
    const outcome = await runStack(auroraProductionNeverStopped, [cluster, resource]);
    expect(outcome.violations).toEqual([
      {
        message:
          "ClusterPowerState `p` stops production cluster `billing` (tag `Environment=prod`) " +
          `${SINGLE_WHEN}: \`onDelete\` is \`stopped\`. ${FIX} ${NOT_PROD}`,
        urn: resource.urn,
      },
    ]);
  });

  it("does not repeat what the resource check reports", async () => {
    const resource = withProps(holder(), { onDelete: "stopped" });
    expect((await runStack(auroraProductionNeverStopped, [resource])).violations).toEqual([]);
  });

  it('refuses `onDelete: "restore"` when the recorded `initialState` is `stopped`', async () => {
    const resource = withProps(holder(), { initialState: "stopped" });
    expect(messages(await runStack(auroraProductionNeverStopped, [resource]))).toEqual([
      `ClusterPowerState \`p\` stops production cluster \`prod-orders\` (identifier pattern \`${PATTERN}\`) ` +
        `${SINGLE_WHEN}: \`onDelete\` is \`restore\` and the cluster was stopped when the resource ` +
        `adopted it (\`initialState\` is \`stopped\`). ${FIX} ${NOT_PROD}`,
    ]);
  });

  it("refuses the default `onDelete` (absent) when the recorded `initialState` is `stopped`", async () => {
    const resource = withProps(holder(), { onDelete: undefined, initialState: "stopped" });
    expect(messages(await runStack(auroraProductionNeverStopped, [resource]))).toEqual([
      expect.stringContaining("`onDelete` is `restore` and the cluster was stopped"),
    ]);
  });

  it("passes `restore` when the recorded `initialState` is `running`", async () => {
    const resource = withProps(holder(), { initialState: "running" });
    expect(messages(await runStack(auroraProductionNeverStopped, [resource]))).toEqual([]);
  });

  it.each(["running", "retain"])(
    "passes `onDelete: %s` whatever `initialState` was recorded",
    async (onDelete) => {
      const resource = withProps(holder(), { onDelete, initialState: "stopped" });
      expect(messages(await runStack(auroraProductionNeverStopped, [resource]))).toEqual([]);
    },
  );

  it("allows `restore` when `initialState` is unknown (preview), without an advisory", () => {
    const resource = withProps(holder(), { initialState: UNKNOWN_VALUE });
    expect(runStackToEnd(auroraProductionNeverStopped, [resource])).toEqual({ violations: [] });
  });

  it("reports an `onDelete` unknown at preview on a production cluster as undecided", () => {
    const resource = withProps(holder(), { onDelete: UNKNOWN_VALUE });
    expect(runStackToEnd(auroraProductionNeverStopped, [resource])).toEqual({
      violations: [],
      undecided:
        "ClusterPowerState `p`: `onDelete` is unknown; the check runs again when the values are known (`pulumi up`)",
    });
  });
});

describe("aurora-production-never-stopped: ClusterFleetPowerState `onDelete`", () => {
  it('refuses `onDelete: "stopped"` for the production member only (resource check)', async () => {
    const resource = withProps(fleetHolder(), { onDelete: "stopped" });
    expect(messages(await runResource(auroraProductionNeverStopped, resource))).toEqual([
      `ClusterFleetPowerState \`f\` stops production cluster \`prod-billing\` (identifier pattern \`${PATTERN}\`) ` +
        `${FLEET_WHEN}: \`onDelete\` is \`stopped\`. ${FIX} ${NOT_PROD}`,
    ]);
  });

  it.each(["running", "retain", "restore"])("passes `onDelete: %s`", async (onDelete) => {
    const resource = withProps(fleetHolder(), { onDelete });
    expect(messages(await runResource(auroraProductionNeverStopped, resource))).toEqual([]);
  });

  it("refuses `restore` when the member's recorded `initialState` is `stopped` (stack check)", async () => {
    const members = { "prod-billing": { initialState: "stopped" }, "dev-orders": {} };
    const resource = withProps(fleetHolder(), { members });
    expect(messages(await runStack(auroraProductionNeverStopped, [resource]))).toEqual([
      `ClusterFleetPowerState \`f\` stops production cluster \`prod-billing\` (identifier pattern \`${PATTERN}\`) ` +
        `${FLEET_WHEN}: \`onDelete\` is \`restore\` and the cluster was stopped when the resource ` +
        `adopted it (\`members.prod-billing.initialState\` is \`stopped\`). ${FIX} ${NOT_PROD}`,
    ]);
  });

  it("finds the member's record by its lowercase identifier", async () => {
    const resource = withProps(fleetHolder(), {
      clusterIdentifiers: ["PROD-Billing"],
      members: { "prod-billing": { initialState: "stopped" } },
    });
    expect(messages(await runStack(auroraProductionNeverStopped, [resource]))).toEqual([
      expect.stringContaining("(`members.prod-billing.initialState` is `stopped`)"),
    ]);
  });

  it("passes `restore` when the member has no record yet (preview of a new fleet)", async () => {
    const resource = withProps(fleetHolder(), { members: undefined });
    expect(messages(await runStack(auroraProductionNeverStopped, [resource]))).toEqual([]);
  });
});
