/**
 * Load benchmark of the local RDS endpoint: 1,000 DescribeDBClusters sent at once through the real
 * `@aws-sdk/client-rds` to 127.0.0.1, no retries (so every error is visible). Run directly with
 * `node dist/bench/emulatorLoad.js` after `npm run build`; prints the figures as JSON.
 */
import { DescribeDBClustersCommand, RDSClient } from "@aws-sdk/client-rds";
import { startEmulator } from "../emulator";

const CONCURRENT = 1000;
const SEEDED_CLUSTERS = 20;

function percentile(sortedMs: number[], p: number): number {
  const index = Math.min(sortedMs.length - 1, Math.ceil((p / 100) * sortedMs.length) - 1);
  return Math.round((sortedMs[Math.max(0, index)] ?? 0) * 10) / 10;
}

/** Sends 1,000 concurrent DescribeDBClusters and reports errors, wall time and latency percentiles. */
export async function benchEmulatorLoad(): Promise<{
  concurrent: number;
  errors: number;
  wallMs: number;
  p50Ms: number;
  p95Ms: number;
}> {
  const seed = Array.from({ length: SEEDED_CLUSTERS }, (_, i) => ({
    DBClusterIdentifier: `load-${i}`,
  }));
  const emulator = await startEmulator({ seed });
  const rds = new RDSClient({
    endpoint: emulator.url,
    region: "us-east-1",
    maxAttempts: 1,
    credentials: { accessKeyId: "test", secretAccessKey: "test" },
    // One socket per request, so all 1,000 are really in flight together (the default is 50).
    requestHandler: { httpAgent: { maxSockets: CONCURRENT, keepAlive: true } },
  });
  try {
    const latencies: number[] = [];
    let errors = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: CONCURRENT }, async (_, i) => {
        const sent = performance.now();
        try {
          const id = `load-${i % SEEDED_CLUSTERS}`;
          const out = await rds.send(
            new DescribeDBClustersCommand({ Filters: [{ Name: "db-cluster-id", Values: [id] }] }),
          );
          if (out.DBClusters?.[0]?.DBClusterIdentifier !== id) errors += 1;
        } catch {
          errors += 1; // counted, and reported as `errors`
        }
        latencies.push(performance.now() - sent);
      }),
    );
    const wallMs = Math.round(performance.now() - started);
    latencies.sort((a, b) => a - b);
    return {
      concurrent: CONCURRENT,
      errors,
      wallMs,
      p50Ms: percentile(latencies, 50),
      p95Ms: percentile(latencies, 95),
    };
  } finally {
    rds.destroy();
    await emulator.stop();
  }
}

if (require.main === module) {
  benchEmulatorLoad().then(
    (figures) => process.stdout.write(`${JSON.stringify(figures)}\n`),
    (error: unknown) => {
      process.stderr.write(`emulatorLoad failed: ${String(error)}\n`);
      process.exit(1);
    },
  );
}
