// Entry point for `pulumi up` in this directory; tests and the harness call `program` directly.
import { program } from "./program";

export const statuses = program().statuses;
