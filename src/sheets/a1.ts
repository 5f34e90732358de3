// A1 and R1C1 references, and the names Excel accepts for sheets and defined names.

export function columnLetter(col: number): string {
  let s = "";
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function a1(row: number, col: number): string {
  return `${columnLetter(col)}${row}`;
}

export function a1Abs(row: number, col: number): string {
  return `$${columnLetter(col)}$${row}`;
}

export function rangeA1(r1: number, c1: number, r2: number, c2: number): string {
  return r1 === r2 && c1 === c2 ? a1(r1, c1) : `${a1(r1, c1)}:${a1(r2, c2)}`;
}

export function rangeAbs(r1: number, c1: number, r2: number, c2: number): string {
  return r1 === r2 && c1 === c2 ? a1Abs(r1, c1) : `${a1Abs(r1, c1)}:${a1Abs(r2, c2)}`;
}

/** A same-row reference to column `col` from column `from`, in R1C1 (RC[-3], RC). */
export function r1c1SameRow(col: number, from: number): string {
  const d = col - from;
  return d === 0 ? "RC" : `RC[${d}]`;
}

/**
 * Converts an R1C1 formula to A1 for the cell at (row, col). String literals and names are left alone;
 * only R…C… tokens standing on their own are references.
 */
export function r1c1ToA1(formula: string, row: number, col: number): string {
  let out = "";
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i];
    if (ch === '"') {
      const end = formula.indexOf('"', i + 1);
      const stop = end < 0 ? formula.length : end + 1;
      out += formula.slice(i, stop);
      i = stop;
      continue;
    }
    const prev = i > 0 ? formula[i - 1] : "";
    if (ch === "R" && !/[A-Za-z0-9_.]/.test(prev)) {
      const m = /^R(\[-?\d+\]|\d+)?C(\[-?\d+\]|\d+)?(?![A-Za-z0-9_(])/.exec(formula.slice(i));
      if (m) {
        out += refToA1(m[1], m[2], row, col);
        i += m[0].length;
        continue;
      }
    }
    // Skip identifiers whole, so names such as KPI_RC_points are never read as references.
    if (/[A-Za-z_]/.test(ch)) {
      const m = /^[A-Za-z_][A-Za-z0-9_.]*/.exec(formula.slice(i))!;
      out += m[0];
      i += m[0].length;
      continue;
    }
    out += ch;
    i++;
  }
  return out;
}

function refToA1(rowPart: string | undefined, colPart: string | undefined, row: number, col: number): string {
  const r = rowPart === undefined ? { n: row, abs: false } : rowPart.startsWith("[") ? { n: row + Number(rowPart.slice(1, -1)), abs: false } : { n: Number(rowPart), abs: true };
  const c = colPart === undefined ? { n: col, abs: false } : colPart.startsWith("[") ? { n: col + Number(colPart.slice(1, -1)), abs: false } : { n: Number(colPart), abs: true };
  return `${c.abs ? "$" : ""}${columnLetter(c.n)}${r.abs ? "$" : ""}${r.n}`;
}

const FORBIDDEN_SHEET_CHARS = /[[\]:*?/\\]/g;

/**
 * A valid, unique sheet name: at most 31 characters, none of []:*?/\, no leading or trailing apostrophe,
 * not "History" (reserved by Excel), unique ignoring case among `taken`. Adds " (2)", " (3)" … when needed.
 */
export function uniqueSheetName(wanted: string, taken: Iterable<string>): string {
  const used = new Set([...taken].map((n) => n.toLowerCase()));
  let base = wanted.replace(FORBIDDEN_SHEET_CHARS, "_").replace(/^'+|'+$/g, "").trim() || "Sheet";
  if (base.toLowerCase() === "history") base = `${base}_`;
  base = base.slice(0, 31);
  if (!used.has(base.toLowerCase())) return base;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const candidate = base.slice(0, 31 - suffix.length).replace(/'+$/, "") + suffix;
    if (!used.has(candidate.toLowerCase())) return candidate;
  }
}

/** Quotes a sheet name for use in a reference: 'Sheet name'!A1. */
export function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/**
 * Whether Excel accepts `name` as a defined or table name: starts with a letter, underscore or backslash,
 * then letters, digits, periods and underscores; not a cell reference (A1, R1C1), not "R" or "C", ≤ 255.
 */
export function isValidDefinedName(name: string): boolean {
  if (name.length === 0 || name.length > 255) return false;
  if (!/^[A-Za-z_\\][A-Za-z0-9_.]*$/.test(name)) return false;
  if (/^[A-Za-z]{1,3}[0-9]+$/.test(name)) return false;
  // R1C1-style references: R, C, R5, C3, R1C1.
  if (/^([Rr][0-9]*)?([Cc][0-9]*)?$/.test(name)) return false;
  return true;
}

/** A valid defined name not in `taken` (case-insensitive): KPI_x, KPI_x_2 … */
export function uniqueDefinedName(wanted: string, taken: Iterable<string>): string {
  const used = new Set([...taken].map((n) => n.toLowerCase()));
  let base = wanted.replace(/[^A-Za-z0-9_.]/g, "_");
  if (!/^[A-Za-z_]/.test(base)) base = `_${base}`;
  if (!isValidDefinedName(base)) base = `${base}_`;
  if (!used.has(base.toLowerCase())) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}_${n}`;
    if (!used.has(candidate.toLowerCase())) return candidate;
  }
}
