import { mkdtempSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { readMarkers } from "../../src/apply/marker";
import { packageFeatures, readPackage } from "../../src/xlsx/package-check";
import { findSheet, readSheetGrid, shiftFormula } from "../../src/xlsx/apply";
import { messyRoster, xlsxOf } from "../apply/fixtures";
import { bookModel, cellDump, kpiApply, partsOf, sheetGrid } from "../apply/run-cli";

const dir = mkdtempSync(join(tmpdir(), "kpi-apply-xlsx-"));
const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

/**
 * A workbook as HR keeps them: the messy roster, a second sheet with a formula and a chart, a pivot cache, a
 * VBA part, an external link, a sheet-scoped name, a constant name, a calculation chain and an extension
 * conditional format on the target sheet. Parts apply must never touch.
 */
async function realWorkbook(): Promise<Buffer> {
  const base = await xlsxOf([
    messyRoster(),
    { name: "汇总", rows: [["部门", "人数"], ["售前一部", { formula: "COUNTIF('一季度'!C4:C15,A2)", result: 6 }]] },
  ]);
  const zip = await JSZip.loadAsync(base);
  const put = (path: string, text: string) => zip.file(path, text);
  const get = async (path: string) => (await zip.file(path)!.async("string"));
  put("xl/charts/chart1.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart/></c:chartSpace>`);
  put("xl/drawings/drawing1.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing"/>`);
  put("xl/drawings/_rels/drawing1.xml.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart" Target="../charts/chart1.xml"/></Relationships>`);
  put("xl/worksheets/_rels/sheet2.xml.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdDr1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing" Target="../drawings/drawing1.xml"/></Relationships>`);
  put("xl/worksheets/sheet2.xml", (await get("xl/worksheets/sheet2.xml")).replace("</worksheet>", '<drawing r:id="rIdDr1"/></worksheet>'));
  put("xl/pivotCache/pivotCacheDefinition1.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<pivotCacheDefinition xmlns="${MAIN}"/>`);
  put("xl/externalLinks/externalLink1.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<externalLink xmlns="${MAIN}"/>`);
  zip.file("xl/vbaProject.bin", Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 1, 2, 3, 4]));
  put("xl/calcChain.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<calcChain xmlns="${MAIN}"><c r="B2" i="2"/></calcChain>`);
  const rels = await get("xl/_rels/workbook.xml.rels");
  put("xl/_rels/workbook.xml.rels", rels.replace("</Relationships>", '<Relationship Id="rIdCc" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain" Target="calcChain.xml"/></Relationships>'));
  const types = await get("[Content_Types].xml");
  put(
    "[Content_Types].xml",
    types.replace(
      "</Types>",
      '<Override PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>' +
        '<Override PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>' +
        '<Override PartName="/xl/calcChain.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml"/></Types>',
    ),
  );
  let workbook = await get("xl/workbook.xml");
  const names = '<definedName name="本表标题" localSheetId="0">\'一季度\'!$A$1</definedName><definedName name="税率">0.06</definedName>';
  workbook = /<definedNames>/.test(workbook) ? workbook.replace("<definedNames>", `<definedNames>${names}`) : workbook.replace("</sheets>", `</sheets><definedNames>${names}</definedNames>`);
  put("xl/workbook.xml", workbook);
  const x14 =
    '<extLst><ext uri="{78C0D931-6437-407d-A8EE-F0AAD7539E65}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:conditionalFormattings><x14:conditionalFormatting xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"><x14:cfRule type="dataBar" id="{00000000-0000-0000-0000-000000000001}"><x14:dataBar minLength="0" maxLength="100"><x14:cfvo type="autoMin"/><x14:cfvo type="autoMax"/></x14:dataBar></x14:cfRule><xm:sqref>E4:E15</xm:sqref></x14:conditionalFormatting></x14:conditionalFormattings></ext></extLst>';
  put("xl/worksheets/sheet1.xml", (await get("xl/worksheets/sheet1.xml")).replace("</worksheet>", `${x14}</worksheet>`));
  return zip.generateAsync({ type: "nodebuffer" });
}

const CHANGED_BY_APPLY = new Set(["xl/worksheets/sheet1.xml", "xl/workbook.xml", "xl/styles.xml", "xl/_rels/workbook.xml.rels", "[Content_Types].xml"]);

let input: Buffer;
let output: Buffer;
const inFile = join(dir, "real.xlsx");
const outFile = join(dir, "applied.xlsx");

beforeAll(async () => {
  input = await realWorkbook();
  writeFileSync(inFile, input);
  const r = await kpiApply([inFile, "--sheet", "一季度", "--template", "support_kpi", "-o", outFile]);
  expect(r).toMatchObject({ code: 0 });
  output = readFileSync(outFile);
});

describe("apply patches the package instead of rebuilding it", () => {
  test("every part not meant to change is byte for byte the same", async () => {
    const before = await partsOf(input);
    const after = await partsOf(output);
    const unchanged = [...before.keys()].filter((p) => !CHANGED_BY_APPLY.has(p));
    expect(unchanged.length).toBeGreaterThan(8);
    for (const part of unchanged) expect({ part, same: after.get(part)?.equals(before.get(part)!) }).toEqual({ part, same: true });
    expect([...after.keys()].filter((p) => !before.has(p))).toEqual(["xl/worksheets/sheet3.xml"]);
  });

  test("the parts that change keep everything they held: relationships, content types, names, sheets", async () => {
    const before = await partsOf(input);
    const after = await partsOf(output);
    const text = (m: Map<string, Buffer>, p: string) => m.get(p)!.toString("utf8");
    for (const part of ["xl/_rels/workbook.xml.rels", "[Content_Types].xml"]) {
      for (const el of text(before, part).match(/<(Relationship|Override|Default)\b[^>]*>/g)!) expect(text(after, part)).toContain(el);
    }
    const wb = text(after, "xl/workbook.xml");
    for (const el of text(before, "xl/workbook.xml").match(/<(sheet|definedName)\b[^>]*>[^<]*/g)!) expect(wb).toContain(el);
    expect(wb).toMatch(/<calcPr\b[^>]*fullCalcOnLoad="1"/);
    // styles.xml only grows: every earlier format keeps its index.
    const xfs = (s: string) => /<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(s)![1];
    expect(xfs(text(after, "xl/styles.xml")).startsWith(xfs(text(before, "xl/styles.xml")))).toBe(true);
    // The target sheet keeps its extension conditional format.
    expect(text(after, "xl/worksheets/sheet1.xml")).toContain("<x14:dataBar minLength=\"0\" maxLength=\"100\">");
  });

  test("every pre-existing cell keeps its value and formula; merges stay; only new columns are added", async () => {
    const a = await sheetGrid(input, "一季度");
    const b = await sheetGrid(output, "一季度");
    const before = cellDump(a);
    const after = cellDump(b);
    for (const [key, v] of before) expect([key, after.get(key)]).toEqual([key, v]);
    const added = [...after.keys()].filter((k) => !before.has(k)).map((k) => Number(k.split(":")[1]));
    expect(Math.min(...added)).toBe(13);
    for (const m of a.merges) expect(b.merges).toContainEqual(m);
  });

  test("the list of what an ExcelJS round trip would have lost is printed, and all of it is still there", async () => {
    const features = await packageFeatures(await readPackage(output));
    expect(features.map((f) => f.kind).sort()).toEqual(
      ["charts", "drawings", "external_links", "non_range_names", "pivot_caches", "sheet_scoped_names", "vba", "x14_conditional_formats"].sort(),
    );
    const again = await kpiApply([inFile, "--sheet", "一季度", "--template", "support_kpi", "-o", join(dir, "again.xlsx")]);
    expect(again.err).toContain("以下内容原样保留");
    expect(again.err).toContain("xl/charts/chart1.xml");
  });

  test("ExcelJS and a fresh read see the headers, formulas, the rules sheet and the marker", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(outFile);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["一季度", "汇总", "考核规则"]);
    const ws = wb.getWorksheet("一季度")!;
    expect(ws.getCell("M2").value).toBe("项目技术解决率得分");
    expect(ws.getCell("S2").value).toBe("总分");
    expect(ws.getCell("S4").formula).toBe('IF(OR(M4="",N4="",O4="",P4="",Q4="",R4=""),"",ROUND((M4+N4+O4+P4+Q4+R4),2))');
    const [block] = readMarkers((await bookModel(output)).names);
    expect(block).toMatchObject({ sheet: "一季度", templateId: "support_kpi", rulesSheet: "考核规则" });
  });

  test("re-applying gives the same package, part for part", async () => {
    const again = join(dir, "twice.xlsx");
    const r = await kpiApply([outFile, "--sheet", "一季度", "--template", "support_kpi", "-o", again]);
    expect(r.code).toBe(0);
    const a = await partsOf(output);
    const b = await partsOf(readFileSync(again));
    expect([...b.keys()].sort()).toEqual([...a.keys()].sort());
    for (const [part, bytes] of a) expect({ part, same: b.get(part)!.equals(bytes) }).toEqual({ part, same: true });
  });

  test("removing restores the sheet's cells, merges and names and every other part", async () => {
    const back = join(dir, "removed.xlsx");
    const r = await kpiApply([outFile, "--remove", "--sheet", "一季度", "-o", back]);
    expect(r.code).toBe(0);
    expect(r.err).toContain("已删除应用时添加的考核规则表");
    const restored = readFileSync(back);
    const before = await partsOf(input);
    const after = await partsOf(restored);
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    for (const [part, bytes] of before) {
      if (["xl/worksheets/sheet1.xml", "xl/workbook.xml", "xl/styles.xml"].includes(part)) continue;
      expect({ part, same: after.get(part)!.equals(bytes) }).toEqual({ part, same: true });
    }
    const a = await sheetGrid(input, "一季度");
    const b = await sheetGrid(restored, "一季度");
    expect(cellDump(b)).toEqual(cellDump(a));
    expect(b.merges).toEqual(a.merges);
    expect((await bookModel(restored)).names).toEqual((await bookModel(input)).names);
  });
});

