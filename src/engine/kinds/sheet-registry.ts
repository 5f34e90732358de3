import type { Rule, RuleKindName } from "../../catalog/types";
import { bandsSheet } from "./bands";
import { combinedSheet } from "./combined";
import { deductionSheet } from "./deduction";
import { discretionarySheet } from "./discretionary";
import { freeSheet } from "./free";
import type { RuleSheetKind } from "./kind";
import { levelsSheet } from "./levels";
import { perOccurrenceSheet } from "./per_occurrence";
import { twoThresholdsSheet } from "./two_thresholds";
import { vetoSheet } from "./veto";
import { yesNoSheet } from "./yes_no";

// The authoring and sheet half of each kind (see RuleSheetKind). Adding a kind: one line here too.
type Registry = { [K in RuleKindName]: RuleSheetKind<Extract<Rule, { kind: K }>> };

// Built on first use: combined.ts imports the registries, so at module load a kind may not be defined yet.
let registry: Registry | undefined;

const build = (): Registry => ({
  bands: bandsSheet,
  two_thresholds: twoThresholdsSheet,
  deduction: deductionSheet,
  per_occurrence: perOccurrenceSheet,
  discretionary: discretionarySheet,
  levels: levelsSheet,
  free: freeSheet,
  yes_no: yesNoSheet,
  veto: vetoSheet,
  combined: combinedSheet,
});

export function sheetKindOf<R extends Rule>(rule: R): RuleSheetKind<R> {
  registry ??= build();
  const kind = registry[rule.kind] as unknown as RuleSheetKind<R> | undefined;
  if (!kind) throw new Error(`unknown rule kind "${(rule as { kind: string }).kind}"`);
  return kind;
}
