/** How the provider reacts to an error from an RDS call. */
export type RdsErrorKind =
  /** `DBClusterNotFoundFault`: no such cluster. */
  | "not-found"
  /** The cluster (or an instance / shard group) is in the wrong state for the call: re-plan. */
  | "invalid-state"
  /** RDS says the cluster is not eligible for stopping and starting. */
  | "not-eligible"
  /** The credentials may not make the call. */
  | "access-denied"
  /** Anything else (the SDK already retried throttling and 5xx). */
  | "other";

const INVALID_STATE = new Set([
  "InvalidDBClusterStateFault",
  "InvalidDBInstanceStateFault",
  "InvalidDBShardGroupStateFault",
]);

const ACCESS_DENIED = new Set([
  "AccessDenied",
  "AccessDeniedException",
  "UnauthorizedOperation",
  "UnrecognizedClientException",
  "InvalidClientTokenId",
  "ExpiredToken",
  "ExpiredTokenException",
  "SignatureDoesNotMatch",
]);

/**
 * Maps an error thrown by the AWS SDK to what the provider does with it, by `error.name` (the
 * SDK's modeled exception classes and unmodeled errors both carry the RDS error code there).
 */
export function classifyRdsError(error: unknown): RdsErrorKind {
  const name = error instanceof Error ? error.name : "";
  if (name === "DBClusterNotFoundFault") return "not-found";
  if (INVALID_STATE.has(name)) return "invalid-state";
  if (name === "InvalidParameterCombination" || name === "InvalidParameterValue")
    return "not-eligible";
  if (ACCESS_DENIED.has(name)) return "access-denied";
  return "other";
}

/** Longest endpoint-provided error text quoted in a provider message. */
const MAX_SDK_MESSAGE_LENGTH = 300;

// Control, format (bidi overrides, zero-width), private-use, unassigned and line/paragraph
// separator characters: none belongs in one line of CLI output.
const UNPRINTABLE = /[\p{Cc}\p{Cf}\p{Co}\p{Cn}\p{Zl}\p{Zp}]+/gu;

/**
 * The SDK error's message (or its name when it has none), made safe to print: the text comes from
 * the endpoint, so a broken or hostile one must not forge lines or reorder the CLI output.
 * Unprintable runs collapse to one space and the text is cut to 300 characters.
 */
export function sdkErrorMessage(error: unknown): string {
  const raw = error instanceof Error ? error.message || error.name : String(error);
  const text = raw.replace(UNPRINTABLE, " ").trim();
  return text.length > MAX_SDK_MESSAGE_LENGTH ? `${text.slice(0, MAX_SDK_MESSAGE_LENGTH)}…` : text;
}

/**
 * True when a refusal names a Blue/Green deployment: RDS does not flag that on `DBCluster`, so the
 * provider can only tell from StopDBCluster's answer ("Working with Amazon RDS Blue/Green
 * Deployments", Limitations: stopping and starting is not supported).
 */
export function mentionsBlueGreen(error: unknown): boolean {
  return /blue\s*\/?\s*green/i.test(sdkErrorMessage(error));
}

const THROTTLING = new Set([
  "Throttling",
  "ThrottlingException",
  "RequestLimitExceeded",
  "TooManyRequestsException",
  "RequestThrottled",
]);

/**
 * True when retrying the same call later may succeed: throttling, a 5xx, or a network error (no
 * HTTP response at all). The SDK already retried these `maxAttempts` times; the poller tolerates a
 * few more failed ticks during a long wait. Anything else (access denied, a bad request) fails the
 * wait at once.
 */
export function isTransientError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if (THROTTLING.has(error.name)) return true;
  // Credentials that cannot be loaded (or assumed) will not appear by polling again, nor will an
  // endpoint that is not RDS start answering like RDS.
  if (NEVER_TRANSIENT.has(error.name)) return false;
  const status = httpStatusOf(error);
  return status === undefined || status >= 500;
}

const NEVER_TRANSIENT = new Set([
  "CredentialsProviderError",
  "ProviderError",
  "UnexpectedRdsResponseError",
]);

function httpStatusOf(error: Error): number | undefined {
  return (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
}

/**
 * True when a failed StopDBCluster / StartDBCluster may still have been carried out: no answer
 * came (a timeout, a cut connection, an abort at the deadline) or a 5xx, where RDS may have acted
 * before failing. Throttling is a refusal before any work. Such a call counts as maybe issued, so a
 * failure after it is a partial failure and the next `pulumi up` re-describes instead of assuming.
 */
export function mayHaveBeenApplied(error: unknown): boolean {
  if (!(error instanceof Error)) return true;
  if (THROTTLING.has(error.name) || NEVER_TRANSIENT.has(error.name)) return false;
  const status = httpStatusOf(error);
  return status === undefined || status >= 500;
}
