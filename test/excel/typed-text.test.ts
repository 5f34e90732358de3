import { excelWouldParse, literalText } from "../../src/excel/typed-text";

// Office.js types every string into Excel as if typed: these decide which names and ids need a quote prefix.

describe("excelWouldParse", () => {
  test.each([
    ["00123", "leading zeros (a number)"],
    ["-001", "a signed number"],
    ["+5", "a plus sign (number or formula)"],
    ["1E5", "an exponent"],
    ["12e3", "a lower-case exponent"],
    ["1.5E+3", "a signed exponent"],
    ["92%", "a percent"],
    ["1,234", "a thousands separator"],
    ["1,234.50", "thousands and decimals"],
    [".5", "a bare decimal"],
    ["(42)", "an accounting negative"],
    ["$100", "currency"],
    ["¥100", "yuan"],
    ["￥100", "full-width yuan"],
    ["１２３", "full-width digits"],
    ["1 1/2", "a mixed fraction"],
    ["2026-01", "year-month"],
    ["2026/1/5", "a slash date"],
    ["2026.1.5", "a dotted date"],
    ["1-2", "month-day"],
    ["1/2", "a fraction that Excel reads as a date"],
    ["12-2026", "month-year"],
    ["5-Jan", "day-month name"],
    ["Jan-26", "month name-year"],
    ["January 5, 2026", "a long date"],
    ["2026年1月5日", "a Chinese date"],
    ["1月5日", "a Chinese month-day"],
    ["12:30", "a time"],
    ["9:05:30", "a time with seconds"],
    ["1 PM", "an hour"],
    ["12:30 pm", "a time with am/pm"],
    ["下午3:00", "a Chinese afternoon time"],
    ["2026-01-05 08:00", "a date and time"],
    ["TRUE", "a boolean"],
    ["false", "a lower-case boolean"],
    ["#N/A", "an error value"],
    ["#DIV/0!", "another error value"],
    ["=1+1", "a formula"],
    ["＝1+1", "a full-width equals sign"],
    ["@SUM(A1)", "an at-formula"],
    ["-Bob", "a leading minus before text (a formula to Excel)"],
    ["'quoted", "a leading apostrophe (Excel's quote prefix)"],
    ["\tTab", "a leading tab"],
    ["  lead", "leading spaces"],
    ["trail ", "a trailing space"],
    ["\u3000全角", "an ideographic space"],
    ["\u00a0nbsp", "a no-break space"],
    ["line\n", "a trailing newline"],
  ])("says Excel would convert %j (%s)", (text) => {
    expect(excelWouldParse(text)).toBe(true);
  });

  test.each([
    ["张三", "a Chinese name"],
    ["Alice Smith", "a Latin name"],
    ["May", "a month name on its own"],
    ["E001", "an id starting with a letter"],
    ["A1", "a cell-like id"],
    ["KPI-2026", "letters before a dash"],
    ["2026-Q4", "a quarter"],
    ["技术部", "a department"],
    ["100元", "an amount with a Chinese unit"],
    ["O'Brien", "an apostrophe inside"],
    ["a=b", "an equals sign inside"],
    ["", "the empty string (a blank cell)"],
    ["1A", "a digit then a letter"],
    ["0x1F", "hex"],
  ])("lets %j through unchanged (%s)", (text) => {
    expect(excelWouldParse(text)).toBe(false);
  });

  test("literalText prefixes an apostrophe only where Excel would convert", () => {
    expect(literalText("00123")).toBe("'00123");
    expect(literalText("'quoted")).toBe("''quoted");
    expect(literalText("张三")).toBe("张三");
  });
});
