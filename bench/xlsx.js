// npm run bench (part): seconds to build and write a 1,000-employee roster .xlsx with the CLI's writer.
// Target ≤ 2 s. Measured in this run; not a test.
"use strict";
const { mkdtempSync } = require("node:fs");
const { tmpdir } = require("node:os");
const { join } = require("node:path");
const { defaultCatalog } = require("../build/catalog");
const { buildWorkbook } = require("../build/sheets/workbook");
const { writePlanToFile } = require("../build/xlsx/write");
const { blankInputResults } = require("../build/xlsx/results");

(async () => {
  const template = defaultCatalog().findTemplate("taobao_presales");
  const employees = Array.from({ length: 1000 }, (_v, i) => ({ name: `员工${i + 1}`, id: String(100000 + i), department: `部门${i % 12}` }));
  const file = join(mkdtempSync(join(tmpdir(), "kpi-bench-")), "roster.xlsx");
  // One warm-up so module loading and JIT are not counted.
  const warm = buildWorkbook(template, { layout: "roster", lang: "zh", period: "2026-Q4", employees: employees.slice(0, 10), formulas: "portable", protect: true });
  await writePlanToFile(warm.plan, file, { results: blankInputResults(template, warm.plan, warm.forms) });
  const start = process.hrtime.bigint();
  const { plan, forms } = buildWorkbook(template, { layout: "roster", lang: "zh", period: "2026-Q4", employees, formulas: "portable", protect: true });
  const built = process.hrtime.bigint();
  await writePlanToFile(plan, file, { results: blankInputResults(template, plan, forms) });
  const done = process.hrtime.bigint();
  const s = (ns) => (Number(ns) / 1e9).toFixed(2);
  console.log(`1,000-employee roster .xlsx (${template.name.zh}): plan ${s(built - start)} s + write ${s(done - built)} s = ${s(done - start)} s (target ≤ 2 s)`);
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
