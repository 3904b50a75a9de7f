// Entry point for `pulumi preview` in this directory; tests and the harness call `program` directly.
import { program } from "./program";

export const status = program().status;
