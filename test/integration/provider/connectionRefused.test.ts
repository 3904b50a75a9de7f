import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { FAST_ENV } from "./support";

// Issue 19: `pulumi destroy` against an endpoint with nothing listening took 2 min 15 s to fail
// (8 SDK attempts with back-off, times the 5 describe ticks the poller tolerated). The bounds below
// guard against a return of that; they are timeouts, not a speed test (times are in the change's
// report).
//
// The client runs in a child `node`, not in jest: jest's sandbox has its own `Error`, so the SDK
// wraps Node's socket errors (`instanceof Error` is false there) and drops their `code`, which the
// provider process, a plain `node`, never does.

const ROOT = join(__dirname, "..", "..", "..");

// Transpiles each .ts file to CommonJS on load (no type check), so the child runs the source.
const TS_REGISTER = `
const fs = require("node:fs");
const ts = require(${JSON.stringify(require.resolve("typescript"))});
require.extensions[".ts"] = (module, filename) => {
  const { outputText } = ts.transpileModule(fs.readFileSync(filename, "utf8"), {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
    fileName: filename,
  });
  module._compile(outputText, filename);
};`;

// Describes through ClusterApi at a closed port, then deletes a resource (destroy) whose endpoint
// has gone away; prints what each rejection looked like and how long it took.
const CHILD = `
const net = require("node:net");
const root = ${JSON.stringify(ROOT)};
const { createRdsClient } = require(root + "/provider/rds/createRdsClient.ts");
const { createClusterApi } = require(root + "/provider/rds/clusterApi.ts");
const rdsErrors = require(root + "/provider/rds/classifyRdsError.ts");
const impl = require(root + "/provider/dynamic/implementation.ts");
const { startEmulator } = require(root + "/emulator/index.ts");

async function closedPort() {
  const server = net.createServer();
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}
async function timed(call) {
  const startedAt = Date.now();
  try { await call(); return { resolved: true }; }
  catch (error) {
    return {
      elapsedMs: Date.now() - startedAt, name: error.name, message: error.message,
      code: error.code ?? error.cause?.code, attempts: (error.$metadata ?? error.cause?.$metadata)?.attempts,
      transient: rdsErrors.isTransientError(error.cause ?? error),
      unreachable: rdsErrors.isUnreachableEndpoint(error.cause ?? error),
    };
  }
}
async function main() {
  // The SDK reads the endpoint from process.env itself, as in the provider process.
  process.env.AWS_ENDPOINT_URL_RDS = "http://127.0.0.1:" + (await closedPort());
  const client = createRdsClient({ region: "eu-west-1" }, process.env);
  const describe = await timed(() => createClusterApi(client).describeClusters(["dev-orders"]));
  client.destroy();
  const emu = await startEmulator({ seed: [{ DBClusterIdentifier: "refused-del" }] });
  process.env.AWS_ENDPOINT_URL_RDS = emu.url;
  impl.setRuntimeHooks({ env: process.env, progress: () => undefined, note: () => undefined });
  const { inputs } = await impl.check({}, { clusterIdentifier: "refused-del", state: "stopped", __provider: "shim" });
  const created = await impl.create(inputs);
  await emu.stop();
  const destroy = await timed(() => impl.delete(created.id, { ...created.outs }));
  process.stdout.write(JSON.stringify({ describe, destroy }));
}
main().then(() => process.exit(0), (error) => { console.error(error); process.exit(1); });
`;

interface Rejection {
  elapsedMs: number;
  name: string;
  message: string;
  code?: string;
  attempts?: number;
  transient: boolean;
  unreachable: boolean;
}

function runChild(): Promise<{ describe: Rejection; destroy: Rejection }> {
  const dir = mkdtempSync(join(tmpdir(), "refused-"));
  writeFileSync(join(dir, "register.js"), TS_REGISTER);
  // A local endpoint only (set per call by the child), fake credentials, never the real RDS.
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...FAST_ENV,
    AWS_ENDPOINT_URL_RDS: "http://127.0.0.1:1",
  };
  delete env.AWS_PROFILE;
  delete env.AWS_ENDPOINT_URL;
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ["-r", join(dir, "register.js"), "-e", CHILD],
      { cwd: ROOT, env, timeout: 100_000 },
      (error, stdout, stderr) =>
        error
          ? reject(new Error(`child failed: ${error.message}\n${stderr}`))
          : resolve(JSON.parse(stdout) as { describe: Rejection; destroy: Rejection }),
    );
  });
}

describe("an endpoint with nothing listening (issue 19: fail fast on connection refused)", () => {
  let result: { describe: Rejection; destroy: Rejection };
  beforeAll(async () => {
    result = await runChild();
  });

  it("a describe through ClusterApi gives up after two attempts, not transient", () => {
    expect(result.describe).toMatchObject({
      code: "ECONNREFUSED",
      attempts: 2,
      transient: false,
      unreachable: true,
    });
    expect(result.describe.elapsedMs).toBeLessThan(5_000);
  });

  it("destroy fails at once, saying nothing answers at the endpoint (not blaming the credentials)", () => {
    expect(result.destroy).toMatchObject({ code: "ECONNREFUSED", attempts: 2, transient: false });
    expect(result.destroy.message).toMatch(
      /^cluster `refused-del` \(eu-west-1\): nothing answers at `http:\/\/127\.0\.0\.1:\d+` \(connect ECONNREFUSED 127\.0\.0\.1:\d+\); start the endpoint or fix `AWS_ENDPOINT_URL_RDS` and `region`, then run `pulumi destroy` again$/,
    );
    expect(result.destroy.elapsedMs).toBeLessThan(5_000);
  });
});
