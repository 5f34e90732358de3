// The catalog's data model. Template files (src/catalog/templates/*.json) follow these types and
// src/catalog/template.schema.json; src/catalog/validate.ts checks what a schema cannot (ids unique,
// bands that cover every value, weights that add up).

export type Lang = "zh" | "en";

/** Text in both languages. `zh` is the seed's own words where the seed prints them. */
export interface Text {
  zh: string;
  en: string;
}

export interface Aliases {
  zh?: string[];
  en?: string[];
}

/** A comparison as the seed words it: 以上/以下/以内 include the bound (>=, <=); 大于/小于/低于/超过 exclude it. */
export type Op = ">=" | ">" | "<=" | "<";

export interface Condition {
  op: Op;
  value: number;
}

// ---------------------------------------------------------------------------------------------
// Rules. Each kind is one module in src/engine/kinds; the registry there maps `kind` to it.
// Inputs are numbers in Excel's conventions: rates and ratios as fractions (92% is 0.92), scores as
// points, counts as whole numbers, yes/no as 1/0, amounts as positive numbers of points.
// ---------------------------------------------------------------------------------------------

/** One band of a threshold rule, in the seed's order. The first band whose condition holds applies. */
export interface Band extends Condition {
  points: number;
  /** Not printed by the seed: added to close a gap the seed leaves open. The template notes say why. */
  inferred?: boolean;
}

interface RuleCommon {
  /** Which of the indicator's inputs this rule reads (only inside `combined`); 0 otherwise. */
  input?: number;
  /** Inside `combined`: a part that adds on top of the row's full marks (每例加2分, 最高加5分). */
  role?: "base" | "bonus";
}

/** Threshold bands on a rate, ratio, score or count. */
export interface BandsRule extends RuleCommon {
  kind: "bands";
  bands: Band[];
}

/** Two inputs each tested against one condition (淘宝 及时响应: 首问 ≤30秒, 平均 ≤60秒). Reads inputs 0 and 1. */
export interface TwoThresholdsRule extends RuleCommon {
  kind: "two_thresholds";
  first: Condition;
  second: Condition;
  points: { both: number; firstOnly: number; secondOnly: number; neither: number };
}

/** Full marks minus a fixed amount per occurrence, never below the floor (每投诉1次扣5分). */
export interface DeductionRule extends RuleCommon {
  kind: "deduction";
  full: number;
  per: number;
  floor?: number;
}

/** A signed amount per occurrence, optionally capped in absolute value (每例加2分,最高加5分; 扣10分/次). */
export interface PerOccurrenceRule extends RuleCommon {
  kind: "per_occurrence";
  per: number;
  cap?: number;
}

/**
 * The rater types an amount the seed leaves to judgement (酌情扣2-8分, 扣2-3分/次, 加5~15分).
 * Points are `base + sign × amount`. 0 always means "none". With `perOccurrence`, an amount of k
 * occurrences must lie in [k×min, k×max] for some whole k.
 */
export interface DiscretionaryRule extends RuleCommon {
  kind: "discretionary";
  sign: 1 | -1;
  min: number;
  max: number;
  base?: number;
  perOccurrence?: boolean;
}

export interface Level {
  /** Short code the rater may type instead of a score (A, B, 1, 2…), unique within the rule. */
  code: string;
  descriptor: Text;
  min: number;
  max: number;
  /** "12分以下" written as max 12 exclusive where the seed means strictly below. */
  maxExclusive?: boolean;
}

/**
 * Behaviour-anchored levels. The rater types a score inside a level's range, or picks a level by
 * code (the score is then the level's minimum). Where ranges share a boundary, the better level wins.
 */
export interface LevelsRule extends RuleCommon {
  kind: "levels";
  /** The order the seed lists the levels in. */
  order: "best_first" | "worst_first";
  wholeNumbers?: boolean;
  levels: Level[];
}

/** A score the rater gives freely within a range (qualitative rows; 0-10 scores). */
export interface FreeRule extends RuleCommon {
  kind: "free";
  min: number;
  max?: number;
}

/** 1 = yes, 0 = no. */
export interface YesNoRule extends RuleCommon {
  kind: "yes_no";
  yes: number;
  no: number;
}

