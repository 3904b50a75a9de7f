import {
  DB_CLUSTER_NOT_FOUND,
  GLOBAL_CLUSTER_NOT_FOUND,
  INVALID_DB_CLUSTER_STATE,
  INVALID_DB_INSTANCE_STATE,
  KMS_KEY_NOT_ACCESSIBLE,
  RDS_EXCEPTION,
  SDK_CLIENT_EXCEPTION,
  VPC_ENCRYPTION_CONTROL_VIOLATION,
} from "./sdkErrorNames";

/**
 * How the Step Functions AWS SDK integration for RDS presents what `@aws-sdk/client-rds` returns,
 * so a local interpreter can run the workflow against the same RDS endpoint the SDK talks to. See
 * `sdkErrorNames.ts` for the sources of the naming rules.
 */

/** The integration's error name for an error thrown by `@aws-sdk/client-rds`. */
export function sfnErrorNameOf(error: unknown): string {
  const name = error instanceof Error ? error.name : "";
  const modeled: Record<string, string> = {
    DBClusterNotFoundFault: DB_CLUSTER_NOT_FOUND,
    InvalidDBClusterStateFault: INVALID_DB_CLUSTER_STATE,
    InvalidDBInstanceStateFault: INVALID_DB_INSTANCE_STATE,
    KMSKeyNotAccessibleFault: KMS_KEY_NOT_ACCESSIBLE,
    VpcEncryptionControlViolationException: VPC_ENCRYPTION_CONTROL_VIOLATION,
    GlobalClusterNotFoundFault: GLOBAL_CLUSTER_NOT_FOUND,
  };
  const known = modeled[name];
  if (known !== undefined) return known;
  // A service answer (it carries `$metadata.httpStatusCode`) with an unmodeled code, or a failure
  // to get any answer at all.
  const metadata = (error as { $metadata?: { httpStatusCode?: number } } | null)?.$metadata;
  return metadata?.httpStatusCode !== undefined ? RDS_EXCEPTION : SDK_CLIENT_EXCEPTION;
}

/** `DBClusterInstanceClass` → `DbClusterInstanceClass`: the AWS SDK for Java 2.x member casing. */
export function sfnMemberName(name: string): string {
  return name.replace(
    /([A-Z])([A-Z]+)(?=[A-Z][a-z]|[0-9]|$)/g,
    (_m, first: string, rest: string) => first + rest.toLowerCase(),
  );
}

/** A response as the integration returns it: member names recased, dates as ISO strings. */
export function toSfnShape(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(toSfnShape);
  if (value === null || typeof value !== "object") return value;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([key, v]) => v !== undefined && key !== "$metadata")
    .map(([key, v]) => [sfnMemberName(key), toSfnShape(v)]);
  return Object.fromEntries(entries);
}
