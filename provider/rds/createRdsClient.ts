import { RDSClient } from "@aws-sdk/client-rds";
import { fromIni, fromTemporaryCredentials } from "@aws-sdk/credential-providers";
import type { AwsCredentialIdentityProvider } from "@smithy/types";
import { FailFastRetryStrategy } from "./failFastRetryStrategy";

/** Where and as whom the provider talks to RDS. Holds names only, never secrets. */
export interface RdsTarget {
  region: string;
  /** Shared-config profile (`fromIni`); default: the SDK's default credential chain. */
  profile?: string;
  /** Role to assume (STS AssumeRole) with the profile's or the default chain's credentials. */
  roleArn?: string;
}

/** Default SDK attempts per call: throttling during a fleet-wide stop is expected, be patient. */
const DEFAULT_MAX_ATTEMPTS = 8;

/** Session name the assumed role shows in CloudTrail. */
const ROLE_SESSION_NAME = "aurora-power";

function credentialsFor(target: RdsTarget): AwsCredentialIdentityProvider | undefined {
  const base = target.profile ? fromIni({ profile: target.profile }) : undefined;
  if (!target.roleArn) return base;
  return fromTemporaryCredentials({
    params: { RoleArn: target.roleArn, RoleSessionName: ROLE_SESSION_NAME },
    ...(base ? { masterCredentials: base } : {}),
    clientConfig: { region: target.region },
  });
}

/** Default bound of one HTTP attempt, from sending the request to the response headers. */
export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;

/** Longest wait for the TCP (and TLS) connection of one attempt. */
const MAX_CONNECTION_TIMEOUT_MS = 5_000;

/**
 * `AURORA_POWER_REQUEST_TIMEOUT_MS` (default 30000) when it is a positive number: how long one
 * HTTP attempt of an RDS call may take until the response headers arrive. RDS answers in well under
 * a second; without a bound the SDK's HTTP handler waits forever on a silent endpoint. The SDK
 * retries a timed-out attempt like a network error, and the whole call, retries included, is
 * bounded by the remaining `timeoutMinutes` in any case.
 */
export function requestTimeoutMsFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const parsed = Number(env.AURORA_POWER_REQUEST_TIMEOUT_MS);
  return Number.isFinite(parsed) && parsed > 0 ? parsed : DEFAULT_REQUEST_TIMEOUT_MS;
}

/**
 * `AWS_RETRY_MODE`, default `standard`. The AWS SDKs and Tools Reference Guide ("Retry behavior",
 * choosing between standard and adaptive) recommends `standard` unless a client serves a single
 * resource and is latency-tolerant: `adaptive` rate-limits the whole client after throttling and
 * may delay even first attempts. Here one client per (Region, endpoint, credentials) serves every
 * cluster of the stack, describes and power calls alike. RDS throttles per account and Region, with
 * a token bucket of 300 requests and 12 a second sustained by default, shared with every other tool
 * of the account ("Request throttling for the Amazon RDS API", which asks for retries with
 * exponential back-off): so throttling caused by someone else would slow the whole stack, and the
 * poller already keeps the load small (one describe per 100 clusters a tick, back-off per wait).
 * Measured against the emulator with throttling, 50 clusters took 80–123 s in `adaptive` (paced to
 * about 1 request/s) against 18 s in `standard`, with no failed call either way.
 * `AWS_RETRY_MODE=adaptive` still opts in.
 */
export function retryModeFromEnv(env: NodeJS.ProcessEnv = process.env): "standard" | "adaptive" {
  return env.AWS_RETRY_MODE === "adaptive" ? "adaptive" : "standard";
}

/** `AWS_MAX_ATTEMPTS` when it is a positive integer, else the provider's default. */
export function maxAttemptsFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const parsed = Number(env.AWS_MAX_ATTEMPTS);
  return Number.isInteger(parsed) && parsed > 0 ? parsed : DEFAULT_MAX_ATTEMPTS;
}

/**
 * The endpoint the SDK will use for RDS: `AWS_ENDPOINT_URL_RDS`, then `AWS_ENDPOINT_URL` (the SDK
 * reads both itself, "Service-specific endpoints" in the AWS SDKs and Tools Reference Guide); the
 * provider only reads them to key its pollers.
 */
export function configuredEndpoint(env: NodeJS.ProcessEnv = process.env): string {
  return env.AWS_ENDPOINT_URL_RDS ?? env.AWS_ENDPOINT_URL ?? "default";
}

/**
 * The endpoint as a message may show it: scheme, host, port and path only (no user info or query,
 * which could hold secrets), or the Region's default endpoint.
 */
export function endpointLabel(endpoint: string, region: string): string {
  if (endpoint === "default") return `the default RDS endpoint of ${region}`;
  try {
    const url = new URL(endpoint);
    return `\`${url.origin}${url.pathname === "/" ? "" : url.pathname}\``;
  } catch {
    // Not a URL: the SDK will refuse it too; say so without echoing it.
    return "the endpoint in `AWS_ENDPOINT_URL_RDS` (not a URL)";
  }
}

/**
 * Creates the RDS client for one target. Credentials come from the default chain, the profile, or
 * an assumed role, resolved inside the provider process and never stored in state. Retries use the
 * SDK's retry strategy ({@link retryModeFromEnv}, `AWS_MAX_ATTEMPTS`, default 8), except for an
 * endpoint that is not there (refused connection, unknown host: 2 attempts,
 * {@link FailFastRetryStrategy}); every HTTP attempt is bounded by {@link requestTimeoutMsFromEnv}.
 */
export function createRdsClient(
  target: RdsTarget,
  env: NodeJS.ProcessEnv = process.env,
): RDSClient {
  const credentials = credentialsFor(target);
  const requestTimeoutMs = requestTimeoutMsFromEnv(env);
  const maxAttempts = maxAttemptsFromEnv(env);
  return new RDSClient({
    region: target.region,
    maxAttempts,
    // The SDK's strategy for the mode, except that a refused connection or an unknown host fails
    // after 2 attempts instead of 8 (issue 19: a destroy against a stopped endpoint took minutes).
    retryStrategy: FailFastRetryStrategy.forMode(retryModeFromEnv(env), maxAttempts),
    // NodeHttpHandler options: without them it has no connection or request timeout, and its
    // requestTimeout only logs a warning unless throwOnRequestTimeout is set.
    requestHandler: {
      connectionTimeout: Math.min(MAX_CONNECTION_TIMEOUT_MS, requestTimeoutMs),
      requestTimeout: requestTimeoutMs,
      throwOnRequestTimeout: true,
    },
    ...(credentials ? { credentials } : {}),
  });
}
