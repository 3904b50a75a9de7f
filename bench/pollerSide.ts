/**
 * B2 / B3, our side: the provider's own waiting machinery driven in-process, exactly as the
 * provider's `create` drives it for each resource (`reconcile` from provider/core: one batched
 * describe, StopDBCluster or StartDBCluster, then a wait on the shared {@link ClusterPoller}), with
 * the poller knobs a user gets (provider/poller/pollerSettings.ts, from the environment). A fresh
 * poller and duration model per phase, as a fresh provider process per `pulumi up` would have.
 */
import { RDSClient } from "@aws-sdk/client-rds";
import { reconcile } from "../provider/core/reconcile";
import type { PowerState } from "../provider/aurora/clusterStatus";
import {
  ClusterPoller,
  systemClock,
  timerSleep,
  type PollerStats,
} from "../provider/poller/clusterPoller";
import { DurationModel } from "../provider/poller/durationModel";
import { readPollerSettings } from "../provider/poller/pollerSettings";
import { createClusterApi } from "../provider/rds/clusterApi";
import { maxAttemptsFromEnv } from "../provider/rds/createRdsClient";

/** When each cluster's wait ended on the caller's side (epoch ms), by identifier. */
export type KnownAt = Map<string, number>;

/** What one phase of our side did. */
export interface PollerPhase {
  knownAt: KnownAt;
  stats: PollerStats;
}

/** The region the bench's emulated clusters live in. */
export const BENCH_REGION = "us-east-1";

/**
 * The provider's RDS client (provider/rds/createRdsClient.ts: adaptive retries, `AWS_MAX_ATTEMPTS`
 * or 8 attempts) with an explicit endpoint, because the two sides of B2 run at the same time
 * against two endpoints and cannot share `AWS_ENDPOINT_URL_RDS`.
 */
function providerStyleClient(endpointUrl: string): RDSClient {
  return new RDSClient({
    region: BENCH_REGION,
    endpoint: endpointUrl,
    credentials: { accessKeyId: "test", secretAccessKey: "test" },
    maxAttempts: maxAttemptsFromEnv(),
    retryMode: "adaptive",
  });
}

/** Drives every cluster of `ids` to `desired` through the provider's converge and one shared poller. */
export async function runPollerPhase(
  endpointUrl: string,
  ids: readonly string[],
  desired: PowerState,
): Promise<PollerPhase> {
  const client = providerStyleClient(endpointUrl);
  const settings = readPollerSettings(process.env);
  const api = createClusterApi(client);
  const poller = new ClusterPoller({
    api,
    clock: systemClock,
    sleep: timerSleep,
    maxConsecutiveDescribeErrors: settings.maxConsecutiveDescribeErrors,
  });
  const durations = new DurationModel(settings);
  const knownAt: KnownAt = new Map();
  try {
    await Promise.all(
      ids.map(async (clusterIdentifier) => {
        const runtime = {
          api,
          poller,
          durations,
          settings,
          clock: systemClock,
          random: Math.random,
          progress: () => undefined,
          note: () => undefined,
          endpointLabel: endpointUrl,
        };
        const result = await reconcile(runtime, {
          clusterIdentifier,
          displayName: clusterIdentifier,
          region: BENCH_REGION,
          desired,
          timeoutMinutes: 60,
          goneIsDone: false,
          retry: "pulumi up",
          progress: () => undefined,
        });
        if (!result.reached) throw result.error ?? new Error(`${clusterIdentifier} not reached`);
        knownAt.set(clusterIdentifier, Date.now());
      }),
    );
    return { knownAt, stats: { ...poller.stats } };
  } finally {
    client.destroy();
  }
}
