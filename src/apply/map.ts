// Maps the columns of a detected table to a template's inputs: exact names first, then aliases, then the
// synonym table, then fuzzy matches (always shown for confirmation). An input slot is one input of one rule
// for one rater; most rules have one slot, two-input rules two, rater templates one per rater.
import { scorableRules, type Catalog, type FoundRule } from "../catalog/catalog";
import { editDistance } from "../catalog/names";
import type { Template } from "../catalog/types";
import { inputHeader } from "../sheets/roster";
import type { Rater } from "../sheets/formulas";
import { columnLetter } from "./grid";
import type { HeaderColumn, TableDetection } from "./detect";
import { normalizeHeader } from "./normalize";
import { SYNONYM_GROUPS } from "./synonyms";

export interface InputSlot {
  found: FoundRule;
  index: number;
  rater: Rater;
  /** How the slot is named in --map and in markers: rule id, `.input id` for further inputs, `@self` for self scores. */
  ref: string;
}

/** How a column was matched, most certain first. `manual`: the user said so (--map or the pane). */
export type MatchKind = "manual" | "exact" | "alias" | "synonym" | "fuzzy";

export const MATCH_ORDER: readonly MatchKind[] = ["manual", "exact", "alias", "synonym", "fuzzy"];

export interface ColumnMatch {
  col: number;
  /** The header as shown (group and leaf joined with "·" for multi-row headers). */
  header: string;
  slot: InputSlot;
  kind: MatchKind;
  /** 1 for exact, alias, synonym and manual matches; the similarity for fuzzy ones. */
  score: number;
}

export interface IgnoredColumn {
  col: number;
  header: string;
  reason: "name" | "staff" | "unmatched" | "excluded" | "taken";
}

export interface Mapping {
  template: Template;
  /** One match per slot and per column, best first by kind. Fuzzy ones are proposals. */
  matches: ColumnMatch[];
  ignored: IgnoredColumn[];
}

/** Fuzzy matches below this similarity are not proposed. */
export const FUZZY_THRESHOLD = 0.6;

const SELF_WORDS = ["自评", "自评分", "自我评分", "员工自评", "本人自评", "self", "selfscore", "selfassessment"];
const SUPERVISOR_WORDS = ["上级评分", "上级", "领导评分", "主管评分", "考核人评分", "上级打分", "supervisor", "manager", "supervisorscore"];

export function slotsOf(template: Template): InputSlot[] {
  const slots: InputSlot[] = [];
  for (const found of scorableRules(template)) {
    const raters: Rater[] = template.raters && found.scope === "indicator" ? ["supervisor", "self"] : [null];
    found.rule.inputs.forEach((spec, index) => {
      for (const rater of raters) {
        const ref = `${found.rule.id}${index > 0 ? `.${spec.id}` : ""}${rater === "self" ? "@self" : ""}`;
        slots.push({ found, index, rater, ref });
      }
    });
  }
  return slots;
}

/** Whether a slot must be mapped for its rule to be scored (the first input, for every rater). */
export function isPrimary(slot: InputSlot): boolean {
  return slot.index === 0;
}

type NameKind = "exact" | "alias";

/** Every name a slot answers to, normalised, with how certain a match on it is. */
function slotNames(template: Template, slot: InputSlot): Array<{ name: string; kind: NameKind }> {
  const { found, index, rater } = slot;
  const rule = found.rule;
  const spec = rule.inputs[index];
  const out: Array<{ name: string; kind: NameKind }> = [];
  const add = (kind: NameKind, ...names: string[]) => names.forEach((n) => out.push({ name: normalizeHeader(n), kind }));
  add("exact", slot.ref, inputHeader(found, index, rater, "zh"), inputHeader(found, index, rater, "en"));
  const baseNames = [rule.name.zh, rule.name.en, rule.id, ...(rule.aliases?.zh ?? []), ...(rule.aliases?.en ?? [])];
  if (index === 0 && rater !== "self") {
    add("exact", rule.id, rule.name.zh, rule.name.en, `${template.id}/${rule.id}`);
    add("alias", ...(rule.aliases?.zh ?? []), ...(rule.aliases?.en ?? []));
    add("alias", spec.label.zh, spec.label.en);
  }
  if (index > 0 && rater !== "self") add("alias", spec.label.zh, spec.label.en, `${rule.name.zh}${spec.label.zh}`, `${rule.name.en} ${spec.label.en}`);
  if (rater === "self") {
    for (const base of baseNames) for (const w of SELF_WORDS) add("alias", `${base}${w}`, `${w}${base}`);
    if (index > 0) add("alias", `${spec.label.zh}自评`, `${spec.label.en} self`);
  }
  if (rater === "supervisor" && index === 0) {
    for (const base of baseNames) for (const w of SUPERVISOR_WORDS) add("alias", `${base}${w}`, `${w}${base}`);
  }
  return out.filter((n) => n.name);
}

