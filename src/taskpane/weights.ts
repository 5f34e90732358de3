// The template page's weights check: the rows of each section add up to the weight the section states, and the
// sections to 100% where every section states one. Only what the template says is checked. Pure.
import type { Template, Text } from "../catalog/types";

export interface SectionWeights {
  name: Text;
  /** The rows' weights added up; absent when a row has no weight. */
  sum?: number;
  /** The section's stated weight. */
  weight?: number;
  /** Whether sum equals weight; absent when either is missing. */
  ok?: boolean;
}

export interface WeightsCheck {
  sections: SectionWeights[];
  /** The sections' weights added up, where every section states one. */
  total?: { sum: number; ok: boolean };
  /** Every row's weight added up, where every row has one (and sections state none). */
  rowsTotal?: number;
  /** Neither rows nor sections carry a weight. */
  none: boolean;
}

const EPS = 1e-9;
const add = (xs: number[]) => Math.round(xs.reduce((a, x) => a + x, 0) * 1e6) / 1e6;

export function checkWeights(template: Template): WeightsCheck {
  const sections: SectionWeights[] = template.sections.map((section) => {
    const rows = section.indicators.map((i) => i.weight);
    const sum = rows.length && rows.every((w) => w !== undefined) ? add(rows as number[]) : undefined;
    const ok = sum !== undefined && section.weight !== undefined ? Math.abs(sum - section.weight) < EPS : undefined;
    return { name: section.name, sum, weight: section.weight, ok };
  });
  const stated = template.sections.map((s) => s.weight);
  const total = stated.every((w) => w !== undefined)
    ? { sum: add(stated as number[]), ok: Math.abs(add(stated as number[]) - 100) < EPS }
    : undefined;
  const rows = template.sections.flatMap((s) => s.indicators.map((i) => i.weight));
  const rowsTotal = !total && rows.every((w) => w !== undefined) ? add(rows as number[]) : undefined;
  const none = stated.every((w) => w === undefined) && rows.every((w) => w === undefined);
  return { sections, total, rowsTotal, none };
}
