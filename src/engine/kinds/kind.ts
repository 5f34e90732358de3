import type { InputSpec, Lang, Rule, Text } from "../../catalog/types";

/** The hot path: a rule compiled once into plain arithmetic over up to three inputs. */
export type CompiledRule = (a: number, b: number, c: number) => number;

/** A problem in a template file, at a JSON path (e.g. `sections[0].indicators[2].rule.bands[3]`). */
export interface Problem {
  path: string;
  message: string;
}

/** What a rule needs to know about the row it scores, for messages and explanations. */
export interface RuleContext {
  name: Text;
  inputs: InputSpec[];
  /** The language of texts placed in cells (rule tables on the rules sheet); zh when not given. */
  lang?: Lang;
}

/** What one evaluation found, for explanations and checks. Kind-specific details live in `detail`. */
export interface Evaluation {
  points: number;
  detail: Record<string, unknown>;
}

/**
 * One rule kind: everything every surface needs from it (see STYLE.md). Adding a kind is one module
 * and one registry line; nothing else switches on kinds.
 */
export interface RuleKind<R extends Rule = Rule> {
  kind: R["kind"];
  /** Indexes of the indicator inputs this rule reads. */
  inputsRead(rule: R): number[];
  /** Throws a KpiError when inputs are numbers the rule cannot score (a level score in no level …). */
  check(rule: R, xs: readonly number[], ctx: RuleContext): void;
  compile(rule: R): CompiledRule;
  evaluate(rule: R, xs: readonly number[]): Evaluation;
  explain(rule: R, xs: readonly number[], ev: Evaluation, ctx: RuleContext, lang: Lang): string;
  /** Lowest and highest points the rule can give. `base` leaves out bonus parts (the row's full marks). */
  pointsRange(rule: R, base?: boolean): { min: number; max: number };
}

/**
 * What authoring and sheets need from a kind, kept apart from RuleKind so the functions bundle (which only
 * scores and explains) does not carry it: webpack drops unused exports, not unused object members.
 */
export interface RuleSheetKind<R extends Rule = Rule> {
  /** Problems a template author must fix (the schema checks shapes; this checks meaning). */
  validate(rule: R, path: string, ctx: RuleContext): Problem[];
  /** The rule in one line (band → points), for the catalog listing and the pane's rule tables. */
  summary(rule: R, ctx: RuleContext, lang: Lang): string;
  /** The cells the rules sheet shows for this rule. */
  ruleTable(rule: R, ctx: RuleContext): RuleTablePart[];
  /** The portable Excel expression (no leading "=") computing the same points from input cells and the table. */
  formula(rule: R, refs: FormulaRefs): string;
}

export function inputOf(rule: Rule): number {
  return rule.input ?? 0;
}

/** Feeds the chosen input to a one-input function without an extra call on the usual input-0 path. */
export function onInput(index: number, f: (x: number) => number): CompiledRule {
  if (index === 0) return f;
  if (index === 1) return (_a, b) => f(b);
  return (_a, _b, c) => f(c);
}

/** `{min}–{max}` in the language's words. */
export function rangeText(min: number, max: number): { zh: string; en: string } {
  return { zh: `${min}–${max}`, en: `${min}–${max}` };
}

/**
 * One named piece of a rule's table on the rules sheet (考核规则): the cells HR edits and formulas read.
 * `values` is a column of cells; `percent` marks bounds of rates and ratios (shown as 0%).
 */
export interface RuleTablePart {
  key: string;
  label: Text;
  values: Array<number | string>;
  format?: "percent" | "number" | "text";
  /** Rows left empty above the values, to line them up with another part (a band's bound sits beside its points). */
  offset?: number;
}

/**
 * Where a formula finds things: `input(i)` is the cell (or expression) holding input i, `part(key)` the defined
 * name of a rule-table part. Formulas use only portable functions (see src/sheets/formula-allowlist.ts).
 */
export interface FormulaRefs {
  input(index: number): string;
  part(key: string): string;
}

