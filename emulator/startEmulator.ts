import type { AddressInfo } from "node:net";
import type { EmulatorOptions } from "./types";
import { DEFAULT_CONFIG, mergeConfig } from "./config";
import { systemClock } from "./clock";
import { createEmulatorState } from "./emulatorState";
import { createEmulatorServer } from "./server";
import { EmulatorAdminClient } from "./adminClient";
import { resolveFaultSeed } from "./faultSeed";
import { PORT_RANGE, settingProblem } from "./settingRanges";

/** A started emulator: its base URL, its admin client and a way to stop it. */
export interface RunningEmulator {
  /** `http://127.0.0.1:PORT`: pass as the SDK's `endpoint` or `AWS_ENDPOINT_URL_RDS`. */
  url: string;
  admin: EmulatorAdminClient;
  /**
   * The seed of the fault-injection PRNG now in use (`faultSeed`, else `AURORA_POWER_FAULT_SEED`,
   * else random); null when `random` was injected. Report it: the same seed replays the same draws.
   */
  readonly faultSeed: number | null;
  /** Closes the server and every open connection; calling it again is harmless. */
  stop(): Promise<void>;
}

/**
 * Starts a local RDS endpoint speaking the RDS Query protocol, so the unmodified
 * `@aws-sdk/client-rds` can stop, start and describe emulated Aurora clusters over HTTP.
 *
 * @example
 * import { RDSClient, StopDBClusterCommand } from "@aws-sdk/client-rds";
 * import { startEmulator } from "aurora-power/emulator";
 *
 * const emu = await startEmulator({ stopSeconds: 0.2, seed: [{ DBClusterIdentifier: "dev-orders" }] });
 * const rds = new RDSClient({
 *   endpoint: emu.url,
 *   region: "eu-west-1",
 *   credentials: { accessKeyId: "test", secretAccessKey: "test" },
 * });
 * await rds.send(new StopDBClusterCommand({ DBClusterIdentifier: "dev-orders" }));
 * console.log(await emu.admin.events()); // available → stopping → stopped, with ms timestamps
 * await emu.stop();
 */
export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const { host = "127.0.0.1", port = 0, seed = [], clock, random, faultSeed, ...config } = options;
  const portProblem = settingProblem("`port`", port, PORT_RANGE);
  if (portProblem !== undefined) throw new RangeError(portProblem);
  const state = createEmulatorState(
    mergeConfig({ ...DEFAULT_CONFIG }, config),
    clock ?? systemClock,
    random ? { random } : { faultSeed: resolveFaultSeed(faultSeed) },
  );
  seed.forEach((cluster) => state.store.seed(cluster));
  const server = createEmulatorServer(state);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const hostPart = address.family === "IPv6" ? `[${address.address}]` : address.address;
  const url = `http://${hostPart}:${address.port}`;
  let stopping: Promise<void> | undefined;
  return {
    url,
    admin: new EmulatorAdminClient(url),
    get faultSeed() {
      return state.faultSeed;
    },
    // Idempotent: a test's afterEach may stop an emulator the test already stopped.
    stop: () =>
      (stopping ??= new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      })),
  };
}
