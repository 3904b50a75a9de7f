import * as pulumi from "@pulumi/pulumi";

/** A provider with no dependencies: proves the engine, the launcher and the harness, nothing else. */
const echoProvider: pulumi.dynamic.ResourceProvider = {
  create(inputs: { message: string }) {
    return Promise.resolve({
      id: `echo-${inputs.message}`,
      outs: { message: inputs.message, echoed: true },
    });
  },
};

/** The abstract dynamic resource made concrete, with the echo provider. */
export class EchoResource extends pulumi.dynamic.Resource {
  constructor(
    name: string,
    props: pulumi.Inputs,
    provider: pulumi.dynamic.ResourceProvider = echoProvider,
  ) {
    super(provider, name, props, {});
  }
}

/** An inline program with one dynamic resource echoing `message`. */
export function echoProgram(message: string): () => Promise<Record<string, pulumi.Output<string>>> {
  return () => {
    const echo = new EchoResource("echo", { message, echoed: undefined });
    return Promise.resolve({ urn: echo.urn });
  };
}
