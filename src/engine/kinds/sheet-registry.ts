import type { Rule, RuleKindName } from "../../catalog/types";
import { bandsSheet } from "./sheet/bands";
import { combinedSheet } from "./sheet/combined";
import { deductionSheet } from "./sheet/deduction";
import { discretionarySheet } from "./sheet/discretionary";
import { freeSheet } from "./sheet/free";
import type { RuleSheetKind } from "./kind";
import { levelsSheet } from "./sheet/levels";
import { perOccurrenceSheet } from "./sheet/per_occurrence";
import { twoThresholdsSheet } from "./sheet/two_thresholds";
import { vetoSheet } from "./sheet/veto";
import { yesNoSheet } from "./sheet/yes_no";

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
