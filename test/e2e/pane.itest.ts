// The task pane end to end, in headless Chromium (Debian's /usr/bin/chromium driven by playwright-core): the
// production build (`npm run build`'s dist/, built into a temporary folder) served unchanged on 127.0.0.1, and
// office.js's CDN URL routed to a local shim (the npm package's office.js and o15apptofilemappingtable.js, then
// the fake Excel host of test/excel, see test/e2e/boot).
// In Chinese and again in English, a new user finds 淘宝售前kpi考核 by typing 淘宝 (taobao), reads its rules,
// generates a roster for five people, sees the invalid inputs listed with their cells, and gets a score
// explained; the test asserts on the workbook the fake host recorded, that functions.js associated all ten
// KPI.* functions, and that no request left 127.0.0.1. It writes docs/images/pane-zh.png and pane-en.png.
//
// Fails (never skips) without Chromium or a Chinese font: apt-get install -y chromium fonts-noto-cjk.
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { isDeepStrictEqual } from "node:util";
import { chromium, type Browser, type Locator, type Page, type Route } from "playwright-core";
import { DEFAULT_TEMPLATE_SETTING } from "../../src/functions/state";
import type { FakeHost } from "../excel/fake-excel-office";
import type { OfficeJsReport } from "./boot/office-js-hooks";
import {
  buildAddin,
  bundleBoot,
  CHROMIUM,
  MAPPING_TABLE_URL,
  OFFICE_JS_URL,
  officeShim,
  requireChromium,
  ROOT,
  serveStatic,
  type StaticServer,
} from "./support";

/** The ten KPI.* functions, with the ids of dist/functions.json (upper case). */
const FUNCTION_IDS = ["BAND", "SCORE", "GRADE", "TOTAL", "BLEND", "DEDUCT", "BONUS", "TABLE", "EXPLAIN", "RULES"];

const TEMPLATE_ID = "taobao_presales";

/** The page's window, as the shim leaves it. */
interface ShimWindow {
  /** The fake host (test/excel/fake-excel-boot.ts). */
  __kpiHost: FakeHost;
  /** What office.js did, and the associate calls (test/e2e/boot). */
  __kpiE2E: OfficeJsReport;
}

/**
 * One valid value per input column of the 淘宝售前kpi考核 roster, in column order: 首问 and 平均响应秒数, 服务态度,
 * the two 差评 counts, 成交金额 and 客单价 ratios, 询单转化率, 出勤率 (yes/no), 业务技能考核, 服从力团队精神 (yes/no), 好评.
 */
const VALID_INPUTS = [25, 48, 85, 0, 0, 1.2, 1.1, 0.65, 1, 88, 1, 1];

/** What the user sees and types, per language. */
interface Language {
  name: "zh" | "en";
  /** Office's display language (?lang=) and the browser's locale. */
  locale: string;
  query: string;
  template: string;
  search: string;
  useTemplate: string;
  ruleTable: string;
  ruleRow: string;
  weights: string;
  weightsTotal: string;
  roster: string;
  paste: RegExp;
  staff: string[][];
  pasted: string;
  generate: string;
  rosterSheet: string;
  rulesSheet: string;
  /** Header cells of the roster. */
  nameHeader: string;
  attitude: string;
  attitudeScore: string;
  conversion: string;
  scoreSuffix: string;
  total: string;
  rank: string;
  notNumberText: string;
  checkTab: string;
  checkButton: string;
  checkSummary: RegExp;
  select: (address: string) => string;
  notNumber: string;
  outOfRange: string;
  highlight: string;
  explainTab: string;
  explainButton: string;
  points: string;
  why: string;
}

