export { KpiError, isKpiError } from "./errors";
export { roundExcel, displayNumber, displayPercent } from "./round";
export { parseNumericText, isBlank, readInput, type InputValue } from "./input";
export {
  scoreRule, readInputs, compiledRule, gradeFor, assess, contributionOf, fullMarks,
  type RuleScore, type Assessment, type RuleOutcome, type SectionOutcome, type RuleInput, type ScoreWarning,
} from "./score";
export { kindOf } from "./kinds/registry";
export type { CompiledRule, Evaluation } from "./kinds/kind";
export { cellNumber, deduct, bonus, blend, tableLookup, pointsLayout, totalFromPoints, ruleListing, type PointsSlot } from "./generic";
