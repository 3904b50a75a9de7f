// Lets a child `node -r ./tsRegister.js emulator/cli.ts` run TypeScript sources directly, so the
// CLI test needs no prior build: each .ts file is transpiled (no type check) to CommonJS on load.
const fs = require("node:fs");
const ts = require("typescript");

require.extensions[".ts"] = (module, filename) => {
  const source = fs.readFileSync(filename, "utf8");
  const { outputText } = ts.transpileModule(source, {
    compilerOptions: {
      module: ts.ModuleKind.CommonJS,
      target: ts.ScriptTarget.ES2022,
      esModuleInterop: true,
    },
    fileName: filename,
  });
  module._compile(outputText, filename);
};
