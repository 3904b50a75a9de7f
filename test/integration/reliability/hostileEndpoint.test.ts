import { ClusterPowerError } from "../../../provider/errors";
import {
  HOSTILE_MODES,
  startHostileServer,
  type HostileMode,
  type HostileServer,
} from "../../support/hostileServer";
import { checkedInputs, impl, pointProviderAt, settleWithin } from "./testbed";

// Each create gets 0.05 min (3 s): the error must come within that limit, plus the SDK's last
// attempt in flight, never as a hang and never as a crash of the process.
const TIMEOUT_MINUTES = 0.05;
const SLACK_MS = 3_000;
const GUARD_MS = TIMEOUT_MINUTES * 60_000 + SLACK_MS + 5_000;

let server: HostileServer;

beforeAll(async () => {
  server = await startHostileServer();
});
// A fresh provider runtime (RDS client and poller) per test, as in a new provider process, so a
// hang in one scenario cannot hold up the next one.
beforeEach(() => {
  pointProviderAt(server.url);
});
afterAll(() => server.stop());

describe("the provider against a hostile RDS endpoint", () => {
  it.each(HOSTILE_MODES.map((mode) => [mode]))(
    "`%s` answers end in a clear error within `timeoutMinutes`",
    async (mode: HostileMode) => {
      const inputs = await checkedInputs(mode, { timeoutMinutes: TIMEOUT_MINUTES });
      const settled = await settleWithin(impl.create(inputs), GUARD_MS);

      expect(settled.outcome).toBe("rejected");
      if (settled.outcome !== "rejected") return;
      expect(settled.ms).toBeLessThan(TIMEOUT_MINUTES * 60_000 + SLACK_MS);
      expect(settled.error).toBeInstanceOf(ClusterPowerError);
      // Names the cluster and where to look; short even when the answer was 16 MiB.
      expect(settled.error.message).toMatch(new RegExp(`^cluster \`${mode}\` \\(eu-west-1\\)`));
      expect(settled.error.message).toMatch(/`pulumi up`|`clusterIdentifier`/);
      expect(settled.error.message.length).toBeLessThan(1_000);
      expect(server.requests[mode]).toBeGreaterThan(0);
    },
  );

  // Regression guard: a 200 that is not an RDS answer (a captive portal, a wrong endpoint) must not
  // read as "the cluster is gone", or `pulumi refresh` drops every resource from the stack.
  it.each([["html"], ["empty"]])(
    "a refresh against `%s` 200 answers fails instead of dropping the resource",
    async (mode) => {
      const inputs = await checkedInputs(mode, { timeoutMinutes: TIMEOUT_MINUTES });
      const settled = await settleWithin(
        impl.read(`eu-west-1/${mode}`, { ...inputs, status: "stopped" }),
        GUARD_MS,
      );
      expect(settled).toMatchObject({ outcome: "rejected" });
      if (settled.outcome === "rejected")
        expect(settled.error.message).toMatch(
          new RegExp(`^cluster \`${mode}\` \\(eu-west-1\\): DescribeDBClusters failed: `),
        );
    },
  );

  it("a refresh against a silent endpoint ends within `timeoutMinutes` too", async () => {
    const inputs = await checkedInputs("silent", { timeoutMinutes: TIMEOUT_MINUTES });
    const settled = await settleWithin(
      impl.read("eu-west-1/silent", { ...inputs, status: "stopped" }),
      GUARD_MS,
    );
    expect(settled.outcome).toBe("rejected");
    if (settled.outcome === "rejected")
      expect(settled.error.message).toMatch(
        /^cluster `silent` \(eu-west-1\): DescribeDBClusters failed: /,
      );
  });
});
