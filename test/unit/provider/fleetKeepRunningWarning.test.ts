/**
 * `ClusterFleetPowerState` and the keep-running tag: a member whose tag names a time still ahead
 * is stopped as declared, with the same warning a `ClusterPowerState` gives, naming that member
 * only; on create (adoption) and on an update that changes the fleet to `stopped`.
 */
import { StopDBClusterCommand } from "@aws-sdk/client-rds";
import * as fleet from "../../../provider/fleet/implementation";
import { inputs, useFleetTestbed } from "./support/fleetFixtures";

const bed = useFleetTestbed();
const KEY = "aurora-power:keep-running-until";
// The fake clock stands at 1970-01-01: any 2026 time is ahead.
const AHEAD = [{ Key: KEY, Value: "2026-11-29T08:00:00Z" }];
const WARNING =
  'cluster `dev-orders` (eu-west-1) carries the tag `aurora-power:keep-running-until` = "2026-11-29T08:00:00Z", a time still ahead, and `pulumi up` stops it all the same: the declared `state: "stopped"` wins, the tag only holds off the stop workflow (schedules and `ClusterKeepStopped`). To honour the tag, declare `state: "running"` until then; or remove the tag';

it("create: the tagged member is stopped with the warning; its untagged peer without", async () => {
  bed.aws.seed(["dev-orders"], "available", { TagList: AHEAD });
  bed.aws.seed(["dev-billing"], "available", { TagList: [{ Key: "team", Value: "billing" }] });
  await fleet.create(inputs("dev-billing", "dev-orders"));
  expect(bed.aws.calls(StopDBClusterCommand).sort()).toEqual(["dev-billing", "dev-orders"]);
  expect(bed.warnings).toEqual([WARNING]);
});

it("update from running to stopped: the tagged member is stopped with the warning", async () => {
  bed.aws.seed(["dev-orders"], "available", { TagList: AHEAD });
  const running = { ...inputs("dev-orders"), state: "running" };
  const created = await fleet.create(running);
  expect(bed.warnings).toEqual([]);
  await fleet.update("eu-west-1/fleet/x", created.outs!, inputs("dev-orders"));
  expect(bed.aws.calls(StopDBClusterCommand)).toEqual(["dev-orders"]);
  expect(bed.warnings).toEqual([WARNING]);
});
