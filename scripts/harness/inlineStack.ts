import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import {
  ConfigMap,
  DestroyOptions,
  DestroyResult,
  LocalWorkspace,
  PreviewOptions,
  PreviewResult,
  PulumiCommand,
  PulumiFn,
  RefreshOptions,
  RefreshResult,
  Stack,
  UpOptions,
  UpResult,
} from "@pulumi/pulumi/automation";
import { engineBinDir, engineRoot, repoRoot } from "./paths";
import { buildStackEnv } from "./stackEnv";

/** How to run one program as a temporary stack against a local RDS endpoint. */
export interface InlineStackOptions {
  /** The Pulumi program (an inline program function, e.g. an example's exported `program`). */
  program: PulumiFn;
  /** The local RDS endpoint (`AWS_ENDPOINT_URL_RDS`); the harness never targets real AWS. */
  endpointUrl: string;
  /** AWS region for the provider; default `us-east-1`. */
  region?: string;
  /** Default `aurora-power-harness`. */
  projectName?: string;
  /** Default: a unique name, so parallel test files never share a stack. */
  stackName?: string;
  /** Stack configuration, e.g. `{ "aws:region": { value: "eu-west-1" } }`. */
  config?: ConfigMap;
  /** Extra environment for the engine and the provider process (e.g. poller knobs). */
  env?: Record<string, string>;
  /** Policy pack directories enforced on `up` and `preview`. */
  policyPacks?: string[];
  /** Receives the engine's streamed output of every operation. */
  onOutput?: (text: string) => void;
}

/** A temporary stack; call {@link InlineStack.dispose} (or use {@link withInlineStack}) to remove it. */
export interface InlineStack {
  readonly stack: Stack;
  readonly stackName: string;
  /** The stack's scratch directory (workspace, `file://` backend); removed by `dispose`. */
  readonly workDir: string;
  up(options?: UpOptions): Promise<UpResult>;
  preview(options?: PreviewOptions): Promise<PreviewResult>;
  refresh(options?: RefreshOptions): Promise<RefreshResult>;
  destroy(options?: DestroyOptions): Promise<DestroyResult>;
  /** Writes `pulumi stack export` to `file` (for `pulumi policy analyze --file`) and returns its path. */
  exportTo(file: string): Promise<string>;
  /** Removes the stack and its directories (also its resources' state, never the resources). Idempotent. */
  dispose(): Promise<void>;
}

let stackCounter = 0;

function uniqueStackName(): string {
  stackCounter += 1;
  return `h${process.pid}-${Date.now().toString(36)}-${stackCounter}`;
}

/**
 * The scratch directory lives under `<repo>/.pulumi-test/` (git-ignored) rather than the system temp
 * directory: the dynamic provider process starts in the stack's workDir and must resolve
 * `@pulumi/pulumi/cmd/dynamic-provider` and the package self-reference `aurora-power/dynamic` from
 * there (DESIGN.md §5). It is not the repo root itself because the workspace writes `Pulumi.yaml` there.
 */
function makeWorkDir(stackName: string): string {
  const dir = path.join(repoRoot(), ".pulumi-test", stackName);
  fs.mkdirSync(path.join(dir, "backend"), { recursive: true });
  return dir;
}

/**
 * The CLI keeps a small per-project workspace file in `$PULUMI_HOME/workspaces`, named after the
 * SHA-1 of the project file's path; each harness stack has its own directory, so remove it too.
 */
function removeWorkspaceFile(projectName: string, workDir: string): void {
  const home = process.env.PULUMI_HOME ?? path.join(os.homedir(), ".pulumi");
  const hash = createHash("sha1").update(path.join(workDir, "Pulumi.yaml")).digest("hex");
  fs.rmSync(path.join(home, "workspaces", `${projectName}-${hash}-workspace.json`), {
    force: true,
  });
}

/** The provisioned CLI, or an error telling how to provision it. */
async function provisionedCli(): Promise<PulumiCommand> {
  if (!fs.existsSync(path.join(engineBinDir(), "pulumi"))) {
    throw new Error(
      `no pulumi CLI in ${engineBinDir()}; run \`npm run engine\` first (npm test and npm start do)`,
    );
  }
  return PulumiCommand.get({ root: engineRoot(), skipVersionCheck: true });
}

/**
 * Creates (or selects) a temporary stack that runs `options.program` through the Automation API's
 * inline mode with the provisioned CLI, a `file://` backend and a passphrase secrets provider.
 * @example
 * const run = await createInlineStack({ program, endpointUrl: emulator.url });
 * try { await run.up(); } finally { await run.dispose(); }
 */
export async function createInlineStack(options: InlineStackOptions): Promise<InlineStack> {
  const stackName = options.stackName ?? uniqueStackName();
  const projectName = options.projectName ?? "aurora-power-harness";
  const workDir = makeWorkDir(stackName);
  const envVars = buildStackEnv({
    endpointUrl: options.endpointUrl,
    region: options.region ?? "us-east-1",
    backendDir: path.join(workDir, "backend"),
    extra: options.env,
  });
  try {
    const stack = await LocalWorkspace.createOrSelectStack(
      { projectName, stackName, program: options.program },
      {
        workDir,
        envVars,
        secretsProvider: "passphrase",
        pulumiCommand: await provisionedCli(),
        projectSettings: {
          name: projectName,
          runtime: "nodejs",
          backend: { url: `file://${workDir}/backend` },
        },
      },
    );
    if (options.config) await stack.setAllConfig(options.config);
    return wrapStack(stack, stackName, workDir, { ...options, projectName });
  } catch (error) {
    fs.rmSync(workDir, { recursive: true, force: true });
    removeWorkspaceFile(projectName, workDir);
    throw error;
  }
}

function wrapStack(
  stack: Stack,
  stackName: string,
  workDir: string,
  options: InlineStackOptions & { projectName: string },
): InlineStack {
  const streamed = { onOutput: options.onOutput, color: "never" as const };
  const withPolicies = { ...streamed, policyPacks: options.policyPacks };
  let disposed = false;
  return {
    stack,
    stackName,
    workDir,
    up: (more) => stack.up({ ...withPolicies, ...more }),
    preview: (more) => stack.preview({ ...withPolicies, ...more }),
    refresh: (more) => stack.refresh({ ...streamed, ...more }),
    destroy: (more) => stack.destroy({ ...streamed, ...more }),
    async exportTo(file) {
      const deployment = await stack.exportStack();
      fs.writeFileSync(file, JSON.stringify(deployment, null, 2));
      return file;
    },
    async dispose() {
      if (disposed) return;
      disposed = true;
      try {
        await stack.workspace.removeStack(stackName, { force: true });
      } finally {
        fs.rmSync(workDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
        removeWorkspaceFile(options.projectName, workDir);
      }
    },
  };
}

/**
 * Runs `body` with a temporary stack and always disposes it afterwards, also when `body` throws.
 * Resources still in the stack are not destroyed: call `destroy()` in `body` when that matters.
 */
export async function withInlineStack<T>(
  options: InlineStackOptions,
  body: (run: InlineStack) => Promise<T>,
): Promise<T> {
  const run = await createInlineStack(options);
  try {
    return await body(run);
  } finally {
    await run.dispose();
  }
}
