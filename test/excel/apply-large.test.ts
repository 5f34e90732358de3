// A 10,000-row sheet: applied in 2 syncs, no request over 2 MB, no response over Excel on the web's 5 MB. Re-apply
// and removal read back every formula apply wrote (about 1.8 KB a row: 7 MB for 4,000 rows, 18 MB for 10,000): on
// Excel on the web the read goes in bands of rows, each response under the budget; where responses have no such
// limit (Windows, Mac) they take 2 syncs too. A plan too large for one request (a person's scores typed over every
// other row) is split by rows.
import { applyToSheet, removeApplied } from "../../src/excel/apply";
import { REQUEST_BUDGET_BYTES } from "../../src/excel/payload";
import { RESPONSE_BUDGET_BYTES } from "../../src/excel/read-sheet";
import { messyRoster } from "../apply/fixtures";
import { loadSheet } from "./apply-fixtures";
import { installFakeExcel, type FakeExcel, type FakeExcelOptions } from "./fake-excel";

const WEB_RESPONSE_LIMIT = 5 * 1024 * 1024;

let fake: FakeExcel;
let uninstall: (() => void) | undefined;

function host(options: FakeExcelOptions = {}): void {
  uninstall?.();
  ({ fake, uninstall } = installFakeExcel(options));
}

afterEach(() => {
  uninstall?.();
  uninstall = undefined;
});

function expectWithinBudget(result: { syncs: number; requestBytes: number[] }): void {
  expect(fake.stats.syncs).toBe(result.syncs);
  expect(Math.max(...fake.stats.requests.map((r) => r.bytes))).toBeLessThanOrEqual(REQUEST_BUDGET_BYTES);
  expect(Math.max(...result.requestBytes)).toBeLessThanOrEqual(REQUEST_BUDGET_BYTES);
}

test("10,000 employees on Excel on the web: applied in 2 syncs, no request over 2 MB, no response over 5 MB", async () => {
  host();
  const sheet = loadSheet(fake, messyRoster({ rows: 10_000 }));
  const result = await applyToSheet({ template: "support_kpi" });
  expect(result.block).toBe("M2:T10003");
  expect(result.syncs).toBe(2);
  expectWithinBudget(result);
  expect(Math.max(...fake.stats.requests.map((r) => r.responseBytes ?? 0))).toBeLessThan(WEB_RESPONSE_LIMIT);
  // The same calls as for 12 employees: one formula per column, whatever the rows.
  expect(fake.stats.requests[1].members["Range.formulasR1C1"]).toBe(8);
  expect(sheet.cell(10_003, 19)!.formulaR1C1).toBe(sheet.cell(4, 19)!.formulaR1C1);
  expect(sheet.cell(10_003, 20)!.formulaR1C1).toBe('=IF(RC[-1]="","",RANK(RC[-1],R4C19:R10003C19))');
}, 60_000);

test("4,000 employees on Excel on the web: re-apply and remove read the formulas back in bands, each response under 4 MB", async () => {
  host();
  const sheet = loadSheet(fake, messyRoster({ rows: 4_000 }));
  await applyToSheet({ template: "support_kpi" });
  fake.resetStats();
  const again = await applyToSheet({ template: "support_kpi" });
  expect(again.overrides).toEqual([]);
  expect(again.responseBytes).toBeGreaterThan(WEB_RESPONSE_LIMIT);
  expectWithinBudget(again);
  const answered = fake.stats.requests.slice(1).map((r) => r.responseBytes ?? 0);
  expect(Math.max(...answered)).toBeLessThanOrEqual(RESPONSE_BUDGET_BYTES);
  expect(again.syncs).toBeLessThanOrEqual(10);

  fake.resetStats();
  const removed = await removeApplied();
  expectWithinBudget(removed);
  expect(removed.syncs).toBeLessThanOrEqual(10);
  expect(sheet.cell(4_003, 19)?.formulaR1C1).toBeUndefined();
}, 60_000);

test("4,000 employees where responses have no limit: apply, re-apply and remove each in 2 syncs", async () => {
  host({ responseLimitBytes: Infinity });
  loadSheet(fake, messyRoster({ rows: 4_000 }));
  for (const action of [
    () => applyToSheet({ template: "support_kpi" }),
    () => applyToSheet({ template: "support_kpi" }),
    () => removeApplied(),
  ]) {
    fake.resetStats();
    const result = await action();
    expect(result.syncs).toBe(2);
    expectWithinBudget(result);
  }
}, 60_000);

test("scores typed over every other row: the re-apply is split by rows, every request under 2 MB", async () => {
  host();
  const sheet = loadSheet(fake, messyRoster({ rows: 6_000 }));
  await applyToSheet({ template: "support_kpi" });
  for (let row = 4; row <= 6_003; row += 2)
    for (let col = 13; col <= 18; col++) Object.assign(sheet.cell(row, col)!, { formulaR1C1: undefined, value: 5 });
  fake.resetStats();
  const again = await applyToSheet({ template: "support_kpi" });
  expect(again.overrides).toHaveLength(3_000 * 6);
  expect(again.requestBytes.filter((b) => b > REQUEST_BUDGET_BYTES / 2).length).toBeGreaterThan(1);
  expectWithinBudget(again);
  expect(sheet.cell(6_002, 13)!.value).toBe(5);
  expect(sheet.cell(6_003, 13)!.formulaR1C1).toBe(sheet.cell(5, 13)!.formulaR1C1);
}, 60_000);
