/**
 * `pulumi up` and the keep-running tag: the declared `stopped` wins, with a warning naming the
 * cluster, the Region, the tag and its time, and how to honour it (aws-sdk-client-mock).
 */
import {
  DescribeDBClustersCommand,
  RDSClient,
  StopDBClusterCommand,
  type DBCluster,
} from "@aws-sdk/client-rds";
import * as pulumi from "@pulumi/pulumi";
import { mockClient } from "aws-sdk-client-mock";
import "aws-sdk-client-mock-jest";
import * as impl from "../../../provider/dynamic/implementation";
import { engineLog } from "../../../provider/state/engineLog";
import { INPUTS, devOrders } from "./support/devOrders";
import { resetMockedProvider } from "./support/mockedProvider";

const rds = mockClient(RDSClient);
const messages: string[] = [];
const KEY = "aurora-power:keep-running-until";

const cluster = (status: string, tags: { Key: string; Value: string }[] = []): DBCluster =>
  devOrders(status, { TagList: tags });

function describeThenStopped(first: DBCluster): void {
  rds
    .on(DescribeDBClustersCommand)
    .resolvesOnce({ DBClusters: [first] })
    .resolves({ DBClusters: [cluster("stopped")] });
  rds.on(StopDBClusterCommand).resolves({ DBCluster: cluster("stopping") });
}

const warnings = () => messages.filter((m) => m.startsWith("warning: "));

beforeEach(() => resetMockedProvider(rds, messages));

// The fake clock stands at 1970-01-01: any 2026 time is ahead, 1969 has passed.
it("a time ahead: stops as declared and warns how to honour the tag", async () => {
  describeThenStopped(cluster("available", [{ Key: KEY, Value: "2026-11-29T08:00:00Z" }]));
  await impl.create(INPUTS);
  expect(rds).toHaveReceivedCommandTimes(StopDBClusterCommand, 1);
  expect(warnings()).toEqual([
    'warning: cluster `dev-orders` (eu-west-1) carries the tag `aurora-power:keep-running-until` = "2026-11-29T08:00:00Z", a time still ahead, and `pulumi up` stops it all the same: the declared `state: "stopped"` wins, the tag only holds off the stop workflow (schedules and `ClusterKeepStopped`). To honour the tag, declare `state: "running"` until then; or remove the tag',
  ]);
});

it.each([
  ["a time passed", [{ Key: KEY, Value: "1969-12-31T08:00:00Z" }]],
  ["a value that is no time", [{ Key: KEY, Value: "next Monday" }]],
  ["another tag only", [{ Key: "team", Value: "orders" }]],
])("%s: stops without a warning", async (_label, tags) => {
  describeThenStopped(cluster("available", tags));
  await impl.create(INPUTS);
  expect(rds).toHaveReceivedCommandTimes(StopDBClusterCommand, 1);
  expect(warnings()).toEqual([]);
});

it("no warning when nothing is stopped: declared running, or already stopped", async () => {
  const tags = [{ Key: KEY, Value: "2026-11-29T08:00:00Z" }];
  rds.on(DescribeDBClustersCommand).resolves({ DBClusters: [cluster("available", tags)] });
  await impl.create({ ...INPUTS, state: "running" });
  rds.on(DescribeDBClustersCommand).resolves({ DBClusters: [cluster("stopped", tags)] });
  await impl.create(INPUTS);
  expect(rds).toHaveReceivedCommandTimes(StopDBClusterCommand, 0);
  expect(warnings()).toEqual([]);
});

it("reads the key AURORA_POWER_OVERRIDE_TAG_KEY names", async () => {
  impl.setRuntimeHooks({ env: { AURORA_POWER_OVERRIDE_TAG_KEY: "ops:hold" } });
  describeThenStopped(
    cluster("available", [
      { Key: KEY, Value: "2026-11-29T08:00:00Z" },
      { Key: "ops:hold", Value: "2026-12-01T00:00:00+01:00" },
    ]),
  );
  await impl.create(INPUTS);
  expect(warnings()).toEqual([
    expect.stringContaining(
      'carries the tag `ops:hold` = "2026-12-01T00:00:00+01:00", a time still ahead',
    ),
  ]);
});

it("update from running to stopped (no describe before the reconcile): warns before the stop", async () => {
  describeThenStopped(cluster("available", [{ Key: KEY, Value: "2026-11-29T08:00:00Z" }]));
  const olds = { ...INPUTS, state: "running", status: "available", initialState: "running" };
  await impl.update("eu-west-1/dev-orders", { ...olds, schemaVersion: 1 }, INPUTS);
  expect(rds).toHaveReceivedCommandTimes(StopDBClusterCommand, 1);
  expect(warnings()).toEqual([
    expect.stringContaining(
      'cluster `dev-orders` (eu-west-1) carries the tag `aurora-power:keep-running-until` = "2026-11-29T08:00:00Z", a time still ahead, and `pulumi up` stops it all the same',
    ),
  ]);
});

it("delete with `onDelete: stopped`: stops as `onDelete` says, without the warning", async () => {
  describeThenStopped(cluster("available", [{ Key: KEY, Value: "2026-11-29T08:00:00Z" }]));
  const olds = { ...INPUTS, onDelete: "stopped", status: "available", initialState: "running" };
  await impl.delete("eu-west-1/dev-orders", { ...olds, schemaVersion: 1 });
  expect(rds).toHaveReceivedCommandTimes(StopDBClusterCommand, 1);
  expect(warnings()).toEqual([]);
});

it("the engine's log shows it as a warning, kept (not ephemeral)", () => {
  const warn = jest.spyOn(pulumi.log, "warn").mockResolvedValue();
  try {
    engineLog.warn("cluster `dev-orders` (eu-west-1) carries the tag …");
    expect(warn.mock.calls).toEqual([["cluster `dev-orders` (eu-west-1) carries the tag …"]]);
  } finally {
    warn.mockRestore();
  }
});
