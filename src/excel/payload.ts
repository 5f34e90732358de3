// Request size accounting. Excel on the web refuses a request over 5 MB; the writer keeps each request under
// REQUEST_BUDGET_BYTES by its own estimate: the UTF-8 size of the JSON of every argument it queues, plus a fixed
// allowance per call for the object paths and action records Office.js adds around it.

/** The writer syncs before a request would pass this estimate (2 MB, well under Excel's 5 MB). */
export const REQUEST_BUDGET_BYTES = 2 * 1024 * 1024;

/** Allowance per queued call (property set, method call, object path) beyond its arguments. */
export const CALL_BYTES = 200;

/** UTF-8 length of a string (what goes over the wire), without allocating. */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** Estimated request bytes of `calls` calls whose arguments are `args`. */
export function requestBytes(calls: number, ...args: unknown[]): number {
  let n = calls * CALL_BYTES;
  for (const a of args) n += a === undefined ? 0 : utf8Length(JSON.stringify(a));
  return n;
}

/** Splits rows into consecutive chunks whose JSON stays under `maxBytes` (a single larger row is its own chunk). */
export function chunkRows<T>(rows: T[][], maxBytes: number): Array<{ offset: number; rows: T[][] }> {
  const chunks: Array<{ offset: number; rows: T[][] }> = [];
  let start = 0;
  let bytes = 2;
  for (let i = 0; i < rows.length; i++) {
    const size = utf8Length(JSON.stringify(rows[i])) + 1;
    if (i > start && bytes + size > maxBytes) {
      chunks.push({ offset: start, rows: rows.slice(start, i) });
      start = i;
      bytes = 2;
    }
    bytes += size;
  }
  if (rows.length > start) chunks.push({ offset: start, rows: rows.slice(start) });
  return chunks;
}
