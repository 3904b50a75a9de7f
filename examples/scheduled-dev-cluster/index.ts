// Entry point for `pulumi up` in this directory; tests and the harness call `program` directly.
import { program } from "./program";

const outputs = program();
export const clusterIdentifier = outputs.clusterIdentifier;
export const nextStopTime = outputs.nextStopTime;
export const nextStartTime = outputs.nextStartTime;
export const stopScheduleArn = outputs.stopScheduleArn;
