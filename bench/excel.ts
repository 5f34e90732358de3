// Office.js writer benchmark: a roster of N employees written through the fake Excel host, printing what
// Office.js would send (syncs, API calls, bytes per sync) and how long the writer and the fake took.
// Run: node bench/excel.js [template-id]   (the same as node -r ./test/support/tsrun.js bench/excel.ts)
import { defaultCatalog } from "../src/catalog";
import { REQUEST_BUDGET_BYTES } from "../src/excel/payload";
import { writeWorkbookPlan } from "../src/excel/write-plan";
import { buildWorkbookPlan } from "../src/sheets/workbook";
import { installFakeExcel } from "../test/excel/fake-excel";

const SIZES = [1, 100, 2_000, 10_000];

async function main(): Promise<void> {
  const id = process.argv[2] ?? "hongshu_support";
  const template = defaultCatalog().templates.find((t) => t.id === id);
  if (!template) throw new Error(`unknown template ${id}`);
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  console.log(
    `Office.js writer through the fake host: ${template.id} roster (${template.name.zh}), request budget ${kb(REQUEST_BUDGET_BYTES)}`,
  );
  console.log(["employees", "sheets", "syncs", "API calls", "bytes per sync", "largest", "ms"].join("\t"));
  for (const n of SIZES) {
    const employees = Array.from({ length: n }, (_v, i) => ({
      name: `员工${i + 1}`,
      id: String(i + 1).padStart(6, "0"),
      department: "技术支持部",
    }));
    const plan = buildWorkbookPlan(template, {
      layout: "roster",
      lang: "zh",
      period: "2026-Q4",
      employees,
      formulas: "portable",
      protect: true,
    });
    const { fake, uninstall } = installFakeExcel();
    try {
      const started = process.hrtime.bigint();
      const result = await writeWorkbookPlan(plan);
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      const bytes = fake.stats.requests.map((r) => r.bytes);
      console.log(
        [
          n,
          plan.sheets.length,
          result.syncs,
          fake.stats.apiCalls,
          bytes.map(kb).join(" + "),
          kb(Math.max(...bytes)),
          ms.toFixed(0),
        ].join("\t"),
      );
    } finally {
      uninstall();
    }
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
