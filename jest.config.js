/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
  // Type errors are caught by `npm run typecheck`; transpiling only keeps the suites fast.
  // .tsx: the task pane's components (test/taskpane renders them).
  transform: { "^.+\\.tsx?$": ["ts-jest", { diagnostics: false }] },
  moduleFileExtensions: ["ts", "tsx", "js", "json"],
};