/** Name → the one slot it names (names shared by several slots of the template are dropped as ambiguous). */
function nameIndex(template: Template, slots: InputSlot[]): Map<string, { slot: InputSlot; kind: NameKind }> {
  const all = new Map<string, Array<{ slot: InputSlot; kind: NameKind }>>();
  for (const slot of slots) {
    for (const { name, kind } of slotNames(template, slot)) {
      const list = all.get(name) ?? [];
      if (!list.some((e) => e.slot === slot)) list.push({ slot, kind });
      else if (kind === "exact") list.find((e) => e.slot === slot)!.kind = "exact";
      all.set(name, list);
    }
  }
  const index = new Map<string, { slot: InputSlot; kind: NameKind }>();
  for (const [name, list] of all) {
    const exact = list.filter((e) => e.kind === "exact");
    if (list.length === 1) index.set(name, list[0]);
    else if (exact.length === 1) index.set(name, exact[0]);
  }
  return index;
}

/**
 * How close a header is to a name, 0 to 1: edit distance, or containment for names of at least two CJK
 * characters or four letters (so "ad" is not close to everything that contains it).
 */
export function fuzzyScore(header: string, name: string): number {
  const a = normalizeHeader(header);
  const b = normalizeHeader(name);
  if (!a || !b) return 0;
  if (a === b) return 1;
  const la = [...a].length;
  const lb = [...b].length;
  const longest = Math.max(la, lb);
  const byEdits = 1 - editDistance(a, b) / longest;
  const shorter = la <= lb ? a : b;
  const meaningful = /[\u3400-\u9fff]/.test(shorter) ? [...shorter].length >= 2 : shorter.length >= 4;
  const contained = meaningful && (a.includes(b) || b.includes(a)) ? 0.5 + (0.5 * Math.min(la, lb)) / longest : 0;
  return Math.max(byEdits, contained);
}

export function headerText(column: HeaderColumn): string {
  return column.path.join("·");
}

/** Texts a column is matched by: its leaf, and the whole path for multi-row headers (文档撰写·自评). */
function candidateTexts(column: HeaderColumn): string[] {
  const texts = [column.leaf];
  if (column.path.length > 1) texts.push(column.path.join(""), column.path.slice(-2).join(""));
  return [...new Set(texts.map(normalizeHeader).filter(Boolean))];
}

interface Candidate {
  col: number;
  header: string;
  slot: InputSlot;
  kind: MatchKind;
  score: number;
}

export interface MapOptions {
  /** Columns the user mapped (slot ref) or rejected (null); they are never guessed. */
  manual?: Map<number, string | null>;
  /** Columns to leave out (a block an earlier apply wrote). */
  exclude?: Set<number>;
}

/** Finds the slot a user's reference names: a slot ref (satisfaction, learning_growth.shared_cases, x@self) or any name of it. */
export function findSlot(template: Template, reference: string): InputSlot | undefined {
  const slots = slotsOf(template);
  const key = normalizeHeader(reference);
  const byRef = slots.find((s) => normalizeHeader(s.ref) === key || normalizeHeader(`${template.id}/${s.ref}`) === key);
  if (byRef) return byRef;
  return nameIndex(template, slots).get(key)?.slot;
}

export function mapColumns(template: Template, detection: TableDetection, options: MapOptions = {}): Mapping {
  const slots = slotsOf(template);
  const names = nameIndex(template, slots);
  const candidates: Candidate[] = [];
  const ignored: IgnoredColumn[] = [];
  const staffCols = new Set(Object.values(detection.staffColumns));
  for (const column of detection.columns) {
    const header = headerText(column);
    if (options.exclude?.has(column.col)) {
      ignored.push({ col: column.col, header, reason: "excluded" });
      continue;
    }
    const manual = options.manual?.get(column.col);
    if (manual !== undefined) {
      const slot = manual === null ? undefined : findSlot(template, manual);
      if (slot) candidates.push({ col: column.col, header, slot, kind: "manual", score: 1 });
      else ignored.push({ col: column.col, header, reason: "unmatched" });
      continue;
    }
    if (detection.nameColumn?.col === column.col) {
      ignored.push({ col: column.col, header, reason: "name" });
      continue;
    }
    if (staffCols.has(column.col)) {
      ignored.push({ col: column.col, header, reason: "staff" });
      continue;
    }
    const found = matchColumn(column, names, slots);
    if (found.length) candidates.push(...found.map((f) => ({ col: column.col, header, ...f })));
    else if (column.path.length) ignored.push({ col: column.col, header, reason: "unmatched" });
  }
  const rank = (c: Candidate) => MATCH_ORDER.indexOf(c.kind);
  candidates.sort((x, y) => rank(x) - rank(y) || y.score - x.score || x.col - y.col);
  const usedSlots = new Set<InputSlot>();
  const usedCols = new Set<number>();
  const matches: ColumnMatch[] = [];
  for (const c of candidates) {
    if (usedSlots.has(c.slot) || usedCols.has(c.col)) continue;
    usedSlots.add(c.slot);
    usedCols.add(c.col);
    matches.push(c);
  }
  for (const c of candidates) {
    if (!usedCols.has(c.col) && !ignored.some((i) => i.col === c.col)) ignored.push({ col: c.col, header: c.header, reason: "taken" });
  }
  matches.sort((x, y) => x.col - y.col);
  ignored.sort((x, y) => x.col - y.col);
  return { template, matches, ignored };
}

