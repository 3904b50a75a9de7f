/**
 * Streams the engine's output indented under the current demo step, line by line (the Automation
 * API delivers chunks that split lines), leaving out the spinner lines (`@ updating....`) and the
 * hint to `pulumi stack rm`, which the demo does itself.
 */
export function indentedLineWriter(write: (text: string) => void): {
  onOutput: (chunk: string) => void;
  flush: () => void;
} {
  let pending = "";
  const emit = (line: string) => {
    const noise = /^@ |history and configuration associated|pulumi stack rm/.test(line.trim());
    if (!noise) write(line.trim() === "" ? "\n" : `   │ ${line}\n`);
  };
  return {
    onOutput(chunk) {
      pending += chunk;
      const lines = pending.split("\n");
      pending = lines.pop() ?? "";
      lines.forEach(emit);
    },
    flush() {
      if (pending !== "") emit(pending);
      pending = "";
    },
  };
}
