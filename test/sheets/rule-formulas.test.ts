import fc from "fast-check";
import { sheetKindOf } from "../../src/engine/kinds/sheet-registry";
import { HyperFormula } from "hyperformula";
import { defaultCatalog, scorableRules, type FoundRule } from "../../src/catalog";
import type { InputSpec, Rule } from "../../src/catalog/types";
import { isKpiError, scoreRule } from "../../src/engine";

// Every rule's portable formula, evaluated by a spreadsheet engine against the rule's own table, gives the
// engine's points for every input the engine accepts.

const catalog = defaultCatalog();
const all: FoundRule[] = catalog.templates.flatMap((t) => scorableRules(t)).filter((f) => f.rule.rule.kind !== "veto");

function levelCodes(rule: Rule): string[] {
  if (rule.kind === "levels") return rule.levels.map((l) => l.code);
  if (rule.kind === "combined") return rule.parts.flatMap(levelCodes);
  return [];
}

function arbInput(spec: InputSpec, codes: string[]): fc.Arbitrary<number | string> {
  const numbers =
    spec.measure === "rate"
      ? fc.integer({ min: 0, max: 1000 }).map((n) => n / 1000)
      : spec.measure === "ratio"
        ? fc.integer({ min: 0, max: 3000 }).map((n) => n / 1000)
        : spec.measure === "count"
          ? fc.integer({ min: 0, max: 15 })
          : spec.measure === "yes_no"
            ? fc.constantFrom(0, 1)
            : fc.integer({ min: Math.max(-5, spec.min ?? -5) * 2, max: Math.min(120, spec.max ?? 120) * 2 }).map((n) => n / 2);
  return codes.length && spec.measure === "level" ? fc.oneof(numbers, fc.constantFrom(...codes)) : numbers;
}

function sheetFor(found: FoundRule) {
  const rule = found.rule.rule;
  const ctx = { name: found.rule.name, inputs: found.rule.inputs };
  const table = sheetKindOf(rule).ruleTable(rule, ctx);
  const hf = HyperFormula.buildEmpty({ licenseKey: "gpl-v3", useArrayArithmetic: true });
  const sheet = hf.addSheet("Rules");
  const sheetId = hf.getSheetId(sheet)!;
  // Inputs in A1:C1; each table part in its own column from E.
  table.forEach((part, i) => {
    const col = 4 + i;
    part.values.forEach((v, r) => hf.setCellContents({ sheet: sheetId, col, row: r }, [[v]]));
    const letter = String.fromCharCode(65 + col);
    hf.addNamedExpression(`T_${part.key}`, `=Rules!$${letter}$1:$${letter}$${part.values.length}`);
  });
  const formula = sheetKindOf(rule).formula(rule, {
    input: (i) => (found.rule.inputs[i].blank === "zero" ? `IF(${"ABC"[i]}1="",0,${"ABC"[i]}1)` : `${"ABC"[i]}1`),
    part: (key) => `T_${key}`,
  });
  hf.setCellContents({ sheet: sheetId, col: 0, row: 2 }, [[`=${formula}`]]);
  return { hf, sheetId, formula };
}

describe("portable rule formulas agree with the engine", () => {
  test.each(all.map((f) => [f.ref, f] as const))("%s", (_ref, found) => {
    const { hf, sheetId, formula } = sheetFor(found);
    const codes = levelCodes(found.rule.rule);
    fc.assert(
      fc.property(fc.tuple(...found.rule.inputs.map((s) => arbInput(s, codes))), (xs) => {
        let expected: number | null;
        try {
          expected = scoreRule(found.rule, xs).points;
        } catch (e) {
          if (isKpiError(e)) return true; // the engine refuses it; data validation keeps it out of the sheet
          throw e;
        }
        if (expected === null) return true;
        xs.forEach((x, i) => hf.setCellContents({ sheet: sheetId, col: i, row: 0 }, [[x]]));
        const got = hf.getCellValue({ sheet: sheetId, col: 0, row: 2 });
        if (typeof got !== "number" || Math.abs(got - expected) > 1e-9) {
          throw new Error(`${formula}\ninputs ${JSON.stringify(xs)}: sheet gives ${JSON.stringify(got)}, engine ${expected}`);
        }
        return true;
      }),
      { numRuns: 200 },
    );
  });
});