function matchColumn(column: HeaderColumn, names: Map<string, { slot: InputSlot; kind: NameKind }>, slots: InputSlot[]): Array<Omit<Candidate, "col" | "header">> {
  const texts = candidateTexts(column);
  const out: Array<Omit<Candidate, "col" | "header">> = [];
  for (const text of texts) {
    const hit = names.get(text);
    if (hit) out.push({ slot: hit.slot, kind: hit.kind, score: 1 });
  }
  if (out.length) return out;
  for (const text of texts) {
    for (const group of SYNONYM_GROUPS) {
      const words = group.map(normalizeHeader);
      if (!words.includes(text)) continue;
      const hits = new Set(words.map((w) => names.get(w)?.slot).filter((s): s is InputSlot => !!s));
      if (hits.size === 1) out.push({ slot: [...hits][0], kind: "synonym", score: 1 });
    }
  }
  if (out.length) return out;
  for (const slot of slots) {
    let best = 0;
    for (const name of fuzzyNames(slot)) for (const text of texts) best = Math.max(best, fuzzyScore(text, name));
    if (best >= FUZZY_THRESHOLD) out.push({ slot, kind: "fuzzy", score: Math.round(best * 100) / 100 });
  }
  return out;
}

function fuzzyNames(slot: InputSlot): string[] {
  const rule = slot.found.rule;
  const spec = rule.inputs[slot.index];
  const names = [inputHeader(slot.found, slot.index, slot.rater, "zh"), inputHeader(slot.found, slot.index, slot.rater, "en")];
  if (slot.index === 0 && slot.rater !== "self") names.push(rule.name.zh, rule.name.en, ...(rule.aliases?.zh ?? []), ...(rule.aliases?.en ?? []));
  if (slot.index > 0) names.push(spec.label.zh, spec.label.en);
  return names;
}

/** Matches a caller accepts without asking: `confirm` lists the kinds that need a person's yes. */
export function acceptedMatches(mapping: Mapping, confirm: readonly MatchKind[]): ColumnMatch[] {
  return mapping.matches.filter((m) => !confirm.includes(m.kind));
}

export interface Coverage {
  /** Indicators whose first input (for some rater) has no column: the total cannot be computed. */
  missingIndicators: FoundRule[];
  /** Adjustments without a column: not scored, the total leaves them out (as a blank adjustment). */
  missingAdjustments: FoundRule[];
  /** Further inputs without a column: counted as 0. */
  zeroInputs: InputSlot[];
  /** Rules that get a score column. */
  scored: FoundRule[];
}

export function coverage(template: Template, matches: ColumnMatch[]): Coverage {
  const mapped = new Set(matches.map((m) => m.slot.ref));
  const slots = slotsOf(template);
  const out: Coverage = { missingIndicators: [], missingAdjustments: [], zeroInputs: [], scored: [] };
  for (const found of scorableRules(template)) {
    const own = slots.filter((s) => s.found.ref === found.ref);
    const primaryMissing = own.some((s) => isPrimary(s) && !mapped.has(s.ref));
    if (primaryMissing) {
      (found.scope === "indicator" ? out.missingIndicators : out.missingAdjustments).push(found);
      continue;
    }
    out.scored.push(found);
    out.zeroInputs.push(...own.filter((s) => !isPrimary(s) && !mapped.has(s.ref)));
  }
  return out;
}

/** The --map argument that confirms a match: "header=slot" (the column letter when the header is ambiguous). */
export function mapArgument(match: ColumnMatch, detection: TableDetection): string {
  const sameHeader = detection.columns.filter((c) => normalizeHeader(headerText(c)) === normalizeHeader(match.header)).length;
  const simple = match.header && sameHeader === 1 && !/[=;"\n]/.test(match.header);
  return `${simple ? match.header : columnLetter(match.col)}=${match.slot.ref}`;
}

export interface TemplateFit {
  template: Template;
  mapping: Mapping;
  /** Exact, alias and synonym matches count 1, fuzzy ones their score ÷ 2. */
  score: number;
}

/** Templates ranked by how well their inputs match the table's headers, best first. */
export function rankTemplates(catalog: Catalog, detection: TableDetection): TemplateFit[] {
  return catalog.templates
    .map((template) => {
      const mapping = mapColumns(template, detection);
      const score = mapping.matches.reduce((s, m) => s + (m.kind === "fuzzy" ? m.score / 2 : 1), 0);
      return { template, mapping, score };
    })
    .sort((a, b) => b.score - a.score);
}
