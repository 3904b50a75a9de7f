// Entry point for `pulumi up` in this directory; tests and the harness call `program` directly.
import { program } from "./program";

const outputs = program();
export const members = outputs.members;
export const stopWorkflowArn = outputs.stopWorkflowArn;
export const ruleArn = outputs.ruleArn;