const ZH: Language = {
  name: "zh",
  locale: "zh-CN",
  query: "淘宝",
  template: "淘宝售前kpi考核",
  search: "搜索模板或指标",
  useTemplate: "用此模板生成",
  ruleTable: "服务态度的评分表",
  ruleRow: "90 ≥ 10",
  weights: "权重核对",
  weightsTotal: "各部分合计 100% ✓",
  roster: "团队汇总表",
  paste: /粘贴名单/,
  staff: [
    ["姓名", "工号", "部门", "岗位"],
    ["张三", "00101", "客服部", "售前客服"],
    ["李四", "00102", "客服部", "售前客服"],
    ["王五", "00103", "客服部", "售前客服"],
    ["赵六", "00104", "客服部", "售前客服"],
    ["钱七", "00105", "客服部", "售前客服"],
  ],
  pasted: "粘贴的名单中有 5 名员工。已识别表头。",
  generate: "生成",
  rosterSheet: "团队汇总",
  rulesSheet: "考核规则",
  nameHeader: "姓名",
  attitude: "服务态度",
  attitudeScore: "服务态度得分",
  conversion: "询单转化率",
  scoreSuffix: "得分",
  total: "总分",
  rank: "排名",
  notNumberText: "很好",
  checkTab: "检查",
  checkButton: "检查当前工作表",
  checkSummary: /^“团队汇总”\(淘宝售前kpi考核\):2 个问题$/,
  select: (address) => `选中 ${address}`,
  notNumber: "非数字",
  outOfRange: "超出范围",
  highlight: "在表中高亮无效输入",
  explainTab: "解释",
  explainButton: "解释所选单元格",
  points: "得分",
  why: "服务态度:输入 92,满足“≥ 90”,得 10 分。",
};

const EN: Language = {
  name: "en",
  locale: "en-US",
  query: "taobao",
  template: "Taobao Pre-sales Customer Service KPI Assessment",
  search: "Search templates or indicators",
  useTemplate: "Generate with this template",
  ruleTable: "Scoring table of Service attitude",
  ruleRow: "90 ≥ 10",
  weights: "Weights check",
  weightsTotal: "Sections add up to 100% ✓",
  roster: "Team roster",
  paste: /paste a list/,
  staff: [
    ["Name", "Employee ID", "Department", "Position"],
    ["Ann Lee", "00101", "Customer service", "Pre-sales agent"],
    ["Bo Chen", "00102", "Customer service", "Pre-sales agent"],
    ["Cai Wang", "00103", "Customer service", "Pre-sales agent"],
    ["Dan Zhao", "00104", "Customer service", "Pre-sales agent"],
    ["Eve Qian", "00105", "Customer service", "Pre-sales agent"],
  ],
  pasted: "The pasted list has 5 employees. Header row found.",
  generate: "Generate",
  rosterSheet: "Team",
  rulesSheet: "Rules",
  nameHeader: "Name",
  attitude: "Service attitude",
  attitudeScore: "Service attitude Score",
  conversion: "Inquiry conversion rate",
  scoreSuffix: " Score",
  total: "Total",
  rank: "Rank",
  notNumberText: "very good",
  checkTab: "Check",
  checkButton: "Check the active sheet",
  checkSummary: /^“Team” \(Taobao Pre-sales Customer Service KPI Assessment\): 2 problems$/,
  select: (address) => `Select ${address}`,
  notNumber: "Not a number",
  outOfRange: "Out of range",
  highlight: "Highlight invalid inputs in the sheet",
  explainTab: "Explain",
  explainButton: "Explain the selected cell",
  points: "Points",
  why: 'Service attitude: input 92 meets "≥ 90", 10 points.',
};

/** The workbook as the fake host recorded it, read in the page (plain data only). */
interface Recorded {
  sheets: string[];
  activeSheet?: string;
  tables: Array<{ name: string; sheet?: string; rows: number }>;
  names: string[];
  /** The roster's cells, rows 1–7, columns 1 to the last header, as values (formulas as their text). */
  roster: Array<Array<string | number | boolean | null>>;
  formulas: number;
  calculations: string[];
  savedSettings: Record<string, unknown>;
  functions: string[];
}

async function recorded(page: Page, rosterSheet: string): Promise<Recorded> {
  return page.evaluate((rosterName) => {
    // The page's fake host (test/excel/fake-excel.ts): read it as plain data.
    const host = (window as unknown as ShimWindow).__kpiHost;
    const model = host.excel.model;
    const sheet = model.sheet(rosterName);
    const roster: Recorded["roster"] = [];
    let formulas = 0;
    if (sheet) {
      let width = 0;
      while (sheet.cell(1, width + 1)?.value != null) width++;
      for (let r = 1; r <= 7; r++) {
        const row: Recorded["roster"][number] = [];
        for (let c = 1; c <= width; c++) {
          const cell = sheet.cell(r, c);
          if (cell?.formula !== undefined || cell?.formulaR1C1 !== undefined) formulas++;
          row.push(cell?.formula ?? cell?.formulaR1C1 ?? (cell?.value as string | number | boolean | null) ?? null);
        }
        roster.push(row);
      }
    }
    return {
      sheets: model.sheets.map((s) => s.name),
      activeSheet: model.activeSheetId ? model.sheetById(model.activeSheetId)?.name : undefined,
      tables: model.tables.map((t) => ({
        name: t.name,
        sheet: model.sheetById(t.sheetId)?.name,
        rows: t.rect.r2 - t.rect.r1,
      })),
      names: model.names.map((n) => n.name),
      roster,
      formulas,
      calculations: [...model.calculations],
      savedSettings: Object.fromEntries(host.office.savedSettings),
      functions: [...host.office.functions.keys()],
    };
  }, rosterSheet);
}

