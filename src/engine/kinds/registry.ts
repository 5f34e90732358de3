import type { Rule, RuleKindName } from "../../catalog/types";
import { bandsKind } from "./bands";
import { combinedKind } from "./combined";
import { deductionKind } from "./deduction";
import { discretionaryKind } from "./discretionary";
import { freeKind } from "./free";
import type { RuleKind } from "./kind";
import { levelsKind } from "./levels";
import { perOccurrenceKind } from "./per_occurrence";
import { twoThresholdsKind } from "./two_thresholds";
import { vetoKind } from "./veto";
import { yesNoKind } from "./yes_no";

// Adding a rule kind: one module in this folder and one line here.
type Registry = { [K in RuleKindName]: RuleKind<Extract<Rule, { kind: K }>> };

// Built on first use: combined.ts imports the registries, so at module load a kind may not be defined yet.
let registry: Registry | undefined;

const build = (): Registry => ({
  bands: bandsKind,
  two_thresholds: twoThresholdsKind,
  deduction: deductionKind,
  per_occurrence: perOccurrenceKind,
  discretionary: discretionaryKind,
  levels: levelsKind,
  free: freeKind,
  yes_no: yesNoKind,
  veto: vetoKind,
  combined: combinedKind,
});

export function kindOf<R extends Rule>(rule: R): RuleKind<R> {
  registry ??= build();
  const kind = registry[rule.kind] as unknown as RuleKind<R> | undefined;
  if (!kind) throw new Error(`unknown rule kind "${(rule as { kind: string }).kind}"`);
  return kind;
}

export function isKnownKind(name: string): name is RuleKindName {
  registry ??= build();
  return Object.prototype.hasOwnProperty.call(registry, name);
}
