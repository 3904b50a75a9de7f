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

const SETTINGS = { runs: 20, settleSeconds: 1, pollMs: 250, stopSeconds: 0.5, concurrency: 4 };

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
    `Keeper: ${SETTINGS.runs} automatic starts per set, instances settle ${SETTINGS.settleSeconds} s, poll ${SETTINGS.pollMs} ms, stop ${SETTINGS.stopSeconds} s, ${SETTINGS.concurrency} at a time`,
    "",
    "| throttling | p50 | p95 | max | bound S + poll + stop | p95 within | succeeded | stops on a busy cluster |",
    "|---|---|---|---|---|---|---|---|",
    ...results.map(row),
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