/** Types into cells of a sheet of the fake workbook, as a user would in Excel: `cells` are [row, col, value]. */
async function typeCells(page: Page, sheet: string, cells: Array<[number, number, string | number]>): Promise<void> {
  await page.evaluate(
    ({ sheet, cells }) => {
      const host = (window as unknown as ShimWindow).__kpiHost;
      const target = host.excel.model.sheet(sheet)!;
      for (const [row, col, value] of cells) target.touch(row, col).value = value;
    },
    { sheet, cells },
  );
}

/** Selects a range on a sheet of the fake workbook (and activates the sheet), as a click in Excel would. */
async function selectCells(page: Page, sheet: string, rect: { r1: number; c1: number; r2: number; c2: number }) {
  await page.evaluate(
    ({ sheet, rect }) => {
      const model = (window as unknown as ShimWindow).__kpiHost.excel.model;
      const target = model.sheet(sheet)!;
      model.activeSheetId = target.id;
      model.selections.set(target.id, rect);
    },
    { sheet, rect },
  );
}

async function selection(page: Page, sheet: string) {
  return page.evaluate((sheet) => {
    const model = (window as unknown as ShimWindow).__kpiHost.excel.model;
    return model.selections.get(model.sheet(sheet)!.id);
  }, sheet);
}

/** A1 column letters. */
function letters(col: number): string {
  let s = "";
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

const LAUNCH_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--no-first-run",
];

let browser: Browser | undefined;
let server: StaticServer | undefined;
let shim: { officeJs: string; mappingTable: string };
const temporary: string[] = [];

beforeAll(async () => {
  requireChromium();
  const dist = mkdtempSync(join(tmpdir(), "kpi-e2e-dist-"));
  const bootDir = mkdtempSync(join(tmpdir(), "kpi-e2e-boot-"));
  temporary.push(dist, bootDir);
  const [, boot] = await Promise.all([buildAddin(dist), bundleBoot(bootDir)]);
  shim = officeShim(boot);
  server = await serveStatic(dist);
  browser = await chromium.launch({ executablePath: CHROMIUM, args: LAUNCH_ARGS });
}, 150_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
});

