// Office.js writes strings through Excel's typing parser: range.values = [["00123"]] stores the number 123, as if
// someone had typed it. Names and ids must stay text, so strings Excel would convert get Excel's own escape, a
// leading apostrophe (the quote prefix: kept out of the value, shown only in the formula bar).
//
// The test errs towards "would parse": an apostrophe on text Excel would have kept is invisible and harmless,
// a missing one turns an employee id into a number or a date.

/** Characters that make Excel read what follows as a formula, a signed number or a quote prefix. */
const LEADING = new Set(["=", "+", "-", "@", "'"]);

const MONTH =
  "(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";
const TIME = "\\d{1,2}:\\d{1,2}(?::\\d{1,2}(?:\\.\\d*)?)?(?:\\s*(?:am|pm|a|p))?|\\d{1,2}\\s*(?:am|pm)";
const ZH_TIME = "(?:上午|下午)?\\s*(?:\\d{1,2}:\\d{1,2}(?::\\d{1,2})?|\\d{1,2}时(?:\\d{1,2}分)?(?:\\d{1,2}秒)?)";
const DATE = [
  // 2026-01, 2026/1/5, 1-2, 1/2, 2026.1.5, 12-2026
  "\\d{1,4}[-/.]\\d{1,4}(?:[-/.]\\d{1,4})?",
  // 5-Jan, 5 Jan 2026, Jan-26, January 2026, Jan 5, 2026 (a month name alone stays text)
  `\\d{1,4}[-/ .,]+${MONTH}\\.?(?:[-/ .,]+\\d{1,4})?`,
  `${MONTH}\\.?(?:[-/ .,]+\\d{1,4}){1,2}`,
  // 2026年1月5日, 1月5日, 2026年1月
  "(?:\\d{1,4}年)?\\d{1,2}月(?:\\d{1,2}日)?",
].join("|");

const PATTERNS: RegExp[] = [
  // Numbers: leading zeros, thousands separators, decimals, exponents, percent, currency, (negative).
  /^\(?[$¥€£]?\s*(?=\.?\d)\d*(?:,\d+)*(?:\.\d*)?(?:e[+-]?\d+)?\s*%?\)?$/i,
  /^[$¥€£]?\s*\d[\d,]*(?:\.\d*)?\s*[$¥€£]$/,
  // Mixed fractions: 1 1/2.
  /^\d+\s+\d+\/\d+$/,
  // Booleans and error values.
  /^(?:true|false)$/i,
  /^#(?:n\/a|value!|ref!|div\/0!|num!|name\?|null!|spill!|calc!|getting_data|field!|blocked!|connect!|busy!|unknown!)$/i,
  // Times, dates, and a date followed by a time.
  new RegExp(`^(?:${TIME}|${ZH_TIME})$`, "i"),
  new RegExp(`^(?:${DATE})(?:\\s+(?:${TIME}|${ZH_TIME}))?$`, "i"),
];

/**
 * Whether Excel would store `text` as something other than exactly this text when it is written through
 * `range.values` (or typed): a number, date, time, boolean, error, formula, or text with an edge trimmed or a
 * leading apostrophe consumed.
 */
export function excelWouldParse(text: string): boolean {
  if (text.length === 0) return false;
  // Leading or trailing whitespace: tab, newline, no-break and ideographic spaces included.
  if (/^\s|\s$/.test(text)) return true;
  if (LEADING.has(text[0])) return true;
  // Excel reads full-width digits and signs typed through an IME as their ASCII forms.
  const s = text.normalize("NFKC");
  if (s !== text && (/^\s|\s$/.test(s) || LEADING.has(s[0]))) return true;
  return PATTERNS.some((p) => p.test(s));
}

/** The string to write through range.values so that Excel keeps exactly `text`. */
export function literalText(text: string): string {
  return excelWouldParse(text) ? `'${text}` : text;
}
