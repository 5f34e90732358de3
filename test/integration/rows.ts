// Input rows for whole-sheet checks: every band boundary of every rule (just below, at, just above) and random
// valid rows, all checked against the engine so only inputs it accepts are used.
import fc from "fast-check";
import { scorableRules, type FoundRule } from "../../src/catalog";
import type { InputSpec, Rule, Template } from "../../src/catalog/types";
import { isKpiError, scoreRule, type InputValue, type RuleInput } from "../../src/engine";
import { toStepFunction } from "../../src/engine/kinds/bands";
import { levelsFor } from "../../src/sheets/validation";

export type Rater = "supervisor" | "self" | null;
/** One row: values by "<ref>#<input>#<rater>". */
export type Row = Map<string, InputValue>;

export const key = (ref: string, index: number, rater: Rater) => `${ref}#${index}#${rater ?? ""}`;

function step(spec: InputSpec): number {
  return spec.measure === "rate" || spec.measure === "ratio" ? 0.001 : spec.measure === "count" ? 1 : 0.5;
}

function arbValue(found: FoundRule, index: number): fc.Arbitrary<InputValue> {
  const spec = found.rule.inputs[index];
  const levels = levelsFor(found.rule.rule, index);
  if (levels) {
    const scores = levels.rule.levels.flatMap((l) => {
      const top = l.maxExclusive ? l.max - 1 : l.max;
      return Array.from({ length: Math.max(1, Math.floor(top - l.min) + 1) }, (_v, i) => l.min + i);
    });
    return fc.oneof(fc.constantFrom(...scores), fc.constantFrom(...levels.rule.levels.map((l) => l.code)));
  }
  switch (spec.measure) {
    case "rate":
      return fc.integer({ min: 0, max: 1000 }).map((n) => n / 1000);
    case "ratio":
      return fc.integer({ min: 0, max: 2500 }).map((n) => n / 1000);
    case "count":
      return fc.integer({ min: 0, max: 12 });
    case "yes_no":
      return fc.constantFrom(0, 1);
    default: {
      const lo = spec.min ?? 0;
      const hi = spec.max ?? lo + 120;
      return fc.integer({ min: lo * 2, max: hi * 2 }).map((n) => n / 2);
    }
  }
}

function accepted(found: FoundRule, values: InputValue[]): boolean {
  try {
    scoreRule(found.rule, values);
    return true;
  } catch (e) {
    if (isKpiError(e)) return false;
    throw e;
  }
}

function ratersOf(template: Template, found: FoundRule): Rater[] {
  return template.raters && found.scope === "indicator" ? ["supervisor", "self"] : [null];
}

/** A random valid row (every input filled, adjustments sometimes blank). */
export function randomRow(template: Template, rng: fc.Arbitrary<number>, seed: number): Row {
  const row: Row = new Map();
  let n = seed;
  for (const found of scorableRules(template)) {
    for (const rater of ratersOf(template, found)) {
      for (let attempt = 0; ; attempt++) {
        const values = found.rule.inputs.map((_s, i) => fc.sample(arbValue(found, i), { numRuns: 1, seed: n++ })[0]);
        if (found.scope === "adjustment" && attempt === 0 && n % 3 === 0) {
          values.fill(null); // a blank adjustment adds nothing
        }
        if (accepted(found, values) || attempt > 200) {
          values.forEach((v, i) => row.set(key(found.ref, i, rater), v));
          break;
        }
      }
    }
  }
  void rng;
  return row;
}

/** Bands inside a rule, with the input they read. */
function bandsOf(rule: Rule): Array<{ input: number; bounds: number[] }> {
  if (rule.kind === "bands") {
    const s = toStepFunction(rule.bands).step;
    return s ? [{ input: rule.input ?? 0, bounds: s.bounds }] : [];
  }
  if (rule.kind === "two_thresholds") return [{ input: 0, bounds: [rule.first.value] }, { input: 1, bounds: [rule.second.value] }];
  if (rule.kind === "combined") return [...rule.parts.flatMap(bandsOf), ...(rule.zeroIf ?? []).map((z) => ({ input: z.input, bounds: [z.value] }))];
  if (rule.kind === "levels") return [{ input: rule.input ?? 0, bounds: rule.levels.flatMap((l) => [l.min, l.max]) }];
  return [];
}

/** Rows that put one input just below, at and just above each boundary, the rest random and valid. */
export function boundaryRows(template: Template, seed: number): Row[] {
  const rows: Row[] = [];
  let n = seed;
  for (const found of scorableRules(template)) {
    for (const { input, bounds } of bandsOf(found.rule.rule)) {
      const d = step(found.rule.inputs[input]);
      for (const b of bounds) {
        for (const x of [b - d, b, b + d]) {
          const row = randomRow(template, fc.constant(0), n);
          n += 97;
          const rater = ratersOf(template, found)[0];
          const values = found.rule.inputs.map((_s, i) => row.get(key(found.ref, i, rater)) ?? null);
          values[input] = Number(x.toPrecision(12));
          if (!accepted(found, values)) continue;
          values.forEach((v, i) => row.set(key(found.ref, i, rater), v));
          rows.push(row);
        }
      }
    }
  }
  return rows;
}

/** A row as the engine's assessment input: rater templates get {supervisor, self}. */
export function engineInputs(template: Template, row: Row): Record<string, RuleInput> {
  const inputs: Record<string, RuleInput> = {};
  for (const found of scorableRules(template)) {
    const values = (rater: Rater) => found.rule.inputs.map((_s, i) => row.get(key(found.ref, i, rater)) ?? null);
    inputs[found.rule.id] = template.raters && found.scope === "indicator" ? { supervisor: values("supervisor"), self: values("self") } : values(null);
  }
  return inputs;
}
