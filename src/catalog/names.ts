import type { Aliases, Text } from "./types";

/**
 * How names are compared everywhere (CLI, functions, header mapping): NFKC (full-width letters, digits and
 * brackets folded), no whitespace or line breaks, case-insensitive.
 */
export function normalizeName(name: string): string {
  return name.normalize("NFKC").replace(/\s+/g, "").toLowerCase();
}

/** Every name a thing answers to: id, both names, all aliases. */
export function namesOf(thing: { id: string; name: Text; aliases?: Aliases }): string[] {
  return [thing.id, thing.name.zh, thing.name.en, ...(thing.aliases?.zh ?? []), ...(thing.aliases?.en ?? [])];
}

/** Edit distance over code points (CJK characters count as one). */
export function editDistance(a: string, b: string): number {
  const s = [...a];
  const t = [...b];
  let prev = Array.from({ length: t.length + 1 }, (_, j) => j);
  for (let i = 1; i <= s.length; i++) {
    const cur = [i];
    for (let j = 1; j <= t.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (s[i - 1] === t[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[t.length];
}

/**
 * How close a typed name is to a known one, 0 (unrelated) to 1 (same). Containment counts as close:
 * "满意度" is a fair guess for "项目支持满意度".
 */
export function similarity(typed: string, known: string): number {
  const a = normalizeName(typed);
  const b = normalizeName(known);
  if (!a || !b) return 0;
  if (a === b) return 1;
  const longest = Math.max([...a].length, [...b].length);
  const byEdits = 1 - editDistance(a, b) / longest;
  const contained = a.includes(b) || b.includes(a) ? 0.5 + (0.5 * Math.min(a.length, b.length)) / longest : 0;
  return Math.max(byEdits, contained);
}

/** The closest candidates to `typed`, best first, above a threshold that keeps nonsense out. */
export function closest<T>(typed: string, candidates: T[], names: (c: T) => string[], limit = 3, threshold = 0.4): T[] {
  const scored = candidates
    .map((c) => ({ c, score: Math.max(0, ...names(c).map((n) => similarity(typed, n))) }))
    .filter((s) => s.score >= threshold)
    .sort((x, y) => y.score - x.score);
  return scored.slice(0, limit).map((s) => s.c);
}
