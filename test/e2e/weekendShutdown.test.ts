import type { RunningEmulator } from "aurora-power/emulator";
import { withInlineStack } from "../../scripts/harness";
import { DEFAULT_FLEET, program } from "../../examples/weekend-shutdown/program";
import { e2eStackOptions, startE2eEmulator, statusesOf } from "../support/e2eEmulator";

const IDS = DEFAULT_FLEET.map((cluster) => cluster.clusterIdentifier);
const KEYS = DEFAULT_FLEET.map((cluster) => `${cluster.region}/${cluster.clusterIdentifier}`);
const all = (status: string): Record<string, string> =>
  Object.fromEntries(IDS.map((id) => [id, status]));

describe("examples/weekend-shutdown end to end against the local RDS endpoint", () => {
  let emulator: RunningEmulator;

  beforeAll(async () => {
    emulator = await startE2eEmulator(
      DEFAULT_FLEET.map((cluster) => ({
        DBClusterIdentifier: cluster.clusterIdentifier,
        region: cluster.region,
        Status: "available",
      })),
    );
  });
  afterAll(() => emulator.stop());

  it("stops the fleet on `state=stopped`, starts it on `state=running`, leaves it running on destroy", async () => {
    await withInlineStack(
      e2eStackOptions(emulator, () => Promise.resolve(program())),
      async (run) => {
        await run.stack.setConfig("state", { value: "stopped" });
        const friday = await run.up();
        // One fleet per Region (eu-west-1, us-east-1) plus the stack.
        expect(friday.summary.resourceChanges).toEqual({ create: 3 });
        expect(await statusesOf(emulator, IDS)).toEqual(all("stopped"));
        expect(Object.keys(friday.outputs.statuses?.value as object).sort()).toEqual(
          [...KEYS].sort(),
        );
        expect(Object.values(friday.outputs.statuses?.value as object)).toEqual(
          IDS.map(() => "stopped"),
        );

        await run.stack.setConfig("state", { value: "running" });
        const monday = await run.up();
        expect(monday.summary.resourceChanges).toEqual({ update: 2, same: 1 });
        expect(await statusesOf(emulator, IDS)).toEqual(all("available"));

        const destroy = await run.destroy();
        expect(destroy.summary.resourceChanges).toEqual({ delete: 3 });
        expect(await statusesOf(emulator, IDS)).toEqual(all("available"));
      },
    );
  });
});
