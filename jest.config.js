/**
 * Jest runs three tiers (see TESTING.md): unit (pure logic and mocks), integration (the real AWS SDK
 * against the local RDS endpoint over HTTP) and e2e (the real Pulumi engine via the Automation API).
 * `npm test` runs them all; `npx jest --selectProjects unit` runs one tier.
 */
const tsJest = ["ts-jest", { tsconfig: "tsconfig.json" }];
const moduleNameMapper = {
  "^aurora-power$": "<rootDir>/provider/index.ts",
  "^aurora-power/policy$": "<rootDir>/policy/index.ts",
  "^aurora-power/emulator$": "<rootDir>/emulator/index.ts",
};
const project = (name, testTimeout) => ({
  displayName: name,
  testEnvironment: "node",
  transform: { "^.+\\.ts$": tsJest },
  moduleNameMapper,
  testMatch: [`<rootDir>/test/${name}/**/*.test.ts`],
});
/** @type {import('jest').Config} */
module.exports = {
  projects: [project("unit"), project("integration"), project("e2e")],
  testTimeout: 120000,
  // End-to-end stacks each run a real engine; two cores cannot run many at once.
  maxWorkers: 2,
};
