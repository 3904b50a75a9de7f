/**
 * B5's second, unrelated client of the same account and Region: a plain AWS SDK RDS client with
 * the SDK's defaults (standard retries, 3 attempts) spending a steady number of
 * DescribeDBClusters a second on the same local endpoint (127.0.0.1), as a console or a monitoring
 * tool would. Bounded: it stops when told to, or after `maxCalls`.
 */
import { DescribeDBClustersCommand, RDSClient } from "@aws-sdk/client-rds";

/** What the other client saw. */
export interface OtherClientFigures {
  ratePerSecond: number;
  calls: number;
  /** Calls that failed after the SDK's retries. */
  failed: number;
  /** Attempts beyond the first (the SDK retried a throttled or failed attempt). */
  retries: number;
  /** Error names of the failed calls. */
  failures: string[];
}

/** A running other client. */
export interface OtherClient {
  stop(): Promise<OtherClientFigures>;
}

/** Starts spending `ratePerSecond` describes a second on `endpointUrl` (loopback only). */
export function startOtherClient(
  endpointUrl: string,
  clusterIdentifier: string,
  ratePerSecond: number,
  maxCalls = 20_000,
): OtherClient {
  if (!/^http:\/\/127\.0\.0\.1:\d+$/.test(endpointUrl))
    throw new Error(`the other client targets 127.0.0.1 only, got ${endpointUrl}`);
  const client = new RDSClient({
    endpoint: endpointUrl,
    region: "us-east-1",
    credentials: { accessKeyId: "other", secretAccessKey: "other" },
  });
  const figures: OtherClientFigures = {
    ratePerSecond,
    calls: 0,
    failed: 0,
    retries: 0,
    failures: [],
  };
  const inFlight = new Set<Promise<void>>();
  const call = async (): Promise<void> => {
    figures.calls += 1;
    try {
      const answer = await client.send(
        new DescribeDBClustersCommand({ DBClusterIdentifier: clusterIdentifier }),
      );
      figures.retries += Math.max(0, (answer.$metadata.attempts ?? 1) - 1);
    } catch (error) {
      figures.failed += 1;
      const attempts = (error as { $metadata?: { attempts?: number } }).$metadata?.attempts ?? 1;
      figures.retries += Math.max(0, attempts - 1);
      if (figures.failures.length < 20)
        figures.failures.push(error instanceof Error ? error.name : String(error));
    }
  };
  const timer = setInterval(() => {
    if (figures.calls >= maxCalls) return;
    const p = call().finally(() => inFlight.delete(p));
    inFlight.add(p);
  }, 1000 / ratePerSecond);
  return {
    async stop() {
      clearInterval(timer);
      await Promise.all([...inFlight]);
      client.destroy();
      return figures;
    },
  };
}
