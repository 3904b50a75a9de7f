import { RDSClient, RDSServiceException } from "@aws-sdk/client-rds";
import { mockClient, type AwsClientStub } from "aws-sdk-client-mock";
import { setRuntimeHooks } from "../../../../provider/fleet/implementation";
import { FakeTime } from "./fakeTime";
import { FleetRds, arnOf } from "./fleetRds";

/** A fleet's settings as `check` completes them. */
export const SETTINGS = {
  state: "stopped",
  region: "eu-west-1",
  onDelete: "restore",
  timeoutMinutes: 60,
  __provider: "shim",
};

/** Checked inputs of a fleet of `clusterIdentifiers` (already sorted and lowercase). */
export const inputs = (...clusterIdentifiers: string[]) => ({ ...SETTINGS, clusterIdentifiers });

/** The AutomaticRestartTime {@link FleetRds} reports for a stopped cluster. */
export const RESTART = "2026-11-30T10:00:00.000Z";

/** The record of a member held stopped, as create writes it. */
export const stoppedMember = (id: string, initialState = "running") => ({
  state: "stopped",
  status: "stopped",
  initialState,
  clusterArn: arnOf(id),
  engine: "aurora-postgresql",
  engineMode: "provisioned",
  automaticRestartTime: RESTART,
});

/** A member's not-found message, as `ClusterPowerState` words it. */
export const NOT_FOUND = (id: string) =>
  `cluster \`${id}\` (eu-west-1) was not found; check \`clusterIdentifier\`, \`region\` and the account of the credentials`;

/** An RDS error as the SDK throws it. */
export function sdkError(name: string, message: string, httpStatusCode = 400): RDSServiceException {
  return new RDSServiceException({
    name,
    message,
    $fault: "client",
    $metadata: { httpStatusCode },
  });
}

/** The rejection of a promise (fails the test when it resolves). */
export async function rejectionOf(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error("expected a rejection");
}

/** What a fleet lifecycle test works with; fields are replaced before each test. */
export interface FleetTestbed {
  rds: AwsClientStub<RDSClient>;
  time: FakeTime;
  aws: FleetRds;
  /** Progress messages of the provider (ephemeral in the engine). */
  messages: string[];
  /** The lines the provider keeps: one outcome per member and operation, notices. */
  notes: string[];
  /** The provider's warnings (the engine shows them as warnings). */
  warnings: string[];
}

/**
 * Mocks the RDS client for this test file and, before each test, resets it, starts a new fake
 * clock and a {@link FleetRds} on it, and points the provider's runtime at them.
 */
export function useFleetTestbed(): FleetTestbed {
  const rds = mockClient(RDSClient);
  const time = new FakeTime();
  const bed: FleetTestbed = {
    rds,
    time,
    aws: new FleetRds(rds, time),
    messages: [],
    notes: [],
    warnings: [],
  };
  beforeEach(() => {
    rds.reset();
    bed.messages.length = 0;
    bed.notes.length = 0;
    bed.warnings.length = 0;
    bed.time = new FakeTime();
    bed.aws = new FleetRds(rds, bed.time);
    setRuntimeHooks({
      clock: bed.time.clock,
      sleep: bed.time.sleep,
      random: () => 0.5,
      progress: (m) => bed.messages.push(m),
      note: (m) => bed.notes.push(m),
      warn: (m) => bed.warnings.push(m),
      // Fleets of 200 here; pacing to RDS's quota has its own tests (rds/rdsRateLimiter.test.ts).
      env: { AURORA_POWER_RDS_RATE: "1000", AURORA_POWER_RDS_BURST: "10000" },
    });
  });
  return bed;
}
