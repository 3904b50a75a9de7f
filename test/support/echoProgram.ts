import * as pulumi from "@pulumi/pulumi";

/** A provider with no dependencies: proves the engine, the launcher and the harness, nothing else. */
const echoProvider: pulumi.dynamic.ResourceProvider = {
  create(inputs: { message: string }) {
    return Promise.resolve({ id: `echo-${inputs.message}`, outs: { message: inputs.message, echoed: true } });
  },
};

/** An inline program with one dynamic resource echoing `message`. */
export function echoProgram(message: string): () => Promise<Record<string, pulumi.Output<string>>> {
  return () => {
    const echo = new pulumi.dynamic.Resource(echoProvider, "echo", { message, echoed: undefined }, {});
    return Promise.resolve({ urn: echo.urn });
  };
}
