// The generic forms behind KPI.DEDUCT, KPI.BONUS, KPI.BLEND, KPI.TABLE, and totals from a row of points
// (KPI.TOTAL, KPI.RULES). Pure: the functions layer only converts Excel's arguments and errors.
import { scorableRules, type FoundRule } from "../catalog/catalog";
import type { Lang, Op, Template, Text } from "../catalog/types";
import { formatMessage } from "../i18n";
import { KpiError } from "./errors";
import { isBlank, parseNumericText, type InputValue } from "./input";
import { kindOf } from "./kinds/registry";
import { displayNumber, roundExcel } from "./round";
import { contributionOf } from "./score";

const PERCENT_SHARE_HINT = { zh: "比例", en: "share" };

/** A cell value as a number; null for blank. Text is read as Excel reads typing ("92%" → 0.92). */
export function cellNumber(raw: InputValue, what: Text): number | null {
  if (raw === null || raw === undefined || isBlank(raw)) return null;
  if (typeof raw === "number" && Number.isFinite(raw)) return raw;
  if (typeof raw === "string") {
    const parsed = parseNumericText(raw);
    if (parsed !== undefined && Number.isFinite(parsed)) return parsed;
  }
  throw new KpiError("not_a_number_plain", { value: String(raw), what });
}

function countOf(raw: InputValue, what: Text): number | null {
  const n = cellNumber(raw, what);
  if (n === null) return null;
  if (n < 0) throw new KpiError("negative_count", { value: displayNumber(n), rule: what });
  if (!Number.isInteger(n)) throw new KpiError("not_whole", { value: displayNumber(n), rule: what });
  return n;
}

const COUNT = { zh: "次数", en: "count" };
const PER = { zh: "每次分值", en: "points per occurrence" };
const FULL = { zh: "满分", en: "full marks" };
const FLOOR = { zh: "最低分", en: "floor" };
const CAP = { zh: "上限", en: "cap" };

/** Results must be numbers Excel can show: overflow from absurd inputs is an error, not Infinity. */
function finite(x: number | null): number | null {
  if (x !== null && !Number.isFinite(x)) throw new KpiError("result_out_of_range", { rule: { zh: "计算结果", en: "the result" } });
  return x;
}

/** Full marks minus `per` for each occurrence, never below the floor (0 unless given). Blank count → blank. */
export function deduct(count: InputValue, per: InputValue, full: InputValue, floor?: InputValue): number | null {
  const n = countOf(count, COUNT);
  const p = cellNumber(per, PER);
  const f = cellNumber(full, FULL);
  const lo = cellNumber(floor ?? null, FLOOR) ?? 0;
  if (n === null || p === null || f === null) return null;
  return finite(Math.max(lo, f - Math.abs(p) * n));
}

/** `per` for each occurrence, at most `cap`. Blank count → blank. */
export function bonus(count: InputValue, per: InputValue, cap: InputValue): number | null {
  const n = countOf(count, COUNT);
  const p = cellNumber(per, PER);
  const c = cellNumber(cap, CAP);
  if (n === null || p === null || c === null) return null;
  // The cap limits the size of the adjustment either way (a negative amount per occurrence is a penalty).
  return finite(p >= 0 ? Math.min(Math.abs(c), p * n) : Math.max(-Math.abs(c), p * n));
}

/** 上级评分 × w + 自评分 × (1 − w); w defaults to 0.8. Either score blank → blank. */
export function blend(supervisor: InputValue, self: InputValue, supervisorWeight?: InputValue): number | null {
  const sup = cellNumber(supervisor, { zh: "上级评分", en: "supervisor score" });
  const own = cellNumber(self, { zh: "自评分", en: "self score" });
  const w = cellNumber(supervisorWeight ?? null, PERCENT_SHARE_HINT) ?? 0.8;
  if (w < 0 || w > 1) throw new KpiError("weight_range", { value: displayNumber(w) });
  if (sup === null || own === null) return null;
  return finite(sup * w + own * (1 - w));
}

const OPS: Op[] = [">=", ">", "<=", "<"];

/**
 * A band lookup against a table typed in the sheet. Each threshold is compared with `direction` (">=" by
 * default: the value reaches the threshold). The best threshold reached wins: the highest for >= and >, the
 * lowest for <= and <. `points` has one entry per threshold, plus optionally one for values that reach none.
 */
