import type { IncomingHttpHeaders } from "node:http";
import { RdsApiError } from "./errors";

const SIGV4_HEADER = /^AWS4-HMAC-SHA256\s+Credential=([^,\s]+)/;
const CREDENTIAL_SCOPE = /^[^/]+\/\d{8}\/([^/]+)\/[^/]+\/aws4_request$/;

/** Region from a SigV4 `Authorization` header's credential scope (`…/<date>/<region>/rds/…`). */
export function regionFromAuthorization(header: string | undefined): string | undefined {
  return header ? /Credential=[^/,]+\/\d{8}\/([^/,]+)\//.exec(header)?.[1] : undefined;
}

function missingToken(): RdsApiError {
  return new RdsApiError(
    "MissingAuthenticationToken",
    "Request is missing Authentication Token",
    403,
  );
}

function incompleteSignature(what: string): RdsApiError {
  return new RdsApiError(
    "IncompleteSignature",
    `${what} is not a valid AWS Signature Version 4 value.`,
    400,
  );
}

/**
 * Requires a request to be signed with SigV4, as RDS does, and returns the Region of its
 * credential scope. Signed means an `Authorization: AWS4-HMAC-SHA256 Credential=…` header, or the
 * query-string form (`X-Amz-Algorithm`, `X-Amz-Credential`, `X-Amz-Signature`; AWS General
 * Reference, "Authenticating Requests: Using Query Parameters"). Nothing signed → 403
 * `MissingAuthenticationToken` "Request is missing Authentication Token", the answer of AWS's
 * Query-protocol services to an unsigned request; a header that is not SigV4 → 400
 * `IncompleteSignature`. The signature itself is never checked: any credentials work.
 */
export function authenticateRequest(
  headers: IncomingHttpHeaders,
  query: URLSearchParams,
): string | undefined {
  const header = headers.authorization;
  if (header !== undefined && header !== "") {
    const credential = SIGV4_HEADER.exec(header)?.[1];
    if (credential === undefined) throw incompleteSignature("The Authorization header");
    return CREDENTIAL_SCOPE.exec(credential)?.[1];
  }
  const credential = query.get("X-Amz-Credential");
  if (credential === null && !query.has("X-Amz-Signature")) throw missingToken();
  if (query.get("X-Amz-Algorithm") !== "AWS4-HMAC-SHA256" || !query.get("X-Amz-Signature")) {
    throw incompleteSignature("The query string");
  }
  return CREDENTIAL_SCOPE.exec(credential ?? "")?.[1];
}
