import { createClusterRecord } from "../../../emulator/clusterRecord";
import { checkStopStartEligibility } from "../../../emulator/stopEligibility";
import type { SeedCluster } from "../../../emulator/types";

/** Eligibility of a seeded `dev-orders` changed by `seed`, answered to a caller in `region`. */
function refusal(seed: Partial<SeedCluster>, region?: string): string | undefined {
  const record = createClusterRecord({ DBClusterIdentifier: "dev-orders", ...seed }, 0);
  return checkStopStartEligibility(record, region)?.message;
}

describe("checkStopStartEligibility: read replicas of the cluster", () => {
  it("accepts a cluster whose read replica is in its own Region (named by identifier)", () => {
    expect(refusal({ ReadReplicaIdentifiers: ["dev-orders-replica"] })).toBeUndefined();
  });

  it("accepts a replica ARN in the cluster's own seeded Region", () => {
    const replica = "arn:aws:rds:eu-west-1:123456789012:cluster:r1";
    expect(refusal({ region: "eu-west-1", ReadReplicaIdentifiers: [replica] })).toBeUndefined();
  });

  it("takes the caller's Region for a cluster seeded without one", () => {
    const replica = "arn:aws:rds:eu-west-1:123456789012:cluster:r1";
    expect(refusal({ ReadReplicaIdentifiers: [replica] }, "eu-west-1")).toBeUndefined();
  });

  it("refuses a cluster with a read replica in another Region, naming only that one", () => {
    const replicas = ["local-replica", "arn:aws:rds:us-west-2:123456789012:cluster:r1"];
    expect(refusal({ region: "eu-west-1", ReadReplicaIdentifiers: replicas })).toBe(
      "DB cluster dev-orders has cross-Region read replicas (arn:aws:rds:us-west-2:123456789012:cluster:r1) and is not eligible for stopping and starting.",
    );
  });

  it("counts a replica ARN as cross-Region when no Region is known to compare", () => {
    const replica = "arn:aws:rds:eu-west-1:123456789012:cluster:r1";
    expect(refusal({ ReadReplicaIdentifiers: [replica] })).toMatch(/cross-Region read replicas/);
  });
});
