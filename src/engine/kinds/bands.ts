import type { Band, BandsRule } from "../../catalog/types";
import { displayCondition, displayInput, holds } from "../conditions";
import { formatMessage } from "../../i18n";
import { inputOf, onInput, type RuleKind } from "./kind";

/**
 * A band list as a step function: ascending bounds, whether each bound itself belongs to the band above
 * (">=" reached at the bound) and the points of each of the n+1 intervals. This is exactly what the
 * portable sheet formula counts: 1 + SUMPRODUCT((x>bounds)+(x=bounds)*(reachedAt="≥")).
 */
export interface StepFunction {
  bounds: number[];
  reachedAtBound: boolean[];
  points: number[];
}

/** First band (in the seed's order) whose condition holds, or -1 where the list leaves a gap. */
export function firstBand(bands: readonly Band[], x: number): number {
  for (let i = 0; i < bands.length; i++) if (holds(bands[i], x)) return i;
  return -1;
}

/**
 * Turns the seed-ordered, first-match band list into a step function, or says where it is not one:
 * a gap (no band holds) or a lone point (a band that holds for one value only).
 */
export function toStepFunction(bands: readonly Band[]): { step?: StepFunction; gaps: string[]; lonePoints: number[] } {
  const values = [...new Set(bands.map((b) => b.value))].sort((a, b) => a - b);
  const n = values.length;
  const gaps: string[] = [];
  const lonePoints: number[] = [];
  const at = (x: number, what: string): number => {
    const i = firstBand(bands, x);
    if (i < 0) gaps.push(what);
    return i < 0 ? NaN : bands[i].points;
  };
  // Interval j lies between values[j-1] and values[j]; the comparisons are constant inside it.
  const intervals: number[] = [];
  for (let j = 0; j <= n; j++) {
    const probe = j === 0 ? values[0] - 1 : j === n ? values[n - 1] + 1 : (values[j - 1] + values[j]) / 2;
    const label = j === 0 ? `< ${values[0]}` : j === n ? `> ${values[n - 1]}` : `(${values[j - 1]}, ${values[j]})`;
    intervals.push(at(probe, label));
  }
  const bounds: number[] = [];
  const reachedAtBound: boolean[] = [];
  const points: number[] = [intervals[0]];
  for (let j = 0; j < n; j++) {
    const onBound = at(values[j], `= ${values[j]}`);
    const below = intervals[j];
    const above = intervals[j + 1];
    if (onBound === below && onBound === above) continue; // a bound that changes nothing
    if (!Number.isNaN(onBound) && onBound !== below && onBound !== above) lonePoints.push(values[j]);
    bounds.push(values[j]);
    reachedAtBound.push(onBound === above);
    points.push(above);
  }
  if (gaps.length || lonePoints.length) return { gaps, lonePoints };
  return { step: { bounds, reachedAtBound, points }, gaps, lonePoints };
}

/** The smallest double above `x`: `v > b` is exactly `v >= nextUp(b)` for every double v. */
export function nextUp(x: number): number {
  if (Number.isNaN(x) || x === Infinity) return x;
  if (x === 0) return Number.MIN_VALUE;
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  view.setBigUint64(0, x > 0 ? bits + 1n : bits - 1n);
  return view.getFloat64(0);
}

/**
 * The hot path. Every comparison becomes `x >= threshold` (a strict bound b becomes the next double above b,
 * which is exact, not a nudge). Thresholds ascend, so the number of thresholds reached is the band's index;
 * counting them without early exit keeps the loop free of data-dependent branches, which scattered inputs
 * would mispredict.
 */
export function compileStep(step: StepFunction): (x: number) => number {
  const n = step.bounds.length;
  const t = Float64Array.from(step.bounds, (b, i) => (step.reachedAtBound[i] ? b : nextUp(b)));
  const p = Float64Array.from(step.points);
  return (x: number) => {
    let i = 0;
    for (let k = 0; k < n; k++) i += +(x >= t[k]);
    return p[i];
  };
}

export const bandsKind: RuleKind<BandsRule> = {
  kind: "bands",
  inputsRead: (rule) => [inputOf(rule)],
  check() {},
  compile(rule) {
    const { step } = toStepFunction(rule.bands);
    if (!step) throw new Error("bands rule with gaps: validate the catalog before compiling");
    return onInput(inputOf(rule), compileStep(step));
  },
  evaluate(rule, xs) {
    const x = xs[inputOf(rule)];
    const band = firstBand(rule.bands, x);
    return { points: rule.bands[band].points, detail: { band } };
  },
  explain(rule, xs, ev, ctx, lang) {
    const spec = ctx.inputs[inputOf(rule)];
    const band = rule.bands[ev.detail.band as number];
    return formatMessage(lang, band.inferred ? "explain_band_inferred" : "explain_band", {
      rule: ctx.name[lang],
      value: displayInput(xs[inputOf(rule)], spec),
      condition: displayCondition(band, spec),
      points: ev.points,
    });
  },
  pointsRange(rule) {
    const pts = rule.bands.map((b) => b.points);
    return { min: Math.min(...pts), max: Math.max(...pts) };
  },
};


