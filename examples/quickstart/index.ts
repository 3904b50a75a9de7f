// Entry point for the official CLI (`cd examples/quickstart && pulumi up`): the program itself is
// the exported function in program.ts, which `npm start` and the tests run through the Automation API.
import { quickstartProgram } from "./program";

export = quickstartProgram();
