/**
 * Error names the Step Functions AWS SDK integration for RDS raises, as `Retry` / `Catch` match
 * them. Source: "Learning to use AWS service SDK integrations in Step Functions" (Step Functions
 * Developer Guide, "Using AWS SDK service integrations"): the error is `ServiceName.ErrorName`, both
 * in PascalCase, and the name always carries the `Exception` suffix even where the service's API
 * reference does not (`S3.BucketAlreadyExistsException`). The integration runs on the AWS SDK for
 * Java 2.x, whose RDS exception classes spell `DB` as `Db` and `Fault` as `Exception`
 * (`DBClusterNotFoundFault` → `DbClusterNotFoundException`); an error code RDS does not model for
 * the action (`Throttling`, `InternalFailure`, `InvalidParameterCombination`) surfaces as the
 * service's base exception, `Rds.RdsException`, and a network failure as `Rds.SdkClientException`
 * (observed, e.g. in sqlxpert/step-stay-stopped-aws-rds-aurora, whose README, "Step Function
 * Disadvantages", "1. Inconsistent error names", reports `InvalidParameterCombination` surfacing
 * as `Rds.RdsException`).
 */

/** StopDBCluster / DescribeDBClusters: the cluster does not exist (RDS `DBClusterNotFoundFault`, 404). */
export const DB_CLUSTER_NOT_FOUND = "Rds.DbClusterNotFoundException";

/** StopDBCluster: the cluster is not `available` (RDS `InvalidDBClusterStateFault`, 400). */
export const INVALID_DB_CLUSTER_STATE = "Rds.InvalidDbClusterStateException";

/** StopDBCluster: a member instance is not `available` yet (RDS `InvalidDBInstanceState`, 400). */
export const INVALID_DB_INSTANCE_STATE = "Rds.InvalidDbInstanceStateException";

/** DescribeGlobalClusters: no global database of that identifier (RDS `GlobalClusterNotFoundFault`, 404). */
export const GLOBAL_CLUSTER_NOT_FOUND = "Rds.GlobalClusterNotFoundException";

/** Any error code RDS does not model for the action: throttling, 5xx, undocumented refusals. */
export const RDS_EXCEPTION = "Rds.RdsException";

/** The SDK could not reach RDS or read its answer (network, timeout on the client side). */
export const SDK_CLIENT_EXCEPTION = "Rds.SdkClientException";

/** Errors the workflow's own Fail state raises (not from RDS). */
export const WORKFLOW_ERRORS = {
  /** The cluster is of a kind RDS cannot stop (Serverless v1, global member, replica, …). */
  cannotStop: "AuroraPower.CannotStop",
  /** The cluster is in a status no stop or wait can leave (`deleting`, `failed`, a lost KMS key, …). */
  statusNeedsOperator: "AuroraPower.StatusNeedsOperator",
  /** RDS refused StartDBCluster for a reason waiting cannot fix (its KMS key, the VPC's encryption). */
  cannotStart: "AuroraPower.CannotStart",
} as const;

/** StartDBCluster: RDS cannot use the cluster's KMS key (RDS `KMSKeyNotAccessibleFault`, 400). */
export const KMS_KEY_NOT_ACCESSIBLE = "Rds.KmsKeyNotAccessibleException";

/** StartDBCluster: the VPC's encryption control refuses the cluster (client-rds 3.1169.0). */
export const VPC_ENCRYPTION_CONTROL_VIOLATION = "Rds.VpcEncryptionControlViolationException";
