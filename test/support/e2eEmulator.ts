import * as fs from "node:fs";
import * as path from "node:path";
import type { PulumiFn } from "@pulumi/pulumi/automation";
import {
  startEmulator,
  type EmulatorConfig,
  type RunningEmulator,
  type SeedCluster,
} from "aurora-power/emulator";
import { CLUSTER_POWER_STATE_TYPE } from "aurora-power";
import {
  acceleratedProviderEnv,
  repoRoot,
  type InlineStack,
  type InlineStackOptions,
} from "../../scripts/harness";

/** Emulated transitions for the e2e tier: fractions of a second instead of minutes. */
export const E2E_EMULATOR_CONFIG: Partial<EmulatorConfig> = {
  stopSeconds: 0.5,
  startSeconds: 0.5,
  backingUpSeconds: 0.2,
  instanceSettleSeconds: 0,
};

/** The dynamic provider process loads the built package: fail with the fix rather than MODULE_NOT_FOUND. */
function requireBuiltPackage(): void {
  const built = path.join(repoRoot(), "dist", "provider", "dynamic", "implementation.js");
  if (!fs.existsSync(built))
    throw new Error(
      `${built} is missing: run \`npm run build\` before the e2e tier (npm test does)`,
    );
}

/** Starts a local RDS endpoint for one test file, seeded with `seed`, with accelerated transitions. */
export function startE2eEmulator(
  seed: SeedCluster[],
  config: Partial<EmulatorConfig> = {},
): Promise<RunningEmulator> {
  requireBuiltPackage();
  return startEmulator({ ...E2E_EMULATOR_CONFIG, ...config, seed });
}

/** Stack options for `program` against `emulator`, with the provider's poller accelerated to match. */
export function e2eStackOptions(emulator: RunningEmulator, program: PulumiFn): InlineStackOptions {
  return {
    program,
    endpointUrl: emulator.url,
    region: "us-east-1",
    env: acceleratedProviderEnv(0.5),
    onOutput:
      process.env.AURORA_POWER_E2E_VERBOSE === "1"
        ? (text) => process.stdout.write(text)
        : undefined,
  };
}

/** The emulator's current `Status` of each cluster, by identifier. */
export async function statusesOf(
  emulator: RunningEmulator,
  ids: string[],
): Promise<Record<string, string | undefined>> {
  const entries = await Promise.all(
    ids.map(async (id) => [id, (await emulator.admin.getCluster(id))?.Status] as const),
  );
  return Object.fromEntries(entries);
}

/** Polls until `id` has `status` (the emulator transitions on its own clock), at most `timeoutMs`. */
export async function waitForStatus(
  emulator: RunningEmulator,
  id: string,
  status: string,
  timeoutMs = 10_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let seen: string | undefined;
  while (Date.now() < deadline) {
    seen = (await emulator.admin.getCluster(id))?.Status;
    if (seen === status) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(
    `cluster ${id} did not reach ${status} within ${timeoutMs} ms (last seen ${seen})`,
  );
}

/**
 * The power state a recorded RDS status stands for. A start is complete once the cluster accepts
 * connections, which includes `backing-up` (it passes through it after a start), so the provider
 * may record either.
 */
export function powerOf(status: unknown): string {
  if (status === "stopped") return "stopped";
  if (status === "available" || status === "backing-up") return "running";
  return String(status);
}

/** The `status` each ClusterPowerState recorded in the stack's state (refresh updates these, not stack outputs). */
export async function recordedStatuses(run: InlineStack): Promise<Record<string, unknown>> {
  const { deployment } = await run.stack.exportStack();
  const resources =
    (deployment as { resources?: { type: string; outputs?: Record<string, unknown> }[] })
      .resources ?? [];
  const entries = resources
    .filter((r) => r.type === CLUSTER_POWER_STATE_TYPE)
    .map((r) => [String(r.outputs?.clusterIdentifier), r.outputs?.status] as const);
  return Object.fromEntries(entries);
}
