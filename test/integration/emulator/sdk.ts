import { DescribeDBClustersCommand, RDSClient } from "@aws-sdk/client-rds";

/**
 * A SigV4 `Authorization` header for raw HTTP tests: the endpoint requires one (RDS answers an
 * unsigned request 403 `MissingAuthenticationToken`) but never checks the signature.
 */
export const DUMMY_AUTHORIZATION =
  "AWS4-HMAC-SHA256 Credential=test/20260101/eu-west-1/rds/aws4_request, " +
  "SignedHeaders=content-type;host;x-amz-date, Signature=0000";

/** The real SDK pointed at a local emulator, with fake credentials and no retries by default. */
export function rdsClient(url: string, region = "eu-west-1", maxAttempts = 1): RDSClient {
  return new RDSClient({
    endpoint: url,
    region,
    maxAttempts,
    credentials: { accessKeyId: "test", secretAccessKey: "test" },
  });
}

/** Polls DescribeDBClusters every 20 ms until `status` (throws after `timeoutMs`). */
export async function waitForStatus(
  rds: RDSClient,
  id: string,
  status: string,
  timeoutMs = 5000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let seen: string | undefined;
  while (Date.now() < deadline) {
    const out = await rds.send(new DescribeDBClustersCommand({ DBClusterIdentifier: id }));
    seen = out.DBClusters?.[0]?.Status;
    if (seen === status) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`cluster ${id} still ${seen} after ${timeoutMs} ms, expected ${status}`);
}

/** The SDK error a promise rejects with, or a failure if it resolves. */
export async function sdkError(
  promise: Promise<unknown>,
): Promise<{ name: string; message: string; status?: number; fault?: string }> {
  try {
    await promise;
  } catch (error) {
    const e = error as Error & { $metadata?: { httpStatusCode?: number }; $fault?: string };
    return {
      name: e.name,
      message: e.message,
      status: e.$metadata?.httpStatusCode,
      fault: e.$fault,
    };
  }
  throw new Error("expected the call to fail");
}