/** A package written by hand: prefixed XML, rows and cells without r, inline strings, shared formulas, phonetic runs. */
async function handWritten(): Promise<Buffer> {
  const zip = new JSZip();
  zip.file("[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`);
  zip.file("_rels/.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`);
  zip.file("xl/_rels/workbook.xml.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`);
  zip.file("xl/workbook.xml", `<?xml version="1.0" encoding="UTF-8"?><x:workbook xmlns:x="${MAIN}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><x:sheets><x:sheet name="名单" sheetId="1" r:id="rId1"/></x:sheets></x:workbook>`);
  zip.file("xl/sharedStrings.xml", `<?xml version="1.0" encoding="UTF-8"?><x:sst xmlns:x="${MAIN}"><x:si><x:t>姓名</x:t></x:si><x:si><x:r><x:t>客户</x:t></x:r><x:r><x:t>满意度</x:t></x:r><x:rPh sb="0" eb="2"><x:t>きゃく</x:t></x:rPh></x:si></x:sst>`);
  zip.file(
    "xl/worksheets/sheet1.xml",
    `<?xml version="1.0" encoding="UTF-8"?><x:worksheet xmlns:x="${MAIN}"><x:sheetData>` +
      `<x:row><x:c t="s"><x:v>0</x:v></x:c><x:c t="s"><x:v>1</x:v></x:c><x:c t="inlineStr"><x:is><x:t>工作计划按时完成率</x:t></x:is></x:c></x:row>` +
      `<x:row><x:c t="inlineStr"><x:is><x:t>甲</x:t></x:is></x:c><x:c><x:v>0.9</x:v></x:c><x:c><x:f t="shared" si="0" ref="C2:C4">B2+0.05</x:f><x:v>0.95</x:v></x:c></x:row>` +
      `<x:row><x:c t="inlineStr"><x:is><x:t>乙</x:t></x:is></x:c><x:c><x:v>0.8</x:v></x:c><x:c><x:f t="shared" si="0"/><x:v>0.85</x:v></x:c></x:row>` +
      `<x:row r="4"><x:c r="A4" t="inlineStr"><x:is><x:t>丙</x:t></x:is></x:c><x:c r="B4"><x:v>1</x:v></x:c><x:c r="C4"><x:f t="shared" si="0"/><x:v>1.05</x:v></x:c></x:row>` +
      `</x:sheetData></x:worksheet>`,
  );
  return zip.generateAsync({ type: "nodebuffer" });
}

describe("reading and patching sheets other programs wrote", () => {
  test("prefixed XML, implicit row and cell positions, inline and rich strings, shared formulas", async () => {
    const pkg = await readPackage(await handWritten());
    const grid = await readSheetGrid(pkg, findSheet(pkg, undefined)!);
    expect(grid.cells.get("1:2")?.value).toBe("客户满意度");
    expect(grid.cells.get("2:1")?.value).toBe("甲");
    expect(grid.cells.get("3:3")).toEqual({ value: 0.85, formula: "B3+0.05" });
    expect(grid.cells.get("4:3")?.formula).toBe("B4+0.05");
    expect(shiftFormula('SUM($A1:B$2)+"C3"&C3', 2, 1)).toBe('SUM($A3:C$2)+"C3"&D5');
  });

  test("apply writes into prefixed XML with the sheet's own prefix, giving every cell of a touched row its r", async () => {
    const file = join(dir, "hand.xlsx");
    writeFileSync(file, await handWritten());
    const out = join(dir, "hand-out.xlsx");
    const r = await kpiApply([file, "--template", "support_service", "-o", out]);
    expect(r.code).toBe(0);
    const xml = (await partsOf(readFileSync(out))).get("xl/worksheets/sheet1.xml")!.toString();
    expect(xml).toContain('<x:c r="D1" s="');
    expect(xml).toContain('<x:c r="A2" t="inlineStr">');
    expect(xml).not.toMatch(/<c /);
    const grid = await sheetGrid(readFileSync(out));
    // Scores follow the template's order: 工作计划按时完成率 (from C) before 客户满意度 (from B).
    expect(grid.cells.get("1:4")?.value).toBe("工作计划按时完成率得分");
    expect(grid.cells.get("1:5")?.value).toBe("客户满意度得分");
    expect(grid.cells.get("2:4")?.formula).toMatch(/^IF\(C2="",""/);
    const pkg = await readPackage(readFileSync(out));
    expect(pkg.sheets.map((s) => [s.name, s.part])).toEqual([
      ["名单", "xl/worksheets/sheet1.xml"],
      ["考核规则", "xl/worksheets/sheet2.xml"],
    ]);
    expect(pkg.workbookXml).toContain('<x:sheet name="考核规则" sheetId="2" r:id="rId3"/>');
    expect(pkg.workbookXml).toMatch(/<x:definedNames><x:definedName name="KPI_APPLIED_1">/);
  });

  test("files that are not .xlsx packages are refused with what to do", async () => {
    const xls = join(dir, "old.xls");
    writeFileSync(xls, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0, 0, 0, 0]));
    expect((await kpiApply([xls, "--template", "support_kpi", "-o", join(dir, "x.xlsx")], "en")).err).toContain("save it as .xlsx");
    const disguised = join(dir, "password.xlsx");
    writeFileSync(disguised, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0, 0, 0, 0]));
    expect((await kpiApply([disguised, "--template", "support_kpi", "-o", join(dir, "y.xlsx")], "en")).err).toContain("save it as .xlsx");
    const text = join(dir, "notes.xlsx");
    writeFileSync(text, "hello");
    expect((await kpiApply([text, "--template", "support_kpi", "-o", join(dir, "z.xlsx")], "en")).err).toContain("not an .xlsx file");
    expect(existsSync(join(dir, "x.xlsx"))).toBe(false);
  });
});
