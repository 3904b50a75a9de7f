/**
 * A member leaving a fleet waits for a late `check` of the resource that takes it over (a move
 * from a fleet into a `ClusterPowerState`), so the fleet's update does not restore (start) a cluster
 * the new holder keeps stopped. Deletes do not wait: the engine runs them after every check.
 */
import { claimCluster, resetHolders, type Holder } from "../../../provider/core/holders";
import { LATE_CLAIM_GRACE_MS, successorOf } from "../../../provider/core/lateClaims";

const fleet: Holder = { kind: "ClusterFleetPowerState", name: "fleet" };
const single: Holder = { kind: "ClusterPowerState", name: "moved" };
const release = (leavingFleet: boolean) => ({
  region: "us-east-1",
  clusterIdentifier: "moved",
  releaser: fleet,
  initialState: "running" as const,
  leavingFleet,
});

beforeEach(() => resetHolders());

test("a member leaving a fleet finds the holder whose check arrives during the wait", async () => {
  const sleeps: number[] = [];
  const sleep = (ms: number) => {
    sleeps.push(ms);
    claimCluster("us-east-1", "moved", single); // the engine's check of the new holder
    return Promise.resolve();
  };
  expect(await successorOf({ sleep }, release(true))).toEqual(single);
  expect(sleeps).toEqual([LATE_CLAIM_GRACE_MS]);
});

test("a member leaving a fleet that nobody claims is released after the wait", async () => {
  const sleeps: number[] = [];
  const sleep = (ms: number) => {
    sleeps.push(ms);
    return Promise.resolve();
  };
  expect(await successorOf({ sleep }, release(true))).toBeUndefined();
  expect(sleeps).toEqual([LATE_CLAIM_GRACE_MS]);
});

test("a claim already made, or a delete, needs no wait", async () => {
  const sleep = jest.fn(() => Promise.resolve());
  expect(await successorOf({ sleep }, release(false))).toBeUndefined();
  claimCluster("us-east-1", "moved", single);
  expect(await successorOf({ sleep }, release(true))).toEqual(single);
  expect(await successorOf({ sleep }, release(false))).toEqual(single);
  expect(sleep).not.toHaveBeenCalled();
});
