import { startEmulator, type EmulatorOptions, type RunningEmulator } from "aurora-power/emulator";
import * as impl from "../../../provider/dynamic/implementation";

/** Environment of the provider process in these tests: local endpoint, fake credentials, fast knobs. */
export const FAST_ENV: Record<string, string> = {
  AWS_REGION: "eu-west-1",
  AWS_ACCESS_KEY_ID: "test",
  AWS_SECRET_ACCESS_KEY: "test",
  AWS_EC2_METADATA_DISABLED: "true",
  AURORA_POWER_POLL_MIN_INTERVAL_MS: "50",
  AURORA_POWER_POLL_MAX_INTERVAL_MS: "200",
  AURORA_POWER_EXPECTED_STOP_SECONDS: "0.3",
  AURORA_POWER_EXPECTED_START_SECONDS: "0.3",
  AURORA_POWER_EXPECTED_OTHER_SECONDS: "0.3",
  AURORA_POWER_STALE_GRACE_MS: "200",
  AURORA_POWER_RACE_MAX_DELAY_MS: "200",
  AURORA_POWER_PROGRESS_INTERVAL_SECONDS: "60",
  // These endpoints enforce no quota: a share far above RDS's keeps the client-side limiter out of
  // the way of the timing tests (rateLimiter.test.ts sets its own share against quota mode).
  AURORA_POWER_RDS_RATE: "1000",
  AURORA_POWER_RDS_BURST: "10000",
};

/** One emulator per test file, the provider pointed at it through AWS_ENDPOINT_URL_RDS. */
export interface ProviderTestbed {
  emu: RunningEmulator;
  messages: string[];
  /** Inputs as `check` completes them. */
  inputs(
    clusterIdentifier: string,
    extra?: Record<string, unknown>,
  ): Promise<Record<string, unknown>>;
}

/** Starts the emulator and points the provider implementation at it (env as the engine passes it). */
export async function startTestbed(options: EmulatorOptions = {}): Promise<ProviderTestbed> {
  const emu = await startEmulator({ stopSeconds: 0.3, startSeconds: 0.3, ...options });
  // The SDK reads the endpoint and credentials from process.env itself, as in the provider process.
  for (const name of [
    "AWS_PROFILE",
    "AWS_ROLE_ARN",
    "AWS_WEB_IDENTITY_TOKEN_FILE",
    "AWS_ENDPOINT_URL",
  ])
    delete process.env[name];
  Object.assign(process.env, FAST_ENV, { AWS_ENDPOINT_URL_RDS: emu.url });
  const env = process.env;
  const messages: string[] = [];
  impl.setRuntimeHooks({ env, progress: (m) => messages.push(m), note: (m) => messages.push(m) });
  const inputs = async (clusterIdentifier: string, extra: Record<string, unknown> = {}) => {
    const result = await impl.check(
      {},
      { clusterIdentifier, state: "stopped", ...extra, __provider: "shim" },
    );
    expect(result.failures).toEqual([]);
    return result.inputs ?? {};
  };
  return { emu, messages, inputs };
}

/** The status the emulator holds for a cluster now. */
export async function statusOf(emu: RunningEmulator, id: string): Promise<string | undefined> {
  return (await emu.admin.getCluster(id))?.Status;
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

export { impl };
