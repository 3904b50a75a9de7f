/**
 * RDS errors as the Query protocol returns them: a code, a message, the HTTP status and whether
 * the caller (`Sender`) or the service (`Receiver`) is at fault. Codes, statuses and messages follow
 * the RDS API reference ("Common Errors" and each action's "Errors" section).
 */
export class RdsApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly httpStatus: number,
    readonly type: "Sender" | "Receiver" = httpStatus >= 500 ? "Receiver" : "Sender",
  ) {
    super(message);
    this.name = "RdsApiError";
  }

  /** `InvalidParameterValue` (400): an invalid or out-of-range value. */
  static invalidParameter(message: string): RdsApiError {
    return new RdsApiError("InvalidParameterValue", message, 400);
  }

  /** `MissingParameter` (400), with the wording RDS uses. */
  static missingParameter(name: string): RdsApiError {
    return new RdsApiError(
      "MissingParameter",
      `The request must contain the parameter ${name}`,
      400,
    );
  }

  /** `DBClusterNotFoundFault` (404). */
  static clusterNotFound(id: string): RdsApiError {
    return new RdsApiError("DBClusterNotFoundFault", `DBCluster ${id} not found.`, 404);
  }

  /** `DBInstanceNotFound` (404); the SDK names it `DBInstanceNotFoundFault`. */
  static instanceNotFound(id: string): RdsApiError {
    return new RdsApiError("DBInstanceNotFound", `DBInstance ${id} not found.`, 404);
  }

  /**
   * `InvalidDBClusterStateFault` (400). Aurora names the observed state, e.g. "DbCluster x is in
   * stopping state but expected it to be one of available." (seen in real StopDBCluster answers).
   */
  static invalidClusterState(id: string, status: string, expected: readonly string[]): RdsApiError {
    return new RdsApiError(
      "InvalidDBClusterStateFault",
      `DbCluster ${id} is in ${status} state but expected it to be one of ${expected.join(", ")}.`,
      400,
    );
  }

  /** `InvalidDBInstanceState` (400); the SDK names it `InvalidDBInstanceStateFault`. */
  static invalidInstanceState(instanceId: string): RdsApiError {
    return new RdsApiError(
      "InvalidDBInstanceState",
      `Instance ${instanceId} is not in available state.`,
      400,
    );
  }

  /** `Throttling` (400), the code RDS uses when a caller exceeds its request rate. */
  static throttling(): RdsApiError {
    return new RdsApiError("Throttling", "Rate exceeded", 400);
  }

  /** `InternalFailure` (500), from the RDS "Common Errors" list. */
  static internalFailure(): RdsApiError {
    return new RdsApiError(
      "InternalFailure",
      "The request processing has failed because of an unknown error, exception or failure.",
      500,
    );
  }
}
