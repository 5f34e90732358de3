/** Suites that need system tools (LibreOffice, Chromium). They fail, never skip, when a tool is missing. */
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.itest.ts"],
  transform: { "^.+\\.ts$": ["ts-jest", { diagnostics: false }] },
  moduleFileExtensions: ["ts", "tsx", "js", "json"],
  testTimeout: 600000,
};
