// npm run bench (second part): what the add-in downloads. Runs a production build into dist/ (with
// ADDIN_BASE_URL=https://example.invalid/kpi/, for the bench only), then prints gzipped sizes (gzip -9):
//   - the initial scripts: every local <script> of dist/taskpane.html, i.e. everything Excel loads before the
//     first =KPI.* result can be computed (functions, commands, taskpane entry and whatever they pull in
//     synchronously). Target: 30 KB.
//   - the pane's async chunks (React, Fluent UI, the catalog's details), loaded only when the pane is shown.
//     Target: 250 KB.
// Targets are printed, not enforced (a benchmark); a failed build fails the bench.
"use strict";

const { spawnSync } = require("child_process");
const fs = require("fs");
const os = require("os");
const path = require("path");
const zlib = require("zlib");

const ROOT = path.resolve(__dirname, "..");
const DIST = path.join(ROOT, "dist");
const KB = 1024;
const INITIAL_TARGET = 30 * KB;
const PANE_TARGET = 250 * KB;

function build(statsFile) {
  const cli = require.resolve("webpack-cli/bin/cli.js");
  const result = spawnSync(process.execPath, [cli, "--mode", "production", "--json", statsFile], {
    cwd: ROOT,
    env: { ...process.env, ADDIN_BASE_URL: "https://example.invalid/kpi/" },
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0) {
    process.stdout.write(result.stdout || "");
    process.stderr.write(result.stderr || "");
    console.error(`bench/bundle.js: the production build failed (exit ${result.status})`);
    process.exit(1);
  }
  return JSON.parse(fs.readFileSync(statsFile, "utf8"));
}

/** The src of every <script> in the page, in order. */
function scriptSources(html) {
  return [...html.matchAll(/<script\b[^>]*\bsrc=(?:"([^"]*)"|'([^']*)'|([^\s>]+))[^>]*>/gi)].map(
    (m) => m[1] ?? m[2] ?? m[3],
  );
}

function isRemote(src) {
  return /^(https?:)?\/\//i.test(src);
}

function gzipSize(file) {
  return zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length;
}

function kb(bytes) {
  return `${(bytes / KB).toFixed(1)} KB`;
}

function row(name, raw, gz) {
  return `  ${name.padEnd(34)} ${kb(raw).padStart(10)} ${kb(gz).padStart(10)} gz`;
}

/** What an async chunk holds, for the listing: its name, else its largest packages or source folders. */
function describeChunk(chunk, stats) {
  if (chunk.names && chunk.names.length) return chunk.names.join(", ");
  const bytes = new Map();
  for (const m of stats.modules) {
    if (!m.chunks.includes(chunk.id)) continue;
    const name = m.name || "";
    const pkg = /node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)/.exec(name);
    const key = pkg ? pkg[1].replace(/\\/g, "/") : name.replace(/^\.\//, "").split(/[\\/]/).slice(0, 2).join("/");
    bytes.set(key, (bytes.get(key) || 0) + (m.size || 0));
  }
  return [...bytes.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 4)
    .map(([k]) => k)
    .join(", ");
}

// What may run before the first KPI.* result: the functions and their engine, the slim catalog, the messages,
// the pane's and the ribbon's entries (not the pane itself), and webpack's runtime.
const INITIAL_ALLOWED = [
  /^\.\/src\/functions\//,
  /^\.\/src\/engine\//,
  /^\.\/src\/i18n\//,
  /^\.\/src\/catalog\/(index|catalog|names|validate)\.ts$/,
  /^\.\/src\/catalog\/templates\//,
  /^\.\/src\/taskpane\/(index|strings)\.ts$/,
  /^\.\/src\/commands\//,
  /^webpack\/runtime\//,
];

/** Modules of the initial chunks that should not be there, and catalog files that missed the slim loader. */
function initialModuleProblems(stats) {
  const initial = new Set(stats.chunks.filter((c) => c.initial).map((c) => c.id));
  const problems = [];
  const visit = (m) => {
    if (m.modules) return m.modules.forEach(visit);
    const name = m.name || "";
    if (!INITIAL_ALLOWED.some((re) => re.test(name.replace(/ \+ \d+ modules$/, ""))))
      problems.push(`not expected: ${name}`);
    if (/\/src\/catalog\/templates\/[^/]+\.json$/.test(name) && !/strip-catalog-details/.test(m.identifier || "")) {
      problems.push(`full template (no strip loader): ${name}`);
    }
  };
  stats.modules.filter((m) => m.chunks.some((c) => initial.has(c))).forEach(visit);
  return problems;
}

function verdict(total, target) {
  const diff = total - target;
  return diff > 0
    ? `over the ${kb(target)} target by ${kb(diff)}`
    : `within the ${kb(target)} target (${kb(-diff)} to spare)`;
}

function main() {
  const statsFile = path.join(os.tmpdir(), `kpi-bench-stats-${process.pid}.json`);
  console.log("bench/bundle.js: production build (ADDIN_BASE_URL=https://example.invalid/kpi/) …");
  const stats = build(statsFile);
  fs.rmSync(statsFile, { force: true });

  const html = fs.readFileSync(path.join(DIST, "taskpane.html"), "utf8");
  const sources = scriptSources(html);
  const local = sources.filter((s) => !isRemote(s)).map((s) => s.replace(/^\.?\//, ""));

  // Every file of an initial chunk must be on the page; anything else would load before KPI.* unmeasured.
  const initialFiles = new Set(
    stats.chunks.filter((c) => c.initial).flatMap((c) => c.files.filter((f) => f.endsWith(".js"))),
  );
  for (const file of initialFiles) {
    if (!local.includes(file)) console.warn(`  warning: initial chunk file ${file} is not a <script> of taskpane.html`);
  }

  console.log("\nInitial scripts of taskpane.html (everything loaded before the first KPI.* result):");
  for (const src of sources.filter(isRemote)) console.log(`  ${src}  (remote, not counted)`);
  let initialTotal = 0;
  for (const file of local) {
    const full = path.join(DIST, file);
    const gz = gzipSize(full);
    initialTotal += gz;
    console.log(row(file, fs.statSync(full).size, gz));
  }
  console.log(`  total ${kb(initialTotal)} gz: ${verdict(initialTotal, INITIAL_TARGET)}`);
  const problems = initialModuleProblems(stats);
  console.log(
    problems.length
      ? `  modules that should not load before KPI.*:\n    ${problems.join("\n    ")}`
      : "  contents: only src/functions, src/engine, src/i18n, the slim catalog, the two small entries and webpack's runtime",
  );

  console.log("\nTask pane, async chunks (loaded only when the pane is shown):");
  let paneTotal = 0;
  for (const chunk of stats.chunks.filter((c) => !c.initial)) {
    for (const file of chunk.files.filter((f) => f.endsWith(".js"))) {
      const full = path.join(DIST, file);
      const gz = gzipSize(full);
      paneTotal += gz;
      console.log(`${row(file, fs.statSync(full).size, gz)}  ${describeChunk(chunk, stats)}`);
    }
  }
  console.log(`  total ${kb(paneTotal)} gz: ${verdict(paneTotal, PANE_TARGET)}`);
  console.log("\n(dist/ now holds this bench build; its manifest names https://example.invalid/kpi/.)");
}

main();
