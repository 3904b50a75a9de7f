import * as path from "node:path";
import type { PulumiFn } from "@pulumi/pulumi/automation";
import { ClusterPowerState } from "aurora-power";
import type { RunningEmulator } from "aurora-power/emulator";
import type { InlineStack, InlineStackOptions } from "../../../scripts/harness";
import { e2eStackOptions } from "../../support/e2eEmulator";
import { findPlantedCredentials, PLANTED_CREDENTIALS } from "../../support/plantedCredentials";

/** The fault mix: 30 % Throttling, 5 % InternalFailure, plus latency on every answer. */
export const FAULT_MIX = { throttleRate: 0.3, errorRate: 0.05, latencyMs: 25 };

/**
 * Prints the seed of the emulator's fault draws once per file, so a failed run can be replayed:
 * `AURORA_POWER_FAULT_SEED=<seed> npx jest <file>` (the emulator takes the variable at start).
 */
export function reportFaultSeed(emulator: RunningEmulator, file: string): void {
  const seed = String(emulator.faultSeed);
  process.stdout.write(
    `[reliability] ${file}: fault seed ${seed}; replay with AURORA_POWER_FAULT_SEED=${seed}\n`,
  );
}

/** No injected fault: for the steps after the one under test, to keep the suite short. */
export const NO_FAULTS = { throttleRate: 0, errorRate: 0, latencyMs: 0 };

/** Cluster identifiers `prefix-00` … for `count` clusters. */
export function clusterIds(prefix: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => `${prefix}-${String(i).padStart(2, "0")}`);
}

/**
 * A program holding every cluster of `ids` in `state`. It exports no outputs: stack outputs are
 * registered once they resolve, and an interrupted engine turns that late call into an unhandled
 * gRPC rejection (`UNAVAILABLE: Connection dropped`) inside the test process.
 */
export function holdAll(ids: string[], state: "running" | "stopped", timeoutMinutes = 2): PulumiFn {
  return () => {
    for (const id of ids)
      new ClusterPowerState(id, { clusterIdentifier: id, state, timeoutMinutes });
    return Promise.resolve();
  };
}

/**
 * Harness options for the reliability stacks: the e2e defaults (accelerated poller, local endpoint)
 * plus fake credentials planted in the environment of `pulumi` and its provider process.
 */
export function reliabilityStackOptions(
  emulator: RunningEmulator,
  program: PulumiFn,
  env: Record<string, string> = {},
): InlineStackOptions {
  const base = e2eStackOptions(emulator, program);
  return { ...base, env: { ...base.env, ...PLANTED_CREDENTIALS, ...env } };
}

/** Planted credentials found in the stack's export or anywhere in its backend directory (none expected). */
export async function plantedCredentialsIn(run: InlineStack): Promise<string[]> {
  const exported = JSON.stringify(await run.stack.exportStack());
  return findPlantedCredentials({ "pulumi stack export": exported }, [
    path.join(run.workDir, "backend"),
    run.workDir,
  ]);
}

/** Statuses of `ids` in the emulator, counted (e.g. `{ stopped: 50 }`). */
export async function statusCounts(
  emulator: RunningEmulator,
  ids: string[],
): Promise<Record<string, number>> {
  const wanted = new Set(ids);
  const counts: Record<string, number> = {};
  for (const cluster of await emulator.admin.listClusters()) {
    if (wanted.has(cluster.DBClusterIdentifier))
      counts[cluster.Status] = (counts[cluster.Status] ?? 0) + 1;
  }
  return counts;
}

/** Pending operations the stack's checkpoint holds (left by an interrupted update). */
export async function pendingOperations(
  run: InlineStack,
): Promise<{ type: string; urn: string }[]> {
  const { deployment } = await run.stack.exportStack();
  const pending =
    (deployment as { pending_operations?: { type: string; resource: { urn: string } }[] })
      .pending_operations ?? [];
  return pending.map((op) => ({ type: op.type, urn: op.resource.urn }));
}

/** Logs a measured figure so `npm test` output (and docs/reliability.md) can quote it. */
export function reportFigure(scenario: string, figure: Record<string, unknown>): void {
  process.stdout.write(`[reliability] ${scenario}: ${JSON.stringify(figure)}\n`);
}
