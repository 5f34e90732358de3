#!/usr/bin/env node
// The `kpi` command. The TypeScript sources are compiled by `npm install` (the package's prepare script).
let cli;
try {
  cli = require("../build/cli/main.js");
} catch (e) {
  if (e && e.code === "MODULE_NOT_FOUND" && String(e.message).includes("build/cli/main.js")) {
    process.stderr.write("kpi: the CLI is not built yet. Run `npm install` (or `npm run build:cli`) in the project folder.\n");
    process.exit(70);
  }
  throw e;
}
cli.main(process.argv.slice(2));
