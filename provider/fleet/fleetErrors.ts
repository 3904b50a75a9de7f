import { PartialFailureError } from "../errors";
import type { RawProperties } from "../dynamic/checkInputs";

/** One member that failed, with its own error (which names the cluster, the Region and the fix). */
export interface MemberFailure {
  clusterIdentifier: string;
  error: Error;
}

/**
 * Some members of a fleet failed. The message is a summary line, then one line per failed member:
 * that member's own error message. `errors` holds the members' errors, in the same order.
 */
export class FleetMembersError extends AggregateError {
  /** The identifiers of the failed members, in the order of the message. */
  readonly clusterIdentifiers: readonly string[];

  constructor(summary: string, failures: readonly MemberFailure[]) {
    super(
      failures.map((f) => f.error),
      [summary, ...failures.map((f) => `  - ${f.error.message}`)].join("\n"),
    );
    this.name = "FleetMembersError";
    this.clusterIdentifiers = failures.map((f) => f.clusterIdentifier);
  }
}

/** The summary line of a create or update in which `failed` of `total` members failed. */
export function convergeSummary(failed: number, total: number, region: string): string {
  const others = failed < total ? "; the other members are done" : "";
  return (
    `${failed} of ${total} clusters of the fleet (${region}) failed${others}. ` +
    "Fix each as its line says, or remove it from `clusterIdentifiers`, then run `pulumi up` again:"
  );
}

/**
 * What a create or update throws when members failed. Once any member was reached (it converged,
 * or a power call was issued), the fleet must not be lost: the partial-failure shape makes the engine
 * record `properties` (inputs with `__provider`, spread with the outputs so far) and resume through
 * `update` on the next `pulumi up`. With nothing reached, the plain error (nothing to record).
 */
export function fleetFailure(
  error: FleetMembersError,
  anyReached: boolean,
  id: string,
  properties: RawProperties,
): Error {
  return anyReached ? new PartialFailureError(id, properties, error) : error;
}
