import * as pulumi from "@pulumi/pulumi";
import { installAwsMocks } from "../../support/awsMocks";
import {
  ClusterStopSchedule,
  type ClusterStopScheduleArgs,
} from "../../../provider/clusterStopSchedule";
import { stopScheduleErrorFor as errorFor } from "./support/stopScheduleErrorFor";

installAwsMocks();

const validArgs = (): ClusterStopScheduleArgs => ({
  clusterIdentifier: "dev-orders",
  stop: "cron(0 19 ? * MON-FRI *)",
  start: "cron(0 7 ? * MON-FRI *)",
  timezone: "Europe/Berlin",
});

describe("validation messages", () => {
  it.each<[string, Partial<ClusterStopScheduleArgs>, string, string]>([
    [
      "bad stop expression",
      { stop: "cron(0 19 * * MON-FRI *)" },
      "stop",
      "ClusterStopSchedule `nightly` for cluster `dev-orders`: `stop` schedule expression `cron(0 19 * * MON-FRI *)` is invalid: exactly one of day-of-month and day-of-week must be `?` (EventBridge cannot combine them); e.g. `cron(0 19 ? * MON-FRI *)` or `cron(0 19 1 * ? *)`",
    ],
    [
      "bad start expression",
      { start: "0 7 * * 1-5" },
      "start",
      "ClusterStopSchedule `nightly` for cluster `dev-orders`: `start` schedule expression `0 7 * * 1-5` is invalid: expected `cron(…)`, `rate(…)` or `at(…)`, e.g. `cron(0 19 ? * MON-FRI *)`, `rate(1 day)` or `at(2030-01-31T19:00:00)`",
    ],
    [
      "time zone abbreviation",
      { timezone: "CET+1" },
      "timezone",
      "ClusterStopSchedule `nightly` for cluster `dev-orders`: `timezone` `CET+1` is not an IANA time zone name; use a name such as `Europe/Berlin`, `America/New_York` or `UTC`",
    ],
    [
      "stop equal to start",
      { start: "cron(0 19 ? * 2-6 *)" },
      "start",
      "ClusterStopSchedule `nightly` for cluster `dev-orders`: `stop` and `start` are the same schedule (`cron(0 19 ? * MON-FRI *)`), so the cluster would be stopped and started at the same moment; give `start` a different time or leave it out",
    ],
    [
      "retry attempts out of range",
      { retry: { maximumRetryAttempts: 200 } },
      "retry",
      "ClusterStopSchedule `nightly` for cluster `dev-orders`: `retry.maximumRetryAttempts` is 200; EventBridge Scheduler accepts a whole number from 0 to 185",
    ],
    [
      "event age out of range",
      { retry: { maximumEventAgeInSeconds: 30 } },
      "retry",
      "ClusterStopSchedule `nightly` for cluster `dev-orders`: `retry.maximumEventAgeInSeconds` is 30; EventBridge Scheduler accepts a whole number from 60 to 86400",
    ],
    [
      "empty cluster identifier",
      { clusterIdentifier: "" },
      "clusterIdentifier",
      "ClusterStopSchedule `nightly`: `clusterIdentifier` is empty; pass the cluster's identifier, e.g. `cluster.clusterIdentifier`",
    ],
  ])("%s", (_title, change, input, message) => {
    const error = errorFor({ ...validArgs(), ...change });
    expect(error.message).toBe(message);
    expect(error.input).toBe(input);
    expect(error.resourceName).toBe("nightly");
  });

  it("refuses different stop and start expressions that fire at the same instant", () => {
    const error = errorFor({ ...validArgs(), start: "cron(0 19 ? * FRI *)" });
    expect(error.message).toMatch(
      /^ClusterStopSchedule `nightly` for cluster `dev-orders`: `stop` and `start` both fire at \d{4}-\d\d-\d\dT1[78]:00:00\.000Z, so the cluster would be stopped and started at the same moment; give `start` a different time or leave it out$/,
    );
    expect(error.input).toBe("start");
  });

  it("names the component only when the cluster is an Output", () => {
    const error = errorFor({
      ...validArgs(),
      clusterIdentifier: pulumi.output("dev-orders"),
      timezone: "+01:00",
    });
    expect(error.message).toBe(
      "ClusterStopSchedule `nightly`: `timezone` `+01:00` is not an IANA time zone name; use a name such as `Europe/Berlin`, `America/New_York` or `UTC`",
    );
    expect(error.clusterIdentifier).toBeUndefined();
  });
});

describe("the 7-day warning for stop-only schedules", () => {
  let warn: jest.SpyInstance;
  beforeEach(() => {
    warn = jest.spyOn(pulumi.log, "warn").mockImplementation(() => Promise.resolve());
  });
  afterEach(() => warn.mockRestore());

  it("warns for a monthly stop without start", () => {
    new ClusterStopSchedule("monthly", {
      ...validArgs(),
      start: undefined,
      stop: "cron(0 19 1 * ? *)",
    });
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]?.[0]).toBe(
      "ClusterStopSchedule `monthly` for cluster `dev-orders`: `stop` `cron(0 19 1 * ? *)` does not run at least once a week and there is no `start`; RDS starts a stopped cluster by itself after 7 days, so it runs (and bills) until the next stop. Stop at least weekly, e.g. `cron(0 19 ? * FRI *)`, or keep it stopped with `ClusterPowerState`.",
    );
  });

  it.each([
    ["weekly stop-only", { start: undefined, stop: "cron(0 19 ? * FRI *)" }],
    ["monthly stop with a start", { stop: "cron(0 19 1 * ? *)", start: "cron(0 7 2 * ? *)" }],
    ["daily rate stop-only", { start: undefined, stop: "rate(1 day)" }],
  ])("does not warn for %s", (_title, change) => {
    new ClusterStopSchedule(`ok-${String(_title).replace(/\W/g, "")}`, {
      ...validArgs(),
      ...change,
    });
    expect(warn).not.toHaveBeenCalled();
  });

  it("warns for a one-time stop", () => {
    new ClusterStopSchedule("once", {
      ...validArgs(),
      start: undefined,
      stop: "at(2030-01-31T19:00:00)",
    });
    expect(warn).toHaveBeenCalledTimes(1);
  });
});
