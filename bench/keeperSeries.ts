/**
 * `npm run bench:keeper` (and the last part of `npm run bench`): the stop workflow of
 * `ClusterKeepStopped`, run locally, after accelerated automatic starts — 20 runs without faults
 * and 20 with 30 % throttling (issue 15's acceptance). Prints a table and writes
 * bench/results/keeper.json. Speed is measured here, never asserted by a test.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { repoRoot } from "../scripts/harness";
import { benchStopWorkflow, type BenchResult } from "./stopWorkflowBench";

// One workflow second lasts 1000/30 ms: the default 30 s poll interval takes 1 s. The earlier
// scale (250 ms per 30 s poll, 1/120) made the fixed cost of an attempt — two SDK calls over HTTP
// and a dozen interpreter steps: 46 ms at the median, up to 146 ms on a loaded machine (measured
// with bench/keeperBreakdown.ts), in AWS a few hundred ms — 20–60 % of a poll interval, where in
// AWS it is 1–2 % of 30 s; the bound S + poll + stop then measured the local interpreter more than
// the workflow. At 1/30 the same cost is 5–15 % of a poll, and a set of 20 takes about 20 s. The ratios are AWS's: 30 s poll, the definition's own
// backoff (5 s doubling to 28 s) and retries (1 s doubling, full jitter, capped at the poll), and
// the instances settling a minute after `available`.
const SETTINGS = {
  runs: 20,
  msPerSecond: 1000 / 30,
  settleSeconds: 60,
  pollSeconds: 30,
  startSeconds: 6,
  stopSeconds: 30,
  concurrency: 4,
};
const ms = (seconds: number) => Math.round(seconds * SETTINGS.msPerSecond);

function row(r: BenchResult): string {
  const within = r.p95Ms <= r.boundMs ? "yes" : `no (+${Math.round(r.p95Ms - r.boundMs)} ms)`;
  return `| ${r.throttleRate * 100} % | ${r.p50Ms} ms | ${r.p95Ms} ms | ${r.maxMs} ms | ${r.boundMs} ms | ${within} | ${r.succeeded}/${r.runs} | ${r.stopCallsOnBusyCluster} |`;
}

/** Runs both sets, prints the table, writes the figures; resolves to them. */
export async function runKeeperSeries(): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  for (const throttleRate of [0, 0.3])
    results.push(await benchStopWorkflow({ ...SETTINGS, throttleRate }));
  const table = [
    `Keeper: ${SETTINGS.runs} automatic starts per set, ${SETTINGS.concurrency} at a time; one workflow second lasts ${SETTINGS.msPerSecond.toFixed(1)} ms: instances settle ${SETTINGS.settleSeconds} s (${ms(SETTINGS.settleSeconds)} ms), poll ${SETTINGS.pollSeconds} s (${ms(SETTINGS.pollSeconds)} ms), stop ${SETTINGS.stopSeconds} s (${ms(SETTINGS.stopSeconds)} ms)`,
    "",
    "| throttling | p50 | p95 | max | bound S + poll + stop | p95 within | succeeded | stops on a busy cluster |",
    "|---|---|---|---|---|---|---|---|",
    ...results.map(row),
    "",
    "Where the time goes (ms): first describe after the restart (p95), gap from the settle to the accepted stop (p50 / p95), refused-stop cycle (p50 / max), stop (p95), SDK call (p50 / p95), retried calls",
    "",
    ...results.map((r) => `| ${r.throttleRate * 100} % | ${JSON.stringify(r.breakdown)} |`),
  ].join("\n");
  const dir = path.join(repoRoot(), "bench", "results");
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, "keeper.json"), `${JSON.stringify(results, null, 2)}\n`);
  process.stdout.write(`\n${table}\n\nWritten to bench/results/keeper.json\n`);
  return results;
}

if (require.main === module) {
  runKeeperSeries().catch((error: unknown) => {
    process.stderr.write(`keeper bench failed: ${String(error)}\n`);
    process.exit(1);
  });
}
