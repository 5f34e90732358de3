import type { Condition, InputSpec, Op } from "../catalog/types";
import { displayNumber, displayPercent } from "./round";

const SYMBOL: Record<Op, string> = { ">=": "≥", ">": ">", "<=": "≤", "<": "<" };

export function holds(c: Condition, x: number): boolean {
  switch (c.op) {
    case ">=":
      return x >= c.value;
    case ">":
      return x > c.value;
    case "<=":
      return x <= c.value;
    case "<":
      return x < c.value;
  }
}

/** An input value as the person typed it: rates and ratios as percentages. */
export function displayInput(x: number, spec: InputSpec | undefined): string {
  return spec && (spec.measure === "rate" || spec.measure === "ratio") ? displayPercent(x) : displayNumber(x);
}

/** "≥ 90%", "≤ 3" … in the input's own unit. */
export function displayCondition(c: Condition, spec: InputSpec | undefined): string {
  return `${SYMBOL[c.op]} ${displayInput(c.value, spec)}`;
}

export function opSymbol(op: Op): string {
  return SYMBOL[op];
}
