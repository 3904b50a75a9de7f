/**
 * `npm start`: the quickstart on the local RDS endpoint, with the real Pulumi engine. Starts the
 * endpoint with demo clusters, runs `pulumi up` of examples/quickstart (stopping the non-production
 * clusters), prints a before / after table, shows the policy pack refusing to stop production in a
 * preview, runs `pulumi destroy` (which restores every cluster) and stops the endpoint. Loopback
 * only, no AWS account; Ctrl-C at any point leaves nothing running.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { ClusterPowerState } from "aurora-power";
import { startEmulator, type RunningEmulator } from "aurora-power/emulator";
import { quickstartProgram } from "../examples/quickstart/program";
import { DEMO_CLUSTERS, DEMO_TRANSITION_SECONDS } from "./demo/demoClusters";
import { indentedLineWriter } from "./demo/engineOutput";
import { foldStates, showKeeper } from "./demo/keeperDemo";
import { exitCleanlyOnInterrupt, stopDescendants, wasInterrupted } from "./demo/interrupt";
import { formatStatusTable, statusColumn, type StatusColumn } from "./demo/statusTable";
import {
  acceleratedProviderEnv,
  createInlineStack,
  repoRoot,
  type InlineStack,
  type InlineStackOptions,
} from "./harness";

const IDS = DEMO_CLUSTERS.map((c) => c.DBClusterIdentifier);

/** What must be torn down however the demo ends. */
const live: { emulator?: RunningEmulator; stacks: InlineStack[] } = { stacks: [] };

function step(title: string): void {
  process.stdout.write(`\n━━ ${title}\n`);
}

function indented(text: string): void {
  process.stdout.write(text.replace(/^(?=.)/gm, "   │ "));
}

const engineOutput = indentedLineWriter((text) => process.stdout.write(text));

function stackOptions(
  emulator: RunningEmulator,
  program: InlineStackOptions["program"],
  quiet = false,
): InlineStackOptions {
  return {
    program,
    endpointUrl: emulator.url,
    region: "us-east-1",
    projectName: "aurora-power-quickstart",
    config: { "aws:region": { value: "us-east-1" } },
    env: acceleratedProviderEnv(DEMO_TRANSITION_SECONDS),
    onOutput: quiet ? undefined : engineOutput.onOutput,
  };
}

/**
 * The statuses once no cluster is in transition (a start ends with a short `backing-up`, see
 * DESIGN.md §1), bounded so a stuck cluster still shows up in the table.
 */
async function capture(emulator: RunningEmulator, heading: string): Promise<StatusColumn> {
  engineOutput.flush();
  const deadline = Date.now() + 15_000;
  let clusters = await emulator.admin.listClusters();
  while (
    Date.now() < deadline &&
    clusters.some((c) => c.Status !== "available" && c.Status !== "stopped")
  ) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    clusters = await emulator.admin.listClusters();
  }
  return statusColumn(heading, clusters);
}

/** A program that tries to stop the production cluster: the policy pack must refuse it. */
function stopProductionProgram(): Promise<Record<string, never>> {
  new ClusterPowerState("prod-orders", { clusterIdentifier: "prod-orders", state: "stopped" });
  return Promise.resolve({});
}

async function showPolicyRefusal(emulator: RunningEmulator): Promise<void> {
  const policyPack = path.join(repoRoot(), "policy");
  const run = await createInlineStack({
    ...stackOptions(emulator, stopProductionProgram, true),
    policyPacks: [policyPack],
  });
  live.stacks.push(run);
  try {
    await run.preview();
    throw new Error(
      "the policy pack allowed a preview that stops prod-orders; expected a mandatory violation",
    );
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    const lines = text.split("\n").map((line) => line.trim());
    const violations = [
      ...new Set(
        lines.filter((line) => /mandatory|production/i.test(line) && !line.startsWith("at ")),
      ),
    ];
    if (violations.length === 0) throw error;
    indented(`${violations.join("\n")}\n`);
    process.stdout.write("   → the preview failed: nothing was changed.\n");
  }
  await run.dispose();
}

async function main(): Promise<void> {
  step("1/6  Local RDS endpoint (127.0.0.1 only, no AWS account)");
  const emulator = await startEmulator({
    seed: DEMO_CLUSTERS,
    stopSeconds: DEMO_TRANSITION_SECONDS,
    startSeconds: DEMO_TRANSITION_SECONDS,
    backingUpSeconds: 1,
  });
  live.emulator = emulator;
  process.stdout.write(`   listening on ${emulator.url}; clusters: ${IDS.join(", ")}\n`);
  const before = await capture(emulator, "before");

  step("2/6  pulumi up  (examples/quickstart: stop non-production, keep production running)");
  const quickstart = await createInlineStack(stackOptions(emulator, quickstartProgram));
  live.stacks.push(quickstart);
  const up = await quickstart.up();
  const afterUp = await capture(emulator, "after up");
  process.stdout.write(`\n${formatStatusTable(IDS, [before, afterUp])}\n`);
  process.stdout.write(`   resources: ${JSON.stringify(up.summary.resourceChanges)}\n`);

  step("3/6  7 days later: RDS starts dev-orders by itself; ClusterKeepStopped stops it again");
  const keeper = await showKeeper(emulator, "dev-orders");
  process.stdout.write(`   RDS-EVENT-0153 dev-orders: ${keeper.automaticStartMessage}\n`);
  process.stdout.write(
    `   the keeper's workflow (Step Functions definition, run here locally): ${foldStates(keeper.execution.states)}: ${keeper.execution.status}\n`,
  );
  process.stdout.write(
    `   → dev-orders is stopped again; it ran ${keeper.ranSeconds.toFixed(1)} s (on AWS: minutes, instead of until the next \`pulumi up\`).\n`,
  );

  step("4/6  pulumi preview --policy-pack policy  (a program that stops prod-orders)");
  await showPolicyRefusal(emulator);

  step("5/6  pulumi destroy  (onDelete: restore puts every cluster back)");
  await quickstart.destroy();
  const afterDestroy = await capture(emulator, "after destroy");
  process.stdout.write(`\n${formatStatusTable(IDS, [before, afterUp, afterDestroy])}\n`);
  await quickstart.dispose();

  step("6/6  Stopping the local endpoint");
  await emulator.stop();
  live.emulator = undefined;
  const restored = IDS.every((id) => before.statuses.get(id) === afterDestroy.statuses.get(id));
  if (!restored)
    throw new Error("destroy did not restore every cluster to its status before the demo");
  process.stdout.write("   done: every cluster is back as it was, nothing is left running.\n");
}

/** Removes what is still up without calling the CLI again (used on failure and on Ctrl-C). */
async function tearDown(): Promise<void> {
  for (const run of live.stacks)
    fs.rmSync(run.workDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
  await live.emulator?.stop();
}

exitCleanlyOnInterrupt(tearDown);
main().then(
  () => process.exit(0),
  async (error: unknown) => {
    // After Ctrl-C the running operation fails too; the interrupt handler finishes the job.
    if (wasInterrupted()) return;
    process.stderr.write(
      `\nnpm start failed: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    await stopDescendants();
    await tearDown();
    process.exit(1);
  },
);
