/**
 * B2, the anchor: per-cluster waiting in the AWS SDK's style. Each cluster gets its own
 * StopDBCluster / StartDBCluster and its own waiter, each making one DescribeDBClusters per cluster
 * per tick with the SDK's waiter delays (minDelay 30 s, maxDelay 1800 s, the service defaults of
 * the RDS cluster waiters). Starts use the SDK's real `waitUntilDBClusterAvailable`; the SDK has no
 * waiter for a stopped cluster, so stops use the same `createWaiter` machinery with an acceptor
 * that succeeds on `stopped`, as a user would write it.
 */
import {
  DescribeDBClustersCommand,
  RDSClient,
  StartDBClusterCommand,
  StopDBClusterCommand,
  waitUntilDBClusterAvailable,
} from "@aws-sdk/client-rds";
import { checkExceptions, createWaiter, WaiterState, type WaiterResult } from "@smithy/core/client";
import type { PowerState } from "../provider/aurora/clusterStatus";
import { BENCH_REGION, type KnownAt } from "./pollerSide";

/** The RDS cluster waiters' service defaults in @aws-sdk/client-rds. */
const SDK_MIN_DELAY_SECONDS = 30;
const SDK_MAX_DELAY_SECONDS = 1800;
const MAX_WAIT_SECONDS = 900;

async function checkStopped(
  client: RDSClient,
  input: { DBClusterIdentifier: string },
): Promise<WaiterResult> {
  try {
    const result = await client.send(new DescribeDBClustersCommand(input));
    const statuses = (result.DBClusters ?? []).map((c) => c.Status);
    if (statuses.length > 0 && statuses.every((s) => s === "stopped"))
      return { state: WaiterState.SUCCESS, reason: result };
    return { state: WaiterState.RETRY, reason: result };
  } catch (reason) {
    // Like the SDK's generated cluster waiters: every exception means "try again".
    return { state: WaiterState.RETRY, reason };
  }
}

async function waitUntilDBClusterStopped(client: RDSClient, id: string): Promise<void> {
  const params = {
    client,
    maxWaitTime: MAX_WAIT_SECONDS,
    minDelay: SDK_MIN_DELAY_SECONDS,
    maxDelay: SDK_MAX_DELAY_SECONDS,
  };
  checkExceptions(await createWaiter(params, { DBClusterIdentifier: id }, checkStopped));
}

/** Drives every cluster of `ids` to `desired`, one action and one waiter per cluster, all at once. */
export async function runSdkWaiterPhase(
  endpointUrl: string,
  ids: readonly string[],
  desired: PowerState,
): Promise<KnownAt> {
  // A client configured as a user would: defaults, only the endpoint and fake credentials.
  const client = new RDSClient({
    region: BENCH_REGION,
    endpoint: endpointUrl,
    credentials: { accessKeyId: "test", secretAccessKey: "test" },
  });
  const knownAt: KnownAt = new Map();
  try {
    await Promise.all(
      ids.map(async (id) => {
        if (desired === "stopped") {
          await client.send(new StopDBClusterCommand({ DBClusterIdentifier: id }));
          await waitUntilDBClusterStopped(client, id);
        } else {
          await client.send(new StartDBClusterCommand({ DBClusterIdentifier: id }));
          await waitUntilDBClusterAvailable(
            { client, maxWaitTime: MAX_WAIT_SECONDS },
            { DBClusterIdentifier: id },
          );
        }
        knownAt.set(id, Date.now());
      }),
    );
    return knownAt;
  } finally {
    client.destroy();
  }
}
