// Add-in mode: score cells call =KPI.SCORE with the rule's reference instead of native formulas. Recipients
// without the add-in see #NAME? in these cells.
import type { FoundRule } from "../catalog/catalog";
import type { Template } from "../catalog/types";
import type { Rater } from "./formulas";
import type { AddinScore } from "./roster";

export function addinScoreFormula(template: Template): AddinScore {
  return (found: FoundRule, input: (index: number, rater: Rater) => string) => {
    const call = (rater: Rater) => {
      const first = input(0, rater);
      const rest = found.rule.inputs.slice(1).map((_s, i) => input(i + 1, rater));
      const further = rest.length === 0 ? "" : rest.length === 1 ? `,${rest[0]}` : `,${rest[0]}:${rest[rest.length - 1]}`;
      return `KPI.SCORE(${first},"${found.ref}"${further})`;
    };
    if (template.raters && found.scope === "indicator") {
      return `KPI.BLEND(${call("supervisor")},${call("self")},${template.raters.supervisor})`;
    }
    return call(null);
  };
}
