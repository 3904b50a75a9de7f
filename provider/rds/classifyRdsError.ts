import {
  isServerError,
  isThrottlingError,
  isTransientError as isTransientByHttp,
} from "@smithy/core/retry";
import type { SdkError } from "@smithy/types";

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
  /** StartDBCluster: RDS cannot use the cluster's KMS key (`KMSKeyNotAccessibleFault`). */
  | "kms-key-inaccessible"
  /** StartDBCluster: the VPC's encryption controls refuse it (`VpcEncryptionControlViolationException`). */
  | "vpc-encryption-control"
  /** Anything else (the SDK already retried throttling and 5xx). */
  | "other";

// `InvalidDBShardGroupStateFault` (StopDBCluster and StartDBCluster, client-rds 3.1169.0): "The
// DB shard group must be in the available state" (Aurora Limitless Database): wait and re-plan.
const INVALID_STATE = new Set([
  "InvalidDBClusterStateFault",
  "InvalidDBInstanceStateFault",
  "InvalidDBShardGroupStateFault",
]);

// RDS documents no code for refusing a stop of a global database member that is not the only
// cluster (Aurora User Guide, "Stopping and starting an Amazon Aurora DB cluster"); the provider
// decides it before acting (DescribeGlobalClusters). Should RDS refuse anyway, a state refusal that
// names a global database is not a race to wait out.
const GLOBAL_DATABASE_TEXT = /global (database|cluster)/i;

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
  if (name === "InvalidDBClusterStateFault" && GLOBAL_DATABASE_TEXT.test(messageOf(error)))
    return "not-eligible";
  if (INVALID_STATE.has(name)) return "invalid-state";
  if (name === "InvalidParameterCombination" || name === "InvalidParameterValue")
    return "not-eligible";
  if (ACCESS_DENIED.has(name)) return "access-denied";
  if (name === "KMSKeyNotAccessibleFault") return "kms-key-inaccessible";
  if (name === "VpcEncryptionControlViolationException") return "vpc-encryption-control";
  return "other";
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : "";
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
 * True when retrying the same call later may succeed: throttling, a 5xx, or no HTTP answer at all
 * (a reset or timed-out connection), as `@smithy/core`'s retry classifiers judge the error the SDK
 * threw after its own retries. Anything else fails at once: an endpoint that is not there
 * ({@link isUnreachableEndpoint}), a refusal (access denied, a bad request), an endpoint that does
 * not answer like RDS, credentials that cannot be loaded, and above all an error of this package's
 * own code (a `TypeError`), which keeps its stack.
 */
export function isTransientError(error: unknown): boolean {
  if (!(error instanceof Error) || NEVER_TRANSIENT.has(error.name)) return false;
  if (isUnreachableEndpoint(error)) return false;
  const sdkError = error as SdkError;
  return isThrottling(error) || isTransientByHttp(sdkError) || isServerError(sdkError);
}

/** True for RDS's throttling refusals (`Throttling`, "Rate exceeded") and HTTP 429. */
export function isThrottling(error: unknown): boolean {
  return error instanceof Error && isThrottlingError(error as SdkError);
}

// Credentials that cannot be loaded (or assumed) will not appear by polling again, nor will an
// endpoint that is not RDS start answering like RDS.
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
  if (!(error instanceof Error) || isThrottling(error) || !isTransientError(error)) return false;
  const status = httpStatusOf(error);
  return status === undefined || status >= 500;
}

// Definite answers that nothing is there: the host refused the TCP connection (no process listens
// on the port) or DNS says the name does not exist. Polling again will not change either within a
// `pulumi up`; both usually mean a wrong `AWS_ENDPOINT_URL_RDS` or `region`, or a local endpoint
// that is not running. Left transient on purpose, as paths that come back (a network or VPN
// flapping, a resolver timing out): EHOSTUNREACH, ENETUNREACH, EAI_AGAIN, ETIMEDOUT, ECONNRESET.
const UNREACHABLE_CODES = new Set(["ECONNREFUSED", "ENOTFOUND"]);

/**
 * True when the endpoint is not there at all: a refused connection (`ECONNREFUSED`) or a host name
 * that does not resolve (`ENOTFOUND`). The RDS client retries it once only and the provider never
 * (it is not {@link isTransientError}). An `AggregateError` (Node tries every address of a name in
 * turn) is unreachable when each of its errors is.
 */
export function isUnreachableEndpoint(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const { code, errors } = error as { code?: unknown; errors?: unknown };
  // Node gives the AggregateError the first error's code: judge by all of them instead.
  if (Array.isArray(errors) && errors.length > 0) return errors.every(isUnreachableEndpoint);
  return typeof code === "string" && UNREACHABLE_CODES.has(code);
}