/** Yes/no input; on yes the target (a section's subtotal) becomes 0 (严重涉密 → KPI 0分). Contributes 0 itself. */
export interface VetoRule extends RuleCommon {
  kind: "veto";
  section: string;
}

/** Sum of parts on several inputs, clamped, and zeroed when a cliff condition holds (超过5次为0分). */
export interface CombinedRule extends RuleCommon {
  kind: "combined";
  parts: Rule[];
  min?: number;
  max?: number;
  zeroIf?: Array<Condition & { input: number }>;
}

export type Rule =
  | BandsRule
  | TwoThresholdsRule
  | DeductionRule
  | PerOccurrenceRule
  | DiscretionaryRule
  | LevelsRule
  | FreeRule
  | YesNoRule
  | VetoRule
  | CombinedRule;

export type RuleKindName = Rule["kind"];

// ---------------------------------------------------------------------------------------------
// Inputs, indicators, templates
// ---------------------------------------------------------------------------------------------

export type Measure = "rate" | "ratio" | "points" | "count" | "yes_no" | "level" | "amount";

export interface InputSpec {
  /** Unique within the indicator. */
  id: string;
  /** Short label; a further input's column is headed `<name.zh>·<label.zh>`. */
  label: Text;
  measure: Measure;
  unit: Text;
  direction: "higher_better" | "lower_better" | "none";
  /**
   * unscored: a blank gives no points: an indicator's total stays blank, an adjustment adds nothing.
   * zero: a blank counts as the number 0 (further inputs; 没有参加者该项不得分).
   */
  blank: "unscored" | "zero";
  /** Valid range of the typed value (inclusive). */
  min?: number;
  max?: number;
  /** What to type, exactly. */
  prompt: Text;
}

export interface Indicator {
  id: string;
  name: Text;
  aliases?: Aliases;
  /** Weight in percent as the seed prints it (35% or 35分); absent where the seed gives none. */
  weight?: number;
  /** The seed's 考核标准/评分标准 text, verbatim (zh), with an English rendering. */
  criterion: Text;
  /** 数据来源 where the seed names one. */
  source?: Text;
  inputs: InputSpec[];
  rule: Rule;
  notes?: Text[];
}

export interface Section {
  id: string;
  name: Text;
  /** Percent of the template, as printed (KPI 85%). */
  weight?: number;
  indicators: Indicator[];
  notes?: Text[];
}

/** An adjustment to the total (投诉 −10/次, 特殊贡献 +10/次) or a veto. Same shape as an indicator, no weight. */
export interface Adjustment {
  id: string;
  name: Text;
  aliases?: Aliases;
  criterion: Text;
  inputs: InputSpec[];
  rule: Rule;
  notes?: Text[];
}

export interface Grade {
  /** The seed's short code: its letter where it has one, else its word (A, 优秀). */
  code: string;
  /** The seed's full text (A杰出) and an English rendering. */
  label: Text;
  /** The range as printed (110分以上). */
  range: Text;
  /** Lower bound; absent on the lowest grade. */
  min?: number;
  minOp?: ">=" | ">";
}

export interface GradeScale {
  /** Best first. */
  grades: Grade[];
  /** A total between two printed ranges takes the lower grade (it has not reached the higher one). */
  between: "lower";
}

export interface Scoring {
  /**
   * points: an indicator's points already carry its weight (the row is worth 35分).
   * weighted: each indicator is scored 0..scale and contributes score × weight% × 100 / scale.
   */
  mode: "points" | "weighted";
  scale?: number;
}

export interface Template {
  $schema?: string;
  id: string;
  name: Text;
  aliases?: Aliases;
  /** What the seed document is and where the template's text was found in it. */
  source: Text;
  scoring: Scoring;
  /** Rater weights (上级评分 80% + 自评分 20%), fractions summing to 1. */
  raters?: { supervisor: number; self: number };
  sections: Section[];
  adjustments?: Adjustment[];
  grades?: GradeScale;
  notes?: Text[];
}

/** Anything that takes inputs and gives points: an indicator or an adjustment. */
export type ScorableRule = (Indicator | Adjustment) & { scope: "indicator" | "adjustment"; sectionId?: string };