describe.each([ZH, EN])("the task pane in headless Chromium ($name)", (L) => {
  test(`${L.query} → ${L.template}: its rules, a roster for five, the invalid inputs, a score explained`, async () => {
    const origin = server!.origin;
    const context = await browser!.newContext({
      viewport: { width: 320, height: 900 },
      reducedMotion: "reduce",
      locale: L.locale,
    });
    try {
      const page = await context.newPage();
      const requests: string[] = [];
      const refused: string[] = [];
      const pageErrors: string[] = [];
      page.on("request", (request) => requests.push(request.url()));
      page.on("pageerror", (error) => pageErrors.push(error.message));
      // office.js and the file it loads next to itself come from the npm package (with the fake host after
      // office.js); the page's own files from the server on 127.0.0.1; anything else is refused, and reported.
      await page.route("**/*", (route: Route) => {
        const url = route.request().url();
        if (url === OFFICE_JS_URL) return route.fulfill({ contentType: "text/javascript", body: shim.officeJs });
        if (url === MAPPING_TABLE_URL)
          return route.fulfill({ contentType: "text/javascript", body: shim.mappingTable });
        if (url.startsWith(`${origin}/`)) return route.continue();
        refused.push(url);
        return route.abort("blockedbyclient");
      });
      const loaded = Date.now();
      await page.goto(`${origin}/taskpane.html?lang=${L.locale}`);
      const pane = page.getByRole("main");
      await expectVisible(pane.getByRole("heading", { level: 1 }));

      // functions.js associated the ten functions with the ids of functions.json.
      const report = await page.evaluate(() => (window as unknown as ShimWindow).__kpiE2E);
      expect(report.officeJsLoaded).toBe(true);
      expect(report.associated).toEqual(FUNCTION_IDS);

      // 模板库: type the query, open the template, read its rules.
      await pane.getByRole("searchbox", { name: L.search }).fill(L.query);
      await pane.getByRole("button", { name: new RegExp(`^${escape(L.template)}`) }).click();
      await expectVisible(pane.getByRole("heading", { level: 2, name: L.template }));
      const ruleTable = pane.getByRole("table", { name: L.ruleTable });
      await expectVisible(ruleTable.getByRole("row", { name: L.ruleRow, exact: true }));
      await expectVisible(pane.getByRole("region", { name: L.weights }).getByText(L.weightsTotal));
      // The template's name is drawn with a Chinese font (fonts-noto-cjk), not as empty boxes.
      const fonts = await platformFonts(page, "main h2");
      if (L.name === "zh") {
        expect(fonts.map((f) => f.familyName)).toEqual(expect.arrayContaining([expect.stringMatching(/CJK/i)]));
      }
      await page.screenshot({ path: screenshotPath(L.name) });

      // 生成: a roster for the five pasted employees.
      await pane.getByRole("button", { name: L.useTemplate }).click();
      const generateView = page.locator("#kpi-panel-generate");
      await generateView.getByRole("radio", { name: L.roster }).check();
      await generateView.getByRole("textbox", { name: L.paste }).fill(L.staff.map((row) => row.join("\t")).join("\n"));
      await expectVisible(generateView.getByText(L.pasted));
      await generateView.getByRole("button", { name: L.generate, exact: true }).click();
      await expectVisible(generateView.getByRole("button", { name: new RegExp(escape(` ${L.rulesSheet}`) + "$") }));

      const workbook = await recorded(page, L.rosterSheet);
      expect(workbook.sheets).toEqual(["Sheet1", L.rosterSheet, L.rulesSheet]);
      expect(workbook.activeSheet).toBe(L.rosterSheet);
      expect(workbook.tables).toEqual([{ name: "KPI_taobao_presales", sheet: L.rosterSheet, rows: 5 }]);
      expect(workbook.names).toContain("KPI_taobao_presales_highlight");
      expect(workbook.names).toContain("KPI_taobao_presales_service_attitude_bound");
      expect(workbook.names.every((n) => n.startsWith("KPI_taobao_presales_"))).toBe(true);
      const [header, ...rows] = workbook.roster;
      expect(header[0]).toBe(L.nameHeader);
      expect(rows.map((row) => row[0])).toEqual([...L.staff.slice(1).map((s) => s[0]), null]);
      expect(rows.map((row) => row[1])).toEqual([...L.staff.slice(1).map((s) => s[1]), null]);
      const column = (text: string) => header.indexOf(text) + 1;
      const totalCol = column(L.total);
      expect(totalCol).toBeGreaterThan(4);
      expect(header.slice(totalCol - 1)).toEqual([L.total, L.rank]);
      expect(column(L.attitudeScore)).toBe(column(L.attitude) + 1);
      expect(workbook.formulas).toBeGreaterThan(0);
      // Generating set the workbook's default template and recalculated the KPI.* functions.
      expect(workbook.savedSettings).toEqual({ [DEFAULT_TEMPLATE_SETTING]: TEMPLATE_ID });
      expect(workbook.calculations).toEqual(["Full"]);
      expect([...workbook.functions].sort()).toEqual([...FUNCTION_IDS].sort());

      // Inputs as HR types them: valid everywhere, except text in 服务态度 (row 3) and 92 in 询单转化率 (row 4).
      const inputCols = header
        .map((text, i) => ({ text: String(text), col: i + 1 }))
        .filter(({ col, text }) => col > 3 && col < totalCol && !text.endsWith(L.scoreSuffix))
        .map(({ col }) => col);
      expect(inputCols).toHaveLength(VALID_INPUTS.length);
      const cells: Array<[number, number, string | number]> = [];
      for (let row = 2; row <= 6; row++) inputCols.forEach((col, i) => cells.push([row, col, VALID_INPUTS[i]]));
      const attitude = column(L.attitude);
      const conversion = column(L.conversion);
      cells.push([2, attitude, 92], [3, attitude, L.notNumberText], [4, conversion, 92]);
      await typeCells(page, L.rosterSheet, cells);
      await selectCells(page, L.rosterSheet, { r1: 1, c1: 1, r2: 1, c2: 1 });

      // 检查: both invalid inputs listed with their cells; an item selects its cell.
      await pane.getByRole("tab", { name: L.checkTab }).click();
      const checkView = page.locator("#kpi-panel-check");
      await checkView.getByRole("button", { name: L.checkButton }).click();
      await expectVisible(checkView.getByText(L.checkSummary));
      const issues = checkView.getByRole("list").getByRole("listitem");
      await expect(issues.count()).resolves.toBe(2);
      const notNumber = `${letters(attitude)}3`;
      const outOfRange = `${letters(conversion)}4`;
      const first = issues.filter({ has: page.getByRole("button", { name: L.select(notNumber) }) });
      await expectVisible(first.getByText(L.notNumber, { exact: true }));
      await expectVisible(first.getByText(new RegExp(`^${escape(L.staff[2][0])} · ${escape(L.attitude)}`)));
      const second = issues.filter({ has: page.getByRole("button", { name: L.select(outOfRange) }) });
      await expectVisible(second.getByText(L.outOfRange, { exact: true }));
      await expectVisible(second.getByText(new RegExp(`^${escape(L.staff[3][0])} · ${escape(L.conversion)}`)));
      await expectVisible(checkView.getByRole("switch", { name: L.highlight }));
      await first.getByRole("button", { name: L.select(notNumber) }).click();
      await until(() => selection(page, L.rosterSheet), { r1: 3, c1: attitude, r2: 3, c2: attitude });

      // 解释: the 服务态度 score of the first employee (input 92).
      await selectCells(page, L.rosterSheet, { r1: 2, c1: attitude + 1, r2: 2, c2: attitude + 1 });
      await pane.getByRole("tab", { name: L.explainTab }).click();
      const explainView = page.locator("#kpi-panel-explain");
      await explainView.getByRole("button", { name: L.explainButton }).click();
      const card = explainView.getByRole("region", { name: L.attitude });
      await expectVisible(card.getByRole("heading", { name: L.attitude }));
      await expectVisible(card.getByText(L.why, { exact: true }));
      await expect(card.getByLabel(L.points).textContent()).resolves.toBe("10");
      await expectVisible(card.getByText(`${L.rosterSheet}!${letters(attitude + 1)}2`));
      await expectVisible(card.getByText(L.staff[1][0], { exact: true }));

      // office.js's telemetry timer (3 s after it loads) has had its chance; nothing left 127.0.0.1.
      await page.waitForTimeout(Math.max(0, loaded + 5000 - Date.now()));
      const outside = requests.filter(
        (url) => !url.startsWith(`${origin}/`) && url !== OFFICE_JS_URL && url !== MAPPING_TABLE_URL,
      );
      expect({ outside, refused }).toEqual({ outside: [], refused: [] });
      expect(requests).toEqual(expect.arrayContaining([`${origin}/taskpane.html?lang=${L.locale}`, OFFICE_JS_URL]));
      expect(pageErrors).toEqual([]);
      // office.js loaded the mapping table next to itself, and outside Office it reports no host of its own.
      const after = await page.evaluate(() => (window as unknown as ShimWindow).__kpiE2E);
      expect(after).toMatchObject({ mappingTableLoaded: true, officeJsReady: { host: null, platform: null } });
      // Every file the page asked the server for was there.
      expect(server!.log.filter((entry) => entry.status !== 200)).toEqual([]);
    } finally {
      await context.close();
    }
  }, 90_000);
});

