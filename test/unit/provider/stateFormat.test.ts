import { readFileSync } from "node:fs";
import path from "node:path";
import { RDSClient } from "@aws-sdk/client-rds";
import { mockClient } from "aws-sdk-client-mock";
import * as clusterProvider from "../../../provider/dynamic/implementation";
import * as fleetProvider from "../../../provider/fleet/implementation";
import {
  FLEET_FORMAT,
  NewerStateError,
  PACKAGE_VERSION,
  POWER_STATE_FORMAT,
  SCHEMA_VERSION,
  upgradeState,
} from "../../../provider/state/stateFormat";
import { inputs as fleetInputs, stoppedMember } from "./support/fleetFixtures";

const rds = mockClient(RDSClient);

const CLUSTER_ID = "eu-west-1/dev-orders";
const FLEET_ID = "eu-west-1/fleet/x";

/** `ClusterPowerState`'s stored outputs in format 1. */
const clusterState = (): Record<string, unknown> => ({
  clusterIdentifier: "dev-orders",
  state: "stopped",
  region: "eu-west-1",
  onDelete: "restore",
  timeoutMinutes: 60,
  status: "stopped",
  initialState: "running",
  clusterArn: "arn:aws:rds:eu-west-1:123456789012:cluster:dev-orders",
  engine: "aurora-postgresql",
  engineMode: "provisioned",
  schemaVersion: 1,
  writtenBy: PACKAGE_VERSION,
  __provider: "shim",
});

/** `ClusterFleetPowerState`'s stored outputs in format 1. */
const fleetState = (): Record<string, unknown> => ({
  ...fleetInputs("dev-orders"),
  members: { "dev-orders": stoppedMember("dev-orders") },
  schemaVersion: 1,
  writtenBy: PACKAGE_VERSION,
});

/** A state written by a later aurora-power, in format 2. */
const NEWER = { schemaVersion: 2, writtenBy: "9.9.9" };

const newerMessage = (resource: string, id: string) =>
  `the state of ${resource} \`${id}\` was written by aurora-power 9.9.9 (state format 2); the installed aurora-power ${PACKAGE_VERSION} reads formats up to 1. ` +
  "Install aurora-power 9.9.9 or later (`npm install aurora-power@^9.9.9`) in the program's directory and run the command again; nothing was changed";

beforeEach(() => {
  rds.reset();
  clusterProvider.setRuntimeHooks({ env: {}, progress: () => undefined, note: () => undefined });
});

describe("upgradeState", () => {
  it("returns a format-1 bag unchanged", () => {
    const bag = clusterState();
    expect(upgradeState(POWER_STATE_FORMAT, CLUSTER_ID, bag)).toBe(bag);
    expect(upgradeState(POWER_STATE_FORMAT, CLUSTER_ID, bag)).toEqual(clusterState());
    const fleetBag = fleetState();
    expect(upgradeState(FLEET_FORMAT, FLEET_ID, fleetBag)).toBe(fleetBag);
  });

  it("returns a bag without schemaVersion (inputs only) unchanged", () => {
    const bag = clusterState();
    delete bag.schemaVersion;
    delete bag.writtenBy;
    expect(upgradeState(POWER_STATE_FORMAT, CLUSTER_ID, bag)).toBe(bag);
    expect(bag).not.toHaveProperty("schemaVersion");
  });

  it("refuses a newer format, naming the version that wrote it", () => {
    expect(() =>
      upgradeState(POWER_STATE_FORMAT, CLUSTER_ID, { ...clusterState(), ...NEWER }),
    ).toThrow(new NewerStateError("ClusterPowerState", CLUSTER_ID, 2, 1, "9.9.9"));
    expect(() =>
      upgradeState(POWER_STATE_FORMAT, CLUSTER_ID, { ...clusterState(), ...NEWER }),
    ).toThrow(newerMessage("ClusterPowerState", CLUSTER_ID));
  });

  it("asks for the newest aurora-power when the newer state does not say which wrote it", () => {
    expect(() =>
      upgradeState(POWER_STATE_FORMAT, CLUSTER_ID, {
        ...clusterState(),
        schemaVersion: 2,
        writtenBy: undefined,
      }),
    ).toThrow(
      `the state of ClusterPowerState \`${CLUSTER_ID}\` was written by a newer aurora-power (state format 2); the installed aurora-power ${PACKAGE_VERSION} reads formats up to 1. ` +
        "Install the newest aurora-power (`npm install aurora-power@latest`) in the program's directory and run the command again; nothing was changed",
    );
  });

  it("records the installed package's version as writtenBy", () => {
    const manifest = JSON.parse(
      readFileSync(path.join(__dirname, "../../../package.json"), "utf8"),
    ) as { version: string };
    expect(PACKAGE_VERSION).toBe(manifest.version);
    expect(SCHEMA_VERSION).toBe(1);
  });
});

describe.each([
  ["ClusterPowerState", clusterProvider, CLUSTER_ID, clusterState],
  ["ClusterFleetPowerState", fleetProvider, FLEET_ID, fleetState],
] as const)("%s with a state written by a later aurora-power", (resource, provider, id, state) => {
  const newer = () => ({ ...state(), ...NEWER });
  /** The method returns a rejected promise (the contract), never throws, and calls no AWS API. */
  const expectRefusal = async (call: () => Promise<unknown>) => {
    let pending: Promise<unknown> | undefined;
    expect(() => {
      pending = call();
    }).not.toThrow();
    const error = await pending?.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NewerStateError);
    expect((error as Error).message).toBe(newerMessage(resource, id));
    expect(rds.calls()).toHaveLength(0);
  };

  it("diff refuses it", async () => {
    await expectRefusal(() => provider.diff(id, newer(), state()));
  });

  it("read refuses it, with no AWS call", async () => {
    await expectRefusal(() => provider.read(id, newer()));
  });

  it("update refuses it, with no AWS call", async () => {
    await expectRefusal(() => provider.update(id, newer(), { ...state(), state: "running" }));
  });

  it("delete refuses it, with no AWS call", async () => {
    await expectRefusal(() => provider.delete(id, newer()));
  });
});
