#!/usr/bin/env node
/**
 * `aurora-power-emulator`: runs the local RDS endpoint until SIGINT/SIGTERM. The first stdout line is
 * `listening on http://HOST:PORT`, so scripts can wait for it and read the URL; the second is
 * `fault seed N`, the seed to pass back (`--fault-seed N`) to replay the run's injected faults.
 */
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { startEmulator } from "./startEmulator";
import type { EmulatorOptions, SeedCluster } from "./types";
import { FAULT_SEED_ENV, parseFaultSeed } from "./faultSeed";
import { isInRange, outOfRangeMessage, PORT_RANGE, SETTING_RANGES } from "./settingRanges";

const USAGE = `Usage: aurora-power-emulator [options]
  --host ADDR                   interface to bind (default 127.0.0.1, loopback only)
  --port N                      TCP port, 0-65535 (default 0: any free port)
  --seed FILE                   JSON array of clusters to create at start
  --create-seconds N            duration of \`creating\` after CreateDBCluster (default 1)
  --stop-seconds N              duration of \`stopping\` (default 5)
  --start-seconds N             duration of \`starting\` (default 5)
  --backing-up-seconds N        duration of \`backing-up\` after a start (default 0: skipped)
  --instance-settle-seconds N   instances unavailable after a start (default 0)
  --auto-restart-seconds N      automatic restart of a stopped cluster (default 604800)
  --throttle-rate R             share of requests answered \`Throttling\` (0-1, default 0)
  --error-rate R                share of requests answered \`InternalFailure\` (0-1, default 0)
  --latency-ms N                delay added to every RDS answer, 0-2147483647 (default 0)
  --fault-seed N                seed of the fault draws, 0-4294967295 (default $${FAULT_SEED_ENV},
                                else random; printed at start to replay a run)
  --stale-read-seconds N        describes show the pre-call status this long after a stop/start
                                (default 0: always current)
  --quota                       quota mode: one token bucket for the endpoint, as RDS's
                                per account and Region; an empty bucket answers \`Throttling\`
  --quota-burst N               bucket capacity, 1-1000000 requests (default 300, as RDS)
  --quota-rate-per-second R     bucket refill, 0-1000000 requests/s (default 12, as RDS)
  --help                        show this text
Durations are seconds from 0 to 2147483.647 (Node's timer range, 2^31-1 ms).`;

// Flag name → EmulatorConfig key, for every numeric flag.
const NUMERIC_FLAGS = {
  "create-seconds": "createSeconds",
  "stop-seconds": "stopSeconds",
  "start-seconds": "startSeconds",
  "backing-up-seconds": "backingUpSeconds",
  "instance-settle-seconds": "instanceSettleSeconds",
  "auto-restart-seconds": "autoRestartSeconds",
  "throttle-rate": "throttleRate",
  "error-rate": "errorRate",
  "latency-ms": "latencyMs",
  "stale-read-seconds": "staleReadSeconds",
  "quota-burst": "quotaBurst",
  "quota-rate-per-second": "quotaRatePerSecond",
  port: "port",
} as const;

/** Turns command-line arguments into emulator options; throws with a usage hint on bad input. */
export function parseCliArgs(args: string[]): { help: boolean; options: EmulatorOptions } {
  const names = [...Object.keys(NUMERIC_FLAGS), "host", "seed", "fault-seed"];
  const stringFlags: Record<string, { type: "string" }> = Object.fromEntries(
    names.map((name) => [name, { type: "string" as const }]),
  );
  const { values } = parseArgs({
    args,
    options: { ...stringFlags, help: { type: "boolean" }, quota: { type: "boolean" } },
    strict: true,
    allowPositionals: false,
  }) as { values: Record<string, string | boolean | undefined> };
  const options: EmulatorOptions = {};
  for (const [flag, key] of Object.entries(NUMERIC_FLAGS)) {
    const raw = values[flag];
    if (typeof raw !== "string") continue;
    const value = Number(raw);
    const range = key === "port" ? PORT_RANGE : SETTING_RANGES[key];
    if (raw.trim() === "" || !isInRange(value, range))
      throw new Error(outOfRangeMessage(`\`--${flag}\``, `\`${raw}\``, range));
    options[key] = value;
  }
  if (values.quota === true) options.quotaMode = true;
  if (typeof values.host === "string") options.host = values.host;
  if (typeof values.seed === "string") options.seed = readSeedFile(values.seed);
  const faultSeed = values["fault-seed"];
  if (typeof faultSeed === "string")
    options.faultSeed = parseFaultSeed(faultSeed, "`--fault-seed`");
  return { help: values.help === true, options };
}

function readSeedFile(path: string): SeedCluster[] {
  const parsed: unknown = JSON.parse(readFileSync(path, "utf8"));
  if (!Array.isArray(parsed))
    throw new Error(`\`--seed\` file ${path} must hold a JSON array of clusters`);
  return parsed as SeedCluster[];
}

async function main(): Promise<void> {
  let parsed: ReturnType<typeof parseCliArgs>;
  try {
    parsed = parseCliArgs(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`aurora-power-emulator: ${(error as Error).message}\n${USAGE}\n`);
    process.exit(2);
  }
  if (parsed.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const emulator = await startEmulator(parsed.options);
  const shutdown = () => {
    emulator.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  // Install the handlers before announcing the URL: a supervisor may signal as soon as it reads it.
  process.once("SIGINT", shutdown);
  process.once("SIGTERM", shutdown);
  process.stdout.write(`listening on ${emulator.url}\nfault seed ${String(emulator.faultSeed)}\n`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`aurora-power-emulator: ${String(error)}\n`);
    process.exit(1);
  });
}
