/** `aurora-keep-running-tag-in-code`: one valid cluster, one change per test, exact messages. */
import {
  auroraKeepRunningTagInCode,
  PolicyConfigError,
  resolveConfig,
  DEFAULT_CLASSIFICATION,
} from "aurora-power/policy";
import { UNKNOWN_VALUE } from "../../../provider/aurora/unknownValue";
import { auroraCluster, runResource } from "./policyFixtures";

const KEY = "aurora-power:keep-running-until";
const tagged = (value: unknown, key = KEY) =>
  auroraCluster("dev-orders", { tags: { Environment: "dev", [key]: value } });
const run = async (
  resource: ReturnType<typeof auroraCluster>,
  config: Record<string, unknown> = {},
) =>
  (await runResource(auroraKeepRunningTagInCode, resource, { config })).violations.map(
    (v) => v.message,
  );

const base =
  "cluster `dev-orders` (resource `dev-orders`) sets the keep-running tag `aurora-power:keep-running-until` in its `tags`: an override kept in the program holds off the stop schedules and the keeper whenever it names a time ahead, and every `pulumi up` puts it back.";
const fix =
  "Remove it from `tags` and set it when needed, with an expiry, from the console or the CLI: `aws rds add-tags-to-resource --resource-name <cluster ARN> --tags Key=aurora-power:keep-running-until,Value=2026-11-29T08:00:00Z`.";

describe("aurora-keep-running-tag-in-code", () => {
  it("is advisory and quiet on a cluster without the tag", async () => {
    expect(auroraKeepRunningTagInCode.enforcementLevel).toBe("advisory");
    expect(await run(auroraCluster("dev-orders"))).toEqual([]);
  });

  it("a time ahead: holds off every stop until then", async () => {
    expect(await run(tagged("2999-01-01T00:00:00Z"))).toEqual([
      `${base} Its value 2999-01-01T00:00:00Z holds off every stop until then, and stays in the program after that. ${fix}`,
    ]);
  });

  it("a time passed: ignored by the workflow", async () => {
    expect(await run(tagged("2001-01-01T00:00:00+02:00"))).toEqual([
      `${base} Its value 2001-01-01T00:00:00+02:00 has passed: the stop workflow ignores it (it stops the cluster and records the expiry). ${fix}`,
    ]);
  });

  it("a value that is no time: ignored by the workflow", async () => {
    expect(await run(tagged("forever"))).toEqual([
      `${base} Its value \`forever\` is not a time with an offset (RFC 3339, e.g. 2026-11-29T08:00:00Z): the stop workflow ignores it. ${fix}`,
    ]);
  });

  it("a value unknown at preview", async () => {
    expect(await run(tagged(UNKNOWN_VALUE))).toEqual([
      `${base} Its value is not known before \`pulumi up\`. ${fix}`,
    ]);
  });

  it("reads the configured overrideTagKey, and only that key", async () => {
    expect(await run(tagged("forever"), { overrideTagKey: "ops:hold" })).toEqual([]);
    const [message] = await run(tagged("forever", "ops:hold"), { overrideTagKey: "ops:hold" });
    expect(message).toContain("sets the keep-running tag `ops:hold` in its `tags`");
    expect(message).toContain("--tags Key=ops:hold,Value=2026-11-29T08:00:00Z");
  });

  it("refuses an overrideTagKey RDS would not accept", () => {
    expect(() => resolveConfig(DEFAULT_CLASSIFICATION, { overrideTagKey: "aws:hold" })).toThrow(
      PolicyConfigError,
    );
    expect(() => resolveConfig(DEFAULT_CLASSIFICATION, { overrideTagKey: "aws:hold" })).toThrow(
      'invalid aurora-power policy configuration: `overrideTagKey` is not an RDS tag key: "aws:hold". Correct it in the policy pack configuration (`--policy-pack-config`); the rules cannot run until then.',
    );
  });

  it("leaves an exempt cluster alone", async () => {
    const exempt = auroraCluster("dev-orders", {
      tags: { [KEY]: "2999-01-01T00:00:00Z", "aurora-power:exempt": "load test" },
    });
    await expect(run(exempt)).rejects.toThrow("cluster is exempt");
  });
});
