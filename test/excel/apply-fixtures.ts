// Sheets HR already has, put into the fake Excel host as a person's workbook would hold them (values as stored,
// formulas, merged areas), and what must not change when the add-in applies a template to them.
import type { FixtureSheet } from "../apply/fixtures";
import { parseArea, type FakeCell, type FakeExcel, type FakeSheet } from "./fake-excel";

/** Adds the fixture as a sheet (the active one when it is the first) and returns it. */
export function loadSheet(fake: FakeExcel, fixture: FixtureSheet): FakeSheet {
  const sheet = fake.model.addSheet(fixture.name);
  fixture.rows.forEach((row, r) =>
    row.forEach((v, c) => {
      if (v === null || v === undefined) return;
      const cell = sheet.touch(r + 1, c + 1);
      if (typeof v === "object") cell.formula = `=${v.formula}`;
      else cell.value = v;
    }),
  );
  for (const m of fixture.merges ?? []) sheet.merges.push(parseArea(m).rect);
  return sheet;
}

/** Whether a cell holds anything a person typed: a value or a formula. */
export function isFilled(cell: FakeCell | undefined): boolean {
  return !!cell && (cell.value !== null || cell.formula !== undefined || cell.formulaR1C1 !== undefined);
}

/** Every filled cell by "row:col": value, formula, number format and format, as plain data. */
export function filledCells(sheet: FakeSheet): Map<string, FakeCell> {
  const out = new Map<string, FakeCell>();
  for (const { row, col, cell } of sheet.entries()) if (isFilled(cell)) out.set(`${row}:${col}`, { ...cell });
  return out;
}

/** Everything the fake recorded about the workbook, as plain data: equal snapshots mean nothing changed. */
export function workbookSnapshot(fake: FakeExcel): string {
  const model = fake.model;
  return JSON.stringify({
    sheets: model.sheets.map((s) => model.snapshotSheet(s)),
    names: model.names,
    tables: model.tables,
  });
}
