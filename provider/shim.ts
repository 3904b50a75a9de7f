import type * as dynamic from "@pulumi/pulumi/dynamic";
import type { RawProperties } from "./dynamic/checkInputs";
import type * as Implementation from "./dynamic/implementation";

/*
 * The serialized provider. Pulumi serializes this object (and what it captures) into the
 * `__provider` input of every ClusterPowerState and evaluates it in the dynamic provider process,
 * which runs in the program's working directory. It captures nothing but `loadImplementation`, so
 * `__provider` is the same text for every package version (no spurious diffs), holds no secret,
 * path or SDK code, and delete always runs the installed implementation.
 *
 * Why createRequire: `require-from-string` gives the deserialized code a module without a file
 * name, from which Node resolves packages in the working directory's node_modules but never
 * through a package's self-reference; a require created for the working directory does both (an
 * installed `aurora-power`, or a program inside this package itself).
 */

/* eslint-disable @typescript-eslint/no-require-imports -- resolved at run time, by name, in the provider process (a comment inside the function would be serialized too) */
function loadImplementation(): typeof Implementation {
  const { createRequire } = require("node:module") as typeof import("node:module");
  return createRequire(`${process.cwd()}/`)("aurora-power/dynamic") as typeof Implementation;
}
/* eslint-enable @typescript-eslint/no-require-imports */

/** The thin provider whose methods only load `aurora-power/dynamic` and forward to it. */
export const clusterPowerStateShim: dynamic.ResourceProvider<RawProperties, RawProperties> = {
  configure: (req) => loadImplementation().configure(req),
  check: (olds, news) => loadImplementation().check(olds, news),
  diff: (id, olds, news) => loadImplementation().diff(id, olds, news),
  create: (inputs) => loadImplementation().create(inputs),
  read: (id, props) => loadImplementation().read(id, props),
  update: (id, olds, news) => loadImplementation().update(id, olds, news),
  delete: (id, props) => loadImplementation().delete(id, props),
};
