import * as impl from "../../../provider/dynamic/implementation";

/**
 * Environment of the provider process in the reliability integration tests: loopback endpoint, fake
 * credentials, fast poller knobs, and few SDK attempts so a broken endpoint fails in seconds.
 */
export function reliabilityEnv(
  endpointUrl: string,
  extra: Record<string, string> = {},
): Record<string, string> {
  return {
    AWS_ENDPOINT_URL_RDS: endpointUrl,
    AWS_REGION: "eu-west-1",
    AWS_ACCESS_KEY_ID: "test",
    AWS_SECRET_ACCESS_KEY: "test",
    AWS_EC2_METADATA_DISABLED: "true",
    AWS_MAX_ATTEMPTS: "2",
    // Bound of one RDS call, retries included: a silent endpoint fails in 1 s, not never.
    AURORA_POWER_REQUEST_TIMEOUT_MS: "1000",
    AURORA_POWER_POLL_MIN_INTERVAL_MS: "50",
    AURORA_POWER_POLL_MAX_INTERVAL_MS: "200",
    AURORA_POWER_EXPECTED_STOP_SECONDS: "0.5",
    AURORA_POWER_EXPECTED_START_SECONDS: "0.5",
    AURORA_POWER_EXPECTED_OTHER_SECONDS: "0.5",
    AURORA_POWER_STALE_GRACE_MS: "200",
    AURORA_POWER_RACE_MAX_DELAY_MS: "200",
    AURORA_POWER_PROGRESS_INTERVAL_SECONDS: "60",
    ...extra,
  };
}

/**
 * Points the provider implementation (as the dynamic provider process runs it) at `endpointUrl`:
 * the SDK reads endpoint and credentials from `process.env` itself. Returns the progress messages.
 */
export function pointProviderAt(endpointUrl: string, extra: Record<string, string> = {}): string[] {
  for (const name of [
    "AWS_PROFILE",
    "AWS_ROLE_ARN",
    "AWS_WEB_IDENTITY_TOKEN_FILE",
    "AWS_ENDPOINT_URL",
    "AWS_SESSION_TOKEN",
  ]) {
    delete process.env[name];
  }
  Object.assign(process.env, reliabilityEnv(endpointUrl, extra));
  const messages: string[] = [];
  impl.setRuntimeHooks({
    env: process.env,
    progress: (m) => messages.push(m),
    note: (m) => messages.push(m),
  });
  return messages;
}

/** Inputs as `check` completes them (fails the test when `check` refuses them). */
export async function checkedInputs(
  clusterIdentifier: string,
  extra: Record<string, unknown> = {},
): Promise<Record<string, unknown>> {
  const result = await impl.check(
    {},
    { clusterIdentifier, state: "stopped", ...extra, __provider: "shim" },
  );
  expect(result.failures).toEqual([]);
  return result.inputs ?? {};
}

/** What a promise settled to, and after how many milliseconds; a guard ends a hang as `hung`. */
export type Settled =
  | { outcome: "resolved"; value: unknown; ms: number }
  | { outcome: "rejected"; error: Error; ms: number }
  | { outcome: "hung"; ms: number };

/** Awaits `promise` for at most `guardMs` (a hang becomes `{ outcome: "hung" }` instead of a jest timeout). */
export async function settleWithin(promise: Promise<unknown>, guardMs: number): Promise<Settled> {
  const startedAt = Date.now();
  let timer: NodeJS.Timeout | undefined;
  const guard = new Promise<"hung">((resolve) => {
    timer = setTimeout(() => resolve("hung"), guardMs);
  });
  try {
    const value = await Promise.race([promise, guard]);
    const ms = Date.now() - startedAt;
    return value === "hung" ? { outcome: "hung", ms } : { outcome: "resolved", value, ms };
  } catch (error) {
    return { outcome: "rejected", error: error as Error, ms: Date.now() - startedAt };
  } finally {
    clearTimeout(timer);
  }
}

export { impl };
