/**
 * `npm run bench:b5` (and the last part of `npm run bench`): B5, a fleet of 1,000 against RDS's
 * request quota (./quotaFleet), alone and beside another client. Prints the figures and the
 * acceptance targets of issue 16, and writes bench/results/b5.json. A benchmark: it fails only
 * when something breaks, never on a missed target.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { DEFAULT_RATE_LIMITER_SETTINGS } from "../provider/rds/rateLimiterSettings";
import { repoRoot } from "../scripts/harness";
import { B5_SETTINGS, runB5Scenario, type B5Operation, type B5Scenario } from "./quotaFleet";

/** Issue 16's acceptance targets for B5. */
export const B5_TARGETS = { throttledShare: 0.01, wallRatio: 1.25, peakRssMb: 250 };

function log(message: string): void {
  process.stdout.write(`[b5 ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
}

const verdict = (ok: boolean) => (ok ? "PASS" : "**MISS**");

function operationRow(s: B5Scenario, o: B5Operation): string {
  const limit = s.other ? o.limitSharedS : o.limitS;
  const share = o.requests > 0 ? o.throttled / o.requests : 0;
  const ratio = o.wallS / limit;
  return [
    s.name,
    o.operation,
    `${o.converged}/${o.clusters} ${verdict(o.converged === o.clusters)}`,
    `${o.throttled} of ${o.requests} (${(share * 100).toFixed(2)} %) ${verdict(share <= B5_TARGETS.throttledShare)}`,
    `${o.wallS} s`,
    `${o.limitS} s${s.other ? ` / ${o.limitSharedS} s` : ""}`,
    `${(o.wallS / o.limitS).toFixed(2)}${s.other ? ` / ${ratio.toFixed(2)}` : ""} ${verdict(ratio <= B5_TARGETS.wallRatio)}`,
    `${o.providerPeakRssMb ?? "?"} MB ${verdict((o.providerPeakRssMb ?? 0) <= B5_TARGETS.peakRssMb)}`,
  ].join(" | ");
}

/** The B5 table in markdown. */
export function renderB5(scenarios: B5Scenario[], clusters: number): string {
  const { burst, ratePerSecond, transitionSeconds, otherRate } = B5_SETTINGS;
  const share = DEFAULT_RATE_LIMITER_SETTINGS;
  const others = scenarios
    .filter((s) => s.other)
    .map(
      (s) =>
        `Other client (${otherRate} DescribeDBClusters/s, SDK defaults): ${s.other?.calls} calls, ${s.other?.failed} failed ${verdict(s.other?.failed === 0)}, ${s.other?.retries} SDK retries${s.other?.failures.length ? ` (${s.other.failures.join(", ")})` : ""}.`,
    );
  return [
    `B5: one \`ClusterFleetPowerState\` of ${clusters}, local endpoint in quota mode (burst ${burst}, ${ratePerSecond}/s), transitions ${transitionSeconds} s, provider knobs at their defaults (share at most ${share.ratePerSecond}/s, burst ${share.burst}; halved on a throttle, learned ceiling ¾ of the rate); ${os.cpus().length} cores, Node ${process.version}, ${new Date().toISOString().slice(0, 16)} UTC.`,
    `Limit = T + max(0, requests − ${burst}) / ${ratePerSecond} s; beside the other client also with the ${ratePerSecond - otherRate}/s it leaves (second figure, the one judged).`,
    "",
    "| scenario | operation | converged | throttled answers (≤ 1 %) | wall | limit | wall / limit (≤ 1.25) | provider peak RSS (≤ 250 MB) |",
    "|---|---|---|---|---|---|---|---|",
    ...scenarios.flatMap((s) => s.operations.map((o) => `| ${operationRow(s, o)} |`)),
    "",
    ...others,
    "",
    "Timeline, seconds from the start of each operation (first request: the engine's start-up before it; last power call: the end of the paced phase; last request: the final describe):",
    "",
    ...scenarios.flatMap((s) =>
      s.operations.map(
        (o) =>
          `- ${s.name}, ${o.operation}: first request ${o.timeline.firstRequestS} s, last power call ${o.timeline.lastPowerCallS} s, last request ${o.timeline.lastRequestS} s, wall ${o.wallS} s.`,
      ),
    ),
  ].join("\n");
}

/** Runs both scenarios, prints the table, writes the figures; resolves to them. */
export async function runB5(): Promise<B5Scenario[]> {
  const requested = Number(process.env.BENCH_B5_CLUSTERS);
  const clusters = Number.isInteger(requested) && requested > 0 ? requested : 1_000;
  const scenarios: B5Scenario[] = [];
  for (const withOther of [false, true])
    scenarios.push(await runB5Scenario(clusters, withOther, log));
  const table = renderB5(scenarios, clusters);
  const dir = path.join(repoRoot(), "bench", "results");
  fs.mkdirSync(dir, { recursive: true });
  const json = {
    generatedAt: new Date().toISOString(),
    clusters,
    settings: B5_SETTINGS,
    scenarios,
  };
  fs.writeFileSync(path.join(dir, "b5.json"), `${JSON.stringify(json, null, 2)}\n`);
  fs.writeFileSync(path.join(dir, "b5.md"), `${table}\n`);
  process.stdout.write(`\n${table}\n\nWritten to bench/results/b5.json and bench/results/b5.md\n`);
  return scenarios;
}

if (require.main === module) {
  runB5().catch((error: unknown) => {
    process.stderr.write(`B5 failed: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  });
}
