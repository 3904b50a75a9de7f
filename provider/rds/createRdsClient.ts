import { RDSClient } from "@aws-sdk/client-rds";
import { fromIni, fromTemporaryCredentials } from "@aws-sdk/credential-providers";
import type { AwsCredentialIdentityProvider } from "@smithy/types";

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
 * Creates the RDS client for one target. Credentials come from the default chain, the profile, or
 * an assumed role, resolved inside the provider process and never stored in state. Retries use the
 * SDK's retry strategy (`AWS_RETRY_MODE`, default `adaptive`, which also rate-limits the client
 * after throttling; `AWS_MAX_ATTEMPTS`, default 8).
 */
export function createRdsClient(
  target: RdsTarget,
  env: NodeJS.ProcessEnv = process.env,
): RDSClient {
  const credentials = credentialsFor(target);
  return new RDSClient({
    region: target.region,
    maxAttempts: maxAttemptsFromEnv(env),
    retryMode: env.AWS_RETRY_MODE === "standard" ? "standard" : "adaptive",
    ...(credentials ? { credentials } : {}),
  });
}
