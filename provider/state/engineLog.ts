/**
 * The provider's lines to the Pulumi engine, for both adapters: progress while a cluster is
 * waited on (ephemeral: the CLI shows it live and leaves it out of the final Diagnostics) and the
 * lines worth keeping (what an operation did, what `pulumi up` will do).
 *
 * The dynamic provider process is not connected to the engine (pulumi/pulumi#6065): its
 * `cmd/dynamic-provider` receives the engine's address as its argument but never hands it to the
 * SDK, so `pulumi.log` falls back to `console.log("info: [runtime] …")`, which the engine shows as
 * a plain info line and the `ephemeral` flag is lost. So the first line connects the SDK to that
 * address with `pulumi.runtime.resetOptions` (the provider process registers no resources, so the
 * options it resets are unused there); outside that process (tests) nothing is changed.
 */
import * as pulumi from "@pulumi/pulumi";

/** Where the core's lines go (see `LogSinks` in ../core/runtime). */
export interface EngineLog {
  /** A progress line: shown live, left out of the final Diagnostics. */
  progress: (message: string) => void;
  /** A line kept in the final Diagnostics. */
  note: (message: string) => void;
  /** A warning, kept in the final Diagnostics. */
  warn: (message: string) => void;
}

/** `host:port`, as the engine passes its address to a plugin. */
const ENGINE_ADDRESS = /^(127\.0\.0\.1|localhost|\[::1\]):\d+$/;

let connected = false;

/** Connects `pulumi.log` to the engine once, inside the dynamic provider process only. */
function connectOnce(): void {
  if (connected) return;
  connected = true;
  const [, script = "", address = ""] = process.argv;
  const inDynamicProvider = /cmd[\\/]dynamic-provider/.test(script);
  if (pulumi.runtime.hasEngine() || !inDynamicProvider || !ENGINE_ADDRESS.test(address)) return;
  pulumi.runtime.resetOptions(
    pulumi.runtime.getProject(),
    pulumi.runtime.getStack(),
    -1,
    address,
    "",
    pulumi.runtime.isDryRun(),
    "", // The provider process gets no organization; getOrganization() would throw.
  );
}

/** The engine's log, as both adapters hand it to the core. */
export const engineLog: EngineLog = {
  progress: (message) => {
    connectOnce();
    void pulumi.log.info(message, undefined, undefined, true);
  },
  note: (message) => {
    connectOnce();
    void pulumi.log.info(message);
  },
  warn: (message) => {
    connectOnce();
    void pulumi.log.warn(message);
  },
};
