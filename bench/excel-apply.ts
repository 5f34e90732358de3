// Apply benchmark: the messy roster grown to N employees, applied through the Office.js path on the fake
// Excel host, then re-applied and removed, on Excel on the web (responses limited to 5 MB: a re-read that passes
// it is read again in bands of rows) and where responses have no such limit (Windows, Mac). Prints what Office.js
// would send and get back (syncs, API calls, request and response bytes per sync as the fake measures them, the
// writer's own request budget), the engine's time (detection, mapping and the plan, or the removal plan, on the
// sheet as read) and the whole action's time on the fake host.
// Run: node bench/excel-apply.js [rows…]   (default 1000 10000)
import { planRemoval } from "../src/apply";
import { defaultCatalog } from "../src/catalog";
import { applyToSheet, previewApply, readSheetForApply, removeApplied } from "../src/excel/apply";
import { REQUEST_BUDGET_BYTES } from "../src/excel/payload";
import { messyRoster } from "../test/apply/fixtures";
import { loadSheet } from "../test/excel/apply-fixtures";
import { installFakeExcel, type FakeExcelOptions } from "../test/excel/fake-excel";

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const now = () => Number(process.hrtime.bigint()) / 1e6;
const catalog = defaultCatalog();
const template = catalog.findTemplate("support_kpi");

const HOSTS: Array<{ name: string; options: FakeExcelOptions }> = [
  { name: "web", options: {} },
  { name: "no response limit", options: { responseLimitBytes: Infinity } },
];

async function bench(rows: number, host: (typeof HOSTS)[number]): Promise<void> {
  const { fake, uninstall } = installFakeExcel(host.options);
  try {
    loadSheet(fake, messyRoster({ rows }));
    const actions = [
      { name: "apply", plan: "apply", run: () => applyToSheet({ template }) },
      { name: "re-apply", plan: "apply", run: () => applyToSheet({ template }) },
      { name: "remove", plan: "remove", run: () => removeApplied() },
    ] as const;
    for (const action of actions) {
      // The engine's share, on the sheet as the action will read it (read here without a response limit).
      const limit = fake.options.responseLimitBytes;
      fake.options.responseLimitBytes = Infinity;
      const sheet = await readSheetForApply();
      fake.options.responseLimitBytes = limit;
      let started = now();
      if (action.plan === "apply") previewApply(sheet, template);
      else planRemoval({ grid: sheet.grid, workbook: sheet.workbook, catalog });
      const engineMs = now() - started;

      fake.resetStats();
      started = now();
      const result = await action.run();
      const ms = now() - started;
      const requests = fake.stats.requests;
      console.log(
        [
          rows,
          host.name,
          action.name,
          result.syncs,
          fake.stats.apiCalls,
          requests.map((r) => kb(r.bytes)).join(" + "),
          result.requestBytes.map(kb).join(" + "),
          requests.map((r) => kb(r.responseBytes ?? 0)).join(" + "),
          engineMs.toFixed(0),
          ms.toFixed(0),
        ].join("\t"),
      );
      if (action.name === "apply" && result.syncs > 4) throw new Error(`apply took ${result.syncs} syncs`);
      if (Math.max(...requests.map((r) => r.bytes)) > REQUEST_BUDGET_BYTES)
        throw new Error(`${action.name}: a request over ${kb(REQUEST_BUDGET_BYTES)}`);
    }
  } finally {
    uninstall();
  }
}

async function main(): Promise<void> {
  const sizes = process.argv
    .slice(2)
    .map(Number)
    .filter((n) => n > 0);
  console.log(
    `Apply through Office.js on the fake host: ${template.id} on the issue's messy roster, request budget ${kb(REQUEST_BUDGET_BYTES)}`,
  );
  console.log(
    [
      "rows",
      "host",
      "action",
      "syncs",
      "API calls",
      "request bytes per sync",
      "budgeted",
      "response bytes per sync",
      "engine ms",
      "total ms",
    ].join("\t"),
  );
  for (const rows of sizes.length ? sizes : [1_000, 10_000]) for (const host of HOSTS) await bench(rows, host);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