function screenshotPath(lang: string): string {
  const dir = join(ROOT, "docs", "images");
  mkdirSync(dir, { recursive: true });
  return join(dir, `pane-${lang}.png`);
}

/** The fonts Chromium drew the first element matching `selector` with (DevTools protocol). */
async function platformFonts(page: Page, selector: string): Promise<Array<{ familyName: string; glyphCount: number }>> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send("DOM.enable");
    await cdp.send("CSS.enable");
    const { root } = await cdp.send("DOM.getDocument");
    const { nodeId } = await cdp.send("DOM.querySelector", { nodeId: root.nodeId, selector });
    const { fonts } = await cdp.send("CSS.getPlatformFontsForNode", { nodeId });
    return fonts;
  } finally {
    await cdp.detach();
  }
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Polls `read` until it gives `expected` (deep equality), for up to 15 s; then asserts. */
async function until<T>(read: () => Promise<T>, expected: T): Promise<void> {
  const end = Date.now() + 15_000;
  let value = await read();
  while (!isDeepStrictEqual(value, expected) && Date.now() < end) {
    await new Promise((done) => setTimeout(done, 50));
    value = await read();
  }
  expect(value).toEqual(expected);
}

/** Waits for the element to be visible (Playwright's auto-waiting, 15 s). */
async function expectVisible(locator: Locator): Promise<void> {
  await locator.waitFor({ state: "visible", timeout: 15_000 });
}
