// What "portable" means for a generated formula: only functions every Excel since 2007, WPS and LibreOffice
// evaluate the same way without an _xlfn. prefix, A1 references only (no structured references), and array
// expressions only inside SUMPRODUCT or LOOKUP (older Excel would need Ctrl+Shift+Enter elsewhere, and
// LibreOffice would not notice).

export const PORTABLE_FUNCTIONS = [
  "IF", "AND", "OR", "NOT", "ISNUMBER", "ISBLANK", "IFERROR", "SUM", "SUMPRODUCT", "MIN", "MAX", "ABS", "ROUND",
  "INDEX", "MATCH", "LOOKUP", "COUNTIF", "COUNTA", "RANK",
] as const;

/** Functions that take a range as an argument as it is (no array evaluation needed). */
const RANGE_ARGUMENT_FUNCTIONS = new Set(["INDEX", "MATCH", "COUNTIF", "COUNTA", "RANK", "SUM", "MIN", "MAX"]);
const ARRAY_CONTEXT_FUNCTIONS = new Set(["SUMPRODUCT", "LOOKUP"]);

export interface FormulaProblem {
  formula: string;
  problem: string;
}

interface Frame {
  name: string;
  argStart: number;
}

const RANGE_LITERAL = /^\$?[A-Z]{1,3}\$?\d+:\$?[A-Z]{1,3}\$?\d+/;

/**
 * Checks one A1 formula (without "="). `isRangeName(name)` says whether a defined name refers to more than one
 * cell, so using it in an operator expression is an array expression.
 */
export function checkPortableFormula(formula: string, isRangeName: (name: string) => boolean, knownName: (name: string) => boolean): FormulaProblem[] {
  const problems: FormulaProblem[] = [];
  const add = (problem: string) => problems.push({ formula, problem });
  if (/_xlfn\./i.test(formula)) add("_xlfn. prefix");
  const stack: Frame[] = [];
  let i = 0;
  const rangeUse = (start: number, end: number, what: string) => {
    if (stack.some((f) => ARRAY_CONTEXT_FUNCTIONS.has(f.name))) return;
    const frame = stack[stack.length - 1];
    if (!frame || !RANGE_ARGUMENT_FUNCTIONS.has(frame.name)) {
      add(`range ${what} used outside SUMPRODUCT/LOOKUP`);
      return;
    }
    // A direct argument: nothing but the range between the separators around it.
    const before = formula.slice(frame.argStart, start).trim();
    let after = end;
    while (after < formula.length && formula[after] === " ") after++;
    if (before !== "" || ![",", ")"].includes(formula[after])) add(`range ${what} inside an expression outside SUMPRODUCT/LOOKUP`);
  };
  while (i < formula.length) {
    const ch = formula[i];
    if (ch === '"') {
      const end = formula.indexOf('"', i + 1);
      if (end < 0) {
        add("unterminated string");
        break;
      }
      i = end + 1;
      if (formula[i] === '"') continue;
      continue;
    }
    if (ch === "[" || ch === "]") {
      add("structured reference or R1C1 bracket");
      i++;
      continue;
    }
    if (ch === "(") {
      stack.push({ name: "", argStart: i + 1 });
      i++;
      continue;
    }
    if (ch === ")") {
      stack.pop();
      i++;
      continue;
    }
    if (ch === ",") {
      if (stack.length) stack[stack.length - 1].argStart = i + 1;
      i++;
      continue;
    }
    const range = RANGE_LITERAL.exec(formula.slice(i));
    if (range && (i === 0 || !/[A-Za-z0-9_.]/.test(formula[i - 1]))) {
      rangeUse(i, i + range[0].length, range[0]);
      i += range[0].length;
      continue;
    }
    const ident = /^[A-Za-z_][A-Za-z0-9_.]*/.exec(formula.slice(i));
    if (ident && (i === 0 || !/[A-Za-z0-9_.$]/.test(formula[i - 1]))) {
      const word = ident[0];
      const next = i + word.length;
      if (formula[next] === "(") {
        if (!(PORTABLE_FUNCTIONS as readonly string[]).includes(word.toUpperCase())) add(`function ${word} is not portable`);
        stack.push({ name: word.toUpperCase(), argStart: next + 1 });
        i = next + 1;
        continue;
      }
      const isCell = /^\$?[A-Z]{1,3}\$?\d+$/.test(word);
      if (!isCell && word !== "TRUE" && word !== "FALSE") {
        if (!knownName(word)) add(`unknown name ${word}`);
        else if (isRangeName(word)) rangeUse(i, next, word);
      }
      i = next;
      continue;
    }
    i++;
  }
  return problems;
}