export function tableLookup(value: InputValue, thresholds: InputValue[], points: InputValue[], direction?: InputValue): number | null {
  const op = (direction === null || direction === undefined || isBlank(direction) ? ">=" : String(direction).trim()) as Op;
  if (!OPS.includes(op)) throw new KpiError("table_direction", { value: String(direction) });
  const ts = thresholds.filter((t) => !isBlank(t)).map((t) => cellNumber(t, { zh: "阈值", en: "threshold" }) as number);
  const ps = points.filter((p) => !isBlank(p)).map((p) => cellNumber(p, { zh: "分值", en: "points" }) as number);
  if (ps.length !== ts.length && ps.length !== ts.length + 1) {
    throw new KpiError("table_shape", { thresholds: ts.length, points: ps.length });
  }
  const x = cellNumber(value, { zh: "输入值", en: "value" });
  if (x === null) return null;
  const upward = op === ">=" || op === ">";
  let best = -1;
  ts.forEach((t, i) => {
    const reached = op === ">=" ? x >= t : op === ">" ? x > t : op === "<=" ? x <= t : x < t;
    if (reached && (best < 0 || (upward ? t > ts[best] : t < ts[best]))) best = i;
  });
  if (best >= 0) return ps[best];
  if (ps.length === ts.length + 1) return ps[ts.length];
  throw new KpiError("table_no_band", { value: displayNumber(x) });
}

/** One entry of a template's points row: a scorable rule, and for rater templates which rater's score. */
export interface PointsSlot {
  found: FoundRule;
  rater?: "supervisor" | "self";
}

/** The order KPI.RULES lists and KPI.TOTAL reads: indicators (each rater in turn), then adjustments. */
export function pointsLayout(template: Template): PointsSlot[] {
  return scorableRules(template).flatMap((found): PointsSlot[] =>
    template.raters && found.scope === "indicator"
      ? [{ found, rater: "supervisor" }, { found, rater: "self" }]
      : [{ found }],
  );
}

/**
 * A template's total from one row of points in `pointsLayout` order: rater blend, section weighting and
 * vetoes applied, adjustments added, rounded as Excel rounds. A blank indicator entry gives a blank total; a
 * blank adjustment adds nothing. A veto's entry is its yes/no (1 zeroes its section).
 */
export function totalFromPoints(template: Template, entries: InputValue[]): number | null {
  const layout = pointsLayout(template);
  if (entries.length !== layout.length) {
    throw new KpiError("total_length", { template: template.name, expected: layout.length, got: entries.length });
  }
  const sectionSums = new Map<string, number>();
  const vetoed = new Set<string>();
  let adjustments = 0;
  let blank = false;
  const raterPoints = new Map<string, number>();
  layout.forEach((slot, i) => {
    const { found } = slot;
    const value = cellNumber(entries[i], found.rule.name);
    if (found.scope === "adjustment") {
      if (found.rule.rule.kind === "veto") {
        if (value === 1) vetoed.add(found.rule.rule.section);
      } else adjustments += value ?? 0;
      return;
    }
    if (value === null) {
      blank = true;
      return;
    }
    let points = value;
    if (slot.rater && template.raters) {
      if (slot.rater === "supervisor") {
        raterPoints.set(found.rule.id, value);
        return;
      }
      points = (raterPoints.get(found.rule.id) ?? 0) * template.raters.supervisor + value * template.raters.self;
    }
    const sectionId = found.section!.id;
    const indicator = found.section!.indicators.find((x) => x.id === found.rule.id)!;
    sectionSums.set(sectionId, (sectionSums.get(sectionId) ?? 0) + contributionOf(template, indicator, points));
  });
  if (blank) return null;
  let total = adjustments;
  for (const [section, sum] of sectionSums) if (!vetoed.has(section)) total += sum;
  return finite(roundExcel(total, 2));
}

/** KPI.RULES: a header row and one row per points slot: reference, name, rater, input prompt, point range. */
export function ruleListing(templates: readonly Template[], lang: Lang): Array<Array<string | number>> {
  const rows: Array<Array<string | number>> = [
    ["rules_header_rule", "rules_header_name", "rules_header_rater", "rules_header_input", "rules_header_points"].map((k) =>
      formatMessage(lang, k as "rules_header_rule"),
    ),
  ];
  for (const template of templates) {
    for (const slot of pointsLayout(template)) {
      const { rule } = slot.found;
      const range = kindOf(rule.rule).pointsRange(rule.rule);
      const rangeText = `${Number.isFinite(range.min) ? displayNumber(range.min) : "−∞"}–${Number.isFinite(range.max) ? displayNumber(range.max) : "∞"}`;
      rows.push([
        slot.found.ref,
        rule.name[lang],
        slot.rater ? formatMessage(lang, slot.rater === "supervisor" ? "rater_supervisor" : "rater_self") : "",
        rule.inputs.map((i) => i.prompt[lang]).join(lang === "zh" ? ";" : "; "),
        rangeText,
      ]);
    }
  }
  return rows;
}
