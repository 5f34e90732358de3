// How a header is compared with names: the catalog's normalisation (NFKC, no whitespace or line breaks, lower
// case) plus what headers add around a name: leading numbering (一、 1. (2)), a trailing unit or note in
// brackets (客户满意度（%）, 目标（最多写5个）), a trailing colon or asterisk.
import { normalizeName } from "../catalog/names";

const LEADING_NUMBER = /^(?:\d{1,2}[、.)]|[一二三四五六七八九十]{1,3}[、.]|\(\d{1,2}\)|\([一二三四五六七八九十]{1,3}\))(?=\S)/;
const TRAILING_BRACKET = /(?:\([^()]{0,12}\)|\[[^[\]]{0,12}\]|【[^【】]{0,12}】|<[^<>]{0,12}>)$/;
const TRAILING_MARK = /[*:：]+$/;

export function normalizeHeader(text: string): string {
  let t = normalizeName(text).replace(/．/g, ".");
  const unnumbered = t.replace(LEADING_NUMBER, "");
  if (unnumbered) t = unnumbered;
  for (let i = 0; i < 2; i++) {
    const stripped = t.replace(TRAILING_MARK, "").replace(TRAILING_BRACKET, "");
    if (!stripped || stripped === t) break;
    t = stripped;
  }
  return t.replace(TRAILING_MARK, "") || t;
}

/** Whether `text` contains `word` as a word: CJK words anywhere, Latin words between non-letters. */
export function containsWord(text: string, word: string): boolean {
  if (/^[a-z0-9 ]+$/i.test(word)) return new RegExp(`(^|[^a-z])${word.replace(/ /g, "")}($|[^a-z])`, "i").test(text);
  return text.includes(word);
}
