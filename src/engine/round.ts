// Spreadsheet rounding, used once on every total: decimal half away from zero, as Excel's ROUND.
// Binary floating point stores 1.005 as 1.00499999999999989…, so a plain Math.round(x*100)/100 gives 1.00;
// Excel gives 1.01 because it rounds the 15-significant-digit decimal it displays. We do the same.

export function roundExcel(value: number, digits = 2): number {
  if (!Number.isFinite(value)) return value;
  // Beyond 15 significant digits there are no decimals left to round (and scaling would overflow).
  if (Math.abs(value) >= 1e15) return value;
  const sign = value < 0 ? -1 : 1;
  const abs = Math.abs(value);
  // 15 significant digits: the decimal Excel shows for this double.
  const shown = Number(abs.toPrecision(15));
  const factor = 10 ** digits;
  const scaled = Number((shown * factor).toPrecision(15));
  const rounded = Math.floor(scaled + 0.5) / factor;
  return sign * Number(rounded.toFixed(Math.max(0, digits)));
}

/** A number as a person reads it: no float noise (0.1+0.2 → 0.3), at most 6 decimals. */
export function displayNumber(value: number): string {
  return String(Number(value.toPrecision(12)));
}

/** A fraction shown as a percentage (0.925 → "92.5%"). */
export function displayPercent(fraction: number): string {
  return `${displayNumber(fraction * 100)}%`;
}
