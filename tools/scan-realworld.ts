// Runs header detection over real, anonymised HR workbooks (../shared/realworld-sheets; never copied into
// this repository) and prints, per workbook and sheet, what it found: the header rows, the data rows, the
// name column and the mapping against the best-fitting template, or why the sheet is not a roster.
// Exits 1 when detection crashes or a header row differs from what a person read in the file (EXPECTED).
//
//   node -r ./test/support/tsrun.js tools/scan-realworld.ts ../shared/realworld-sheets
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { defaultCatalog } from "../src/catalog";
import {
  coverage,
  detectTable,
  rankTemplates,
  columnLetter,
  type NotRosterReason,
  type TableDetection,
} from "../src/apply";
import { readPackage } from "../src/xlsx/package-check";
import { readSheetGrid } from "../src/xlsx/apply";

interface Expected {
  /** First and last header row (top omitted: only the row with the column names is checked). */
  top?: number;
  bottom: number;
  roster: boolean;
  reason?: NotRosterReason;
  nameColumn?: string;
  headerlessName?: boolean;
}

/** What a person reads in each file (see the folder's README). Sheets not listed must not crash. */
const EXPECTED: Record<string, Record<string, Expected>> = {
  "rw02-roster-wechat-editors.xlsx": {
    Sheet1: { top: 1, bottom: 3, roster: true, nameColumn: "A", headerlessName: true },
  },
  "rw03-roster-flat-english.xlsx": {
    Sheet1: { top: 1, bottom: 1, roster: true, nameColumn: "A", headerlessName: false },
  },
  "rw04-form-okr-weighted.xlsx": { 团队目标: { bottom: 5, roster: false, reason: "form" } },
  "rw06-kpi-targets-monthly.xlsx": { Sheet1: { top: 3, bottom: 3, roster: false, reason: "kpis_as_rows" } },
};

const REASONS: Record<NotRosterReason, string> = {
  no_table: "no table",
  no_data: "no data rows",
  no_name_column: "not a roster: no name column",
  form: "not a roster: one person's form",
  kpis_as_rows: "not a roster: KPIs as rows",
};

function rows(d: TableDetection): string {
  const head = d.header.top === d.header.bottom ? `row ${d.header.bottom}` : `rows ${d.header.top}-${d.header.bottom}`;
  const data = d.dataRows.length
    ? `data rows ${d.firstDataRow}-${d.lastDataRow} (${d.dataRows.length})`
    : "no data rows";
  const name = d.nameColumn
    ? `name column ${columnLetter(d.nameColumn.col)}${d.nameColumn.headerless ? " (no header)" : ""}`
    : "no name column";
  const extra = [
    d.titleRows.length ? `title rows ${d.titleRows.join(",")}` : "",
    d.blankRows.length ? `blank rows ${d.blankRows.join(",")}` : "",
    d.totalsRow ? `totals row ${d.totalsRow}` : "",
  ].filter(Boolean);
  return `header ${head}, ${data}, ${name}${extra.length ? `; ${extra.join("; ")}` : ""}`;
}

function check(file: string, sheet: string, d: TableDetection): string[] {
  const want = EXPECTED[file]?.[sheet];
  if (!want) return [];
  const wrong: string[] = [];
  if (d.header.bottom !== want.bottom || (want.top !== undefined && d.header.top !== want.top)) {
    wrong.push(`header rows ${d.header.top}-${d.header.bottom}, expected ${want.top ?? "?"}-${want.bottom}`);
  }
  if (d.roster !== want.roster) wrong.push(`roster ${d.roster}, expected ${want.roster}`);
  if (want.reason && d.notRoster !== want.reason) wrong.push(`reason ${d.notRoster}, expected ${want.reason}`);
  if (want.nameColumn) {
    const got = d.nameColumn ? columnLetter(d.nameColumn.col) : "none";
    if (
      got !== want.nameColumn ||
      (want.headerlessName !== undefined && d.nameColumn?.headerless !== want.headerlessName)
    ) {
      wrong.push(
        `name column ${got}${d.nameColumn?.headerless ? " (no header)" : ""}, expected ${want.nameColumn}${want.headerlessName ? " (no header)" : ""}`,
      );
    }
  }
  return wrong;
}

async function main(folder: string | undefined): Promise<number> {
  if (!folder) {
    process.stderr.write("usage: node -r ./test/support/tsrun.js tools/scan-realworld.ts <folder of .xlsx files>\n");
    return 2;
  }
  const catalog = defaultCatalog();
  const files = readdirSync(folder)
    .filter((f) => /\.xlsx$/i.test(f))
    .sort();
  const failures: string[] = [];
  for (const missing of Object.keys(EXPECTED).filter((f) => !files.includes(f)))
    failures.push(`${missing}: expected in ${folder}, not found`);
  for (const file of files) {
    console.log(`${file}`);
    try {
      const pkg = await readPackage(readFileSync(join(folder, file)));
      for (const sheet of pkg.sheets) {
        if (sheet.kind !== "worksheet") {
          console.log(`  ${sheet.name}: ${sheet.kind}, skipped`);
          continue;
        }
        const grid = await readSheetGrid(pkg, sheet);
        const d = detectTable(grid);
        if (d.notRoster === "no_table") {
          console.log(`  ${sheet.name}: no table`);
        } else {
          console.log(`  ${sheet.name}: ${rows(d)}`);
          if (!d.roster) console.log(`    ${REASONS[d.notRoster!]}`);
          else {
            const [best] = rankTemplates(catalog, d);
            if (best.score === 0) {
              const headers = d.columns.filter((c) => c.path.length).map((c) => c.path.join("·").replace(/\s+/g, " "));
              console.log(`    no template matches these headers: ${headers.join(", ")}`);
              for (const w of check(file, sheet.name, d)) failures.push(`${file} / ${sheet.name}: ${w}`);
              continue;
            }
            const matches = best.mapping.matches;
            console.log(
              `    template ${best.template.id} (${best.template.name.zh}): ${matches.length} of ${d.columns.length} columns mapped`,
            );
            for (const m of matches)
              console.log(
                `      ${columnLetter(m.col)} ${m.header.replace(/\s+/g, " ")} -> ${m.slot.ref} (${m.kind}${m.kind === "fuzzy" ? ` ${m.score.toFixed(2)}` : ""})`,
              );
            const cover = coverage(best.template, matches);
            const missing = [...cover.missingIndicators, ...cover.missingAdjustments].map((f) => f.rule.id);
            if (missing.length) console.log(`      unmapped rules: ${missing.join(", ")}`);
            const unmatched = best.mapping.ignored
              .filter((i) => i.reason === "unmatched")
              .map((i) => `${columnLetter(i.col)} ${i.header.replace(/\s+/g, " ")}`);
            if (unmatched.length) console.log(`      unmapped columns: ${unmatched.join(", ")}`);
          }
        }
        for (const w of check(file, sheet.name, d)) failures.push(`${file} / ${sheet.name}: ${w}`);
      }
    } catch (e) {
      failures.push(`${file}: detection crashed: ${(e as Error).stack ?? String(e)}`);
    }
  }
  if (failures.length) {
    console.error(`\n${failures.length} problem(s):`);
    for (const f of failures) console.error(`  ${f}`);
    return 1;
  }
  console.log(`\n${files.length} workbook(s) scanned; every expected header row found.`);
  return 0;
}

main(process.argv[2]).then(
  (code) => (process.exitCode = code),
  (e: unknown) => {
    console.error((e as Error).stack ?? String(e));
    process.exitCode = 1;
  },
);
