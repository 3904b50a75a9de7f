import { startEmulator, type RunningEmulator } from "aurora-power/emulator";
import { impl, pointProviderAt } from "./testbed";

/** Identifiers that must never reach an RDS call: each names what it tries to smuggle. */
export const HOSTILE_IDENTIFIERS: [string, string][] = [
  ["double quote", 'dev"orders'],
  ["single quote", "dev'orders"],
  ["XML markup", "dev<orders/>"],
  ["XML entity", "dev&amp;orders"],
  ["CDATA end", "dev]]>orders"],
  ["query injection", "dev&Action=DeleteDBCluster"],
  ["query assignment", "dev=orders"],
  ["percent-encoding", "dev%26orders"],
  ["path traversal", "../../etc/passwd"],
  ["slash", "dev/orders"],
  ["backslash", "dev\\orders"],
  ["unicode letter", "dév-orders"],
  ["CJK", "集群"],
  ["right-to-left override", "dev\u202eorders"],
  ["zero-width space", "dev\u200borders"],
  ["NUL byte", "dev\u0000orders"],
  ["newline (log forging)", "dev\nINFO forged line"],
  ["whitespace", "dev orders"],
  ["leading digit", "1dev"],
  ["trailing hyphen", "dev-"],
  ["double hyphen", "dev--orders"],
  ["64 characters", `a${"b".repeat(63)}`],
  ["100,000 characters", "a".repeat(100_000)],
  ["empty", ""],
];

/** Other inputs a hostile or careless program may pass. */
const HOSTILE_OTHERS: [string, Record<string, unknown>][] = [
  ["state", { state: 'stopped"; rm -rf /' }],
  ["state", { state: "STOPPED" }],
  ["onDelete", { onDelete: "<restore/>" }],
  ["region", { region: "eu-west-1/../../x" }],
  ["region", { region: "eu-west-1.evil.example" }],
  ["profile", { profile: "default]\n[evil" }],
  ["roleArn", { roleArn: 'arn:aws:iam::123456789012:role/x"}' }],
  ["timeoutMinutes", { timeoutMinutes: -1 }],
  ["timeoutMinutes", { timeoutMinutes: Number.POSITIVE_INFINITY }],
  ["timeoutMinutes", { timeoutMinutes: "60" }],
];

let emulator: RunningEmulator;

beforeAll(async () => {
  emulator = await startEmulator({ seed: [{ DBClusterIdentifier: "dev-orders" }] });
  pointProviderAt(emulator.url);
  await emulator.admin.resetCounters();
});
afterAll(() => emulator.stop());

async function totalCalls(): Promise<number> {
  const { calls } = await emulator.admin.counters();
  return Object.values(calls).reduce((sum, n) => sum + n, 0);
}

describe("hostile input is refused by check() before any RDS call", () => {
  it.each(HOSTILE_IDENTIFIERS)("`clusterIdentifier` with %s", async (_what, clusterIdentifier) => {
    const result = await impl.check(
      {},
      { clusterIdentifier, state: "stopped", __provider: "shim" },
    );
    expect(result.failures).toHaveLength(1);
    const [failure] = result.failures ?? [];
    expect(failure?.property).toBe("clusterIdentifier");
    expect(failure?.reason).toMatch(
      /^`clusterIdentifier` (must be 1–63 letters, digits or hyphens|is required)/,
    );
    // The reason quotes the value JSON-escaped and cut: no raw newline, NUL or 100 kB in the engine's output.
    expect(failure?.reason.length).toBeLessThan(400);
    for (const raw of ["\n", "\u0000", "\u202e"]) expect(failure?.reason).not.toContain(raw);
  });

  it.each(HOSTILE_OTHERS)("`%s` = %j", async (property, extra) => {
    const result = await impl.check(
      {},
      { clusterIdentifier: "dev-orders", state: "stopped", ...extra, __provider: "shim" },
    );
    expect(result.failures?.map((f) => f.property)).toEqual([property]);
    expect(result.failures?.[0]?.reason).toMatch(new RegExp(`^\`${property}\` must be`));
  });

  it("none of the refusals made an RDS call, and a valid identifier still passes", async () => {
    expect(await totalCalls()).toBe(0);
    const valid = await impl.check(
      {},
      { clusterIdentifier: `a${"b".repeat(62)}`, state: "running", __provider: "shim" },
    );
    expect(valid.failures).toEqual([]);
    expect(await totalCalls()).toBe(0);
  });
});
