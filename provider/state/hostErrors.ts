/**
 * The dynamic provider host (`@pulumi/pulumi/cmd/dynamic-provider`) prints every error of
 * `check`, `diff`, `read` and `delete` to stderr as `${error}: ${error.stack}` before returning
 * it to the engine, which shows it again on the resource: an expected failure (a cluster in
 * `storage-full`, a state from a newer aurora-power) appeared twice, once with a stack trace. An
 * error passed through {@link quietly} is printed once, by the engine; a bug of this package (a
 * `TypeError`, …) keeps its stack on stderr.
 */
import { isProgrammingError } from "../errors";

/** The exact lines the host will print for expected failures in flight. */
const expectedLines = new Set<string>();

let installed = false;

/** Replaces `console.error` once with a filter that drops the host's line for expected failures. */
function install(): void {
  if (installed) return;
  installed = true;
  const print = console.error.bind(console);
  console.error = (...args: unknown[]) => {
    const [line] = args;
    if (args.length === 1 && typeof line === "string" && expectedLines.delete(line)) return;
    print(...args);
  };
}

/** Runs a provider method; an expected failure it throws is shown once, without a stack trace. */
export async function quietly<T>(method: () => Promise<T>): Promise<T> {
  install();
  try {
    return await method();
  } catch (error) {
    // (Checked apart: TypeScript cannot tell an Error from a TypeError, so a negated type guard on
    // the same variable would narrow it to `never`.)
    const expected = !isProgrammingError(error);
    if (expected && error instanceof Error) {
      const line = `${String(error)}: ${error.stack ?? ""}`;
      expectedLines.add(line);
      // The host prints right away; never let an unprinted line accumulate.
      setTimeout(() => expectedLines.delete(line), 1000).unref();
    }
    throw error;
  }
}
