// Reads an .xlsx package's structure (sheets, defined names, parts) straight from the zip, and lists what a
// round-trip through ExcelJS would not carry over: charts and drawings, pivot tables and caches, VBA, external
// links, sheet-scoped names and names that are not ranges, extension (x14) conditional formats, slicers …
// `kpi apply` does not round-trip: it patches only the parts it must (see apply.ts), so these are kept as they
// are; the list is printed so a person knows the workbook was not rebuilt, and tests use it to choose fixtures.
import JSZip from "jszip";

export const NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
export const NS_STRICT = "http://purl.oclc.org/ooxml/spreadsheetml/main";
export const NS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
export const REL_WORKSHEET = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet";
export const CT_WORKSHEET = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";

export interface PackageSheet {
  name: string;
  sheetId: number;
  rId: string;
  /** Zip path of the part, e.g. xl/worksheets/sheet1.xml. */
  part: string;
  /** worksheet, chartsheet, dialogsheet, macrosheet (from the relationship type). */
  kind: string;
  state: "visible" | "hidden" | "veryHidden";
}

export interface PackageName {
  name: string;
  refersTo: string;
  /** Index of the sheet a sheet-scoped name belongs to. */
  localSheetId?: number;
  hidden: boolean;
}

export interface XlsxPackage {
  zip: JSZip;
  /** Zip path of the workbook part (normally xl/workbook.xml). */
  workbookPart: string;
  workbookXml: string;
  sheets: PackageSheet[];
  names: PackageName[];
  /** Index of the sheet that was active when the file was saved. */
  activeSheet: number;
  /** The workbook part's content type (macro-enabled workbooks differ). */
  workbookContentType: string;
  /** Strict Open XML (ISO/IEC 29500 strict), which apply cannot patch. */
  strict: boolean;
}

export class PackageError extends Error {
  constructor(
    readonly code: "not_zip" | "encrypted_or_xls" | "no_workbook" | "strict",
    message: string,
  ) {
    super(message);
  }
}

// ---------------------------------------------------------------------------------------------
// XML text helpers (the parts are small and regular; a DOM would be a dependency the CLI does not need)
// ---------------------------------------------------------------------------------------------

export function decodeXml(s: string): string {
  if (!s.includes("&")) return s;
  return s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#x([0-9a-f]+);/gi, (_m, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_m, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&amp;/g, "&");
}

/** OOXML escapes characters XML cannot hold as _xHHHH_ inside strings. */
export function decodeOoxmlString(s: string): string {
  return decodeXml(s).replace(/_x([0-9A-Fa-f]{4})_/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
}

export function escapeXml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** An attribute of a start tag (`<c r="A1" s="3">`), decoded; undefined when absent. */
const ATTR_PATTERNS = new Map<string, RegExp>();

export function attr(tag: string, name: string): string | undefined {
  let re = ATTR_PATTERNS.get(name);
  if (!re) ATTR_PATTERNS.set(name, (re = new RegExp(`\\s${name.replace(/[.:]/g, "\\$&")}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`)));
  const m = re.exec(tag);
  return m ? decodeXml(m[1] ?? m[2]) : undefined;
}

/** Sets (or adds) an attribute on a start tag. */
export function setAttr(tag: string, name: string, value: string): string {
  const re = new RegExp(`(\\s${name}\\s*=\\s*)(?:"[^"]*"|'[^']*')`);
  if (re.test(tag)) return tag.replace(re, `$1"${escapeXml(value)}"`);
  return tag.replace(/\s*(\/?>)$/, ` ${name}="${escapeXml(value)}"$1`);
}

/** The namespace prefix ("" or "x:") a part uses for the SpreadsheetML main namespace. */
export function mainPrefix(xml: string): string {
  const m = /<(?:(\w+):)?(?:worksheet|workbook|styleSheet|sst|calcChain|table)\b[^>]*>/.exec(xml);
  if (!m || !m[1]) return "";
  return new RegExp(`xmlns:${m[1]}="(${NS_MAIN}|${NS_STRICT})"`).test(m[0]) ? `${m[1]}:` : "";
}

/** A relationship target resolved against the folder of the part that holds the relationship. */
export function resolveTarget(fromPart: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = fromPart.split("/").slice(0, -1);
  for (const seg of target.split("/")) {
    if (seg === "..") parts.pop();
    else if (seg !== ".") parts.push(seg);
  }
  return parts.join("/");
}

export function relsPartOf(part: string): string {
  const i = part.lastIndexOf("/");
  return `${part.slice(0, i + 1)}_rels/${part.slice(i + 1)}.rels`;
}

export interface Relationship {
  id: string;
  type: string;
  target: string;
  external: boolean;
}

export function parseRels(xml: string | undefined): Relationship[] {
  if (!xml) return [];
  return [...xml.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)].map((m) => ({
    id: attr(m[0], "Id") ?? "",
    type: attr(m[0], "Type") ?? "",
    target: attr(m[0], "Target") ?? "",
    external: attr(m[0], "TargetMode") === "External",
  }));
}

export async function readText(zip: JSZip, part: string): Promise<string | undefined> {
  const file = zip.file(part);
  return file ? file.async("string") : undefined;
}

// ---------------------------------------------------------------------------------------------
// Reading the package
// ---------------------------------------------------------------------------------------------

export async function readPackage(data: Uint8Array): Promise<XlsxPackage> {
  if (data.length >= 4 && data[0] === 0xd0 && data[1] === 0xcf && data[2] === 0x11 && data[3] === 0xe0) {
    throw new PackageError("encrypted_or_xls", "an OLE compound file: an old .xls/.et workbook, or an .xlsx saved with a password");
  }
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(data);
  } catch {
    throw new PackageError("not_zip", "not an .xlsx file (not a zip package)");
  }
  const rootRels = parseRels(await readText(zip, "_rels/.rels"));
  const officeDoc = rootRels.find((r) => /\/officeDocument$/.test(r.type));
  const workbookPart = officeDoc ? resolveTarget("", officeDoc.target) : "xl/workbook.xml";
  const workbookXml = await readText(zip, workbookPart);
  if (!workbookXml) throw new PackageError("no_workbook", `the package has no workbook part (${workbookPart})`);
  const strict = workbookXml.includes(NS_STRICT);
  const rels = parseRels(await readText(zip, relsPartOf(workbookPart)));
  const sheets: PackageSheet[] = [];
  for (const m of workbookXml.matchAll(/<(?:\w+:)?sheet\b[^>]*\/?>/g)) {
    const tag = m[0];
    const rId = /\s(?:\w+:)?id\s*=\s*"([^"]*)"/.exec(tag)?.[1] ?? "";
    const rel = rels.find((r) => r.id === rId);
    sheets.push({
      name: attr(tag, "name") ?? "",
      sheetId: Number(attr(tag, "sheetId") ?? 0),
      rId,
      part: rel ? resolveTarget(workbookPart, rel.target) : "",
      kind: rel ? rel.type.replace(/^.*\//, "") : "",
      state: (attr(tag, "state") as PackageSheet["state"]) ?? "visible",
    });
  }
  const names: PackageName[] = [];
  for (const m of workbookXml.matchAll(/<(?:\w+:)?definedName\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?definedName>)/g)) {
    const tag = `<definedName${m[1]}>`;
    const local = attr(tag, "localSheetId");
    names.push({
      name: attr(tag, "name") ?? "",
      refersTo: decodeXml(m[2] ?? ""),
      localSheetId: local === undefined ? undefined : Number(local),
      hidden: attr(tag, "hidden") === "1" || attr(tag, "hidden") === "true",
    });
  }
  const activeTab = /<(?:\w+:)?workbookView\b[^>]*>/.exec(workbookXml);
  const contentTypes = (await readText(zip, "[Content_Types].xml")) ?? "";
  const override = [...contentTypes.matchAll(/<Override\b[^>]*>/g)].find((o) => attr(o[0], "PartName") === `/${workbookPart}`);
  return {
    zip,
    workbookPart,
    workbookXml,
    sheets,
    names,
    activeSheet: Number((activeTab && attr(activeTab[0], "activeTab")) ?? 0),
    workbookContentType: override ? attr(override[0], "ContentType") ?? "" : "",
    strict,
  };
}

// ---------------------------------------------------------------------------------------------
// What an ExcelJS round-trip would lose
// ---------------------------------------------------------------------------------------------

export type FeatureKind =
  | "charts"
  | "drawings"
  | "pivot_tables"
  | "pivot_caches"
  | "vba"
  | "external_links"
  | "sheet_scoped_names"
  | "non_range_names"
  | "x14_conditional_formats"
  | "x14_data_validations"
  | "slicers"
  | "timelines"
  | "threaded_comments"
  | "form_controls"
  | "embedded_objects"
  | "custom_xml";

export interface PackageFeature {
  kind: FeatureKind;
  /** Parts or names involved. */
  items: string[];
}

const PART_FEATURES: Array<[FeatureKind, RegExp]> = [
  ["charts", /^xl\/charts\/chart\d*\.xml$/],
  ["drawings", /^xl\/drawings\/[^/]+\.(xml|vml)$/],
  ["pivot_tables", /^xl\/pivotTables\/[^/]+\.xml$/],
  ["pivot_caches", /^xl\/pivotCache\/[^/]+\.xml$/],
  ["vba", /^xl\/vbaProject\.bin$/],
  ["external_links", /^xl\/externalLinks\/[^/]+\.xml$/],
  ["slicers", /^xl\/(slicers|slicerCaches)\/[^/]+\.xml$/],
  ["timelines", /^xl\/(timelines|timelineCaches)\/[^/]+\.xml$/],
  ["threaded_comments", /^xl\/threadedComments\/[^/]+\.xml$/],
  ["form_controls", /^xl\/ctrlProps\/[^/]+\.xml$/],
  ["embedded_objects", /^xl\/embeddings\//],
  ["custom_xml", /^customXml\//],
];

/** A defined name that is a plain reference to cells on one sheet (what every library keeps). */
export function isRangeName(refersTo: string): boolean {
  return /^(?:'(?:[^']|'')+'|[^'!:(),"]+)!\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?$/.test(refersTo.trim());
}

export async function packageFeatures(pkg: XlsxPackage): Promise<PackageFeature[]> {
  const found = new Map<FeatureKind, string[]>();
  const add = (kind: FeatureKind, item: string) => found.set(kind, [...(found.get(kind) ?? []), item]);
  for (const path of Object.keys(pkg.zip.files).sort()) {
    if (pkg.zip.files[path].dir) continue;
    for (const [kind, pattern] of PART_FEATURES) if (pattern.test(path)) add(kind, path);
  }
  for (const n of pkg.names) {
    // Excel's own built-in names (_xlnm.Print_Area, _xlnm._FilterDatabase) are sheet-scoped by design.
    if (n.localSheetId !== undefined && !n.name.startsWith("_xlnm.")) add("sheet_scoped_names", n.name);
    else if (!isRangeName(n.refersTo) && !n.name.startsWith("_xlnm.")) add("non_range_names", n.name);
  }
  for (const sheet of pkg.sheets) {
    const xml = sheet.part ? await readText(pkg.zip, sheet.part) : undefined;
    if (!xml) continue;
    if (/<x14:conditionalFormatting\b/.test(xml)) add("x14_conditional_formats", sheet.name);
    if (/<x14:dataValidations\b/.test(xml)) add("x14_data_validations", sheet.name);
  }
  return [...found].map(([kind, items]) => ({ kind, items }));
}

const FEATURE_TEXT: Record<FeatureKind, { zh: string; en: string }> = {
  charts: { zh: "图表", en: "charts" },
  drawings: { zh: "绘图/图片/批注框", en: "drawings, pictures, comment boxes" },
  pivot_tables: { zh: "数据透视表", en: "pivot tables" },
  pivot_caches: { zh: "数据透视缓存", en: "pivot caches" },
  vba: { zh: "VBA 宏", en: "VBA macros" },
  external_links: { zh: "外部链接", en: "external links" },
  sheet_scoped_names: { zh: "工作表级名称", en: "sheet-scoped names" },
  non_range_names: { zh: "非区域名称(常量或公式)", en: "names that are not ranges (constants, formulas)" },
  x14_conditional_formats: { zh: "扩展条件格式(数据条、图标集等)", en: "extension conditional formats (data bars, icon sets …)" },
  x14_data_validations: { zh: "扩展数据验证", en: "extension data validations" },
  slicers: { zh: "切片器", en: "slicers" },
  timelines: { zh: "日程表", en: "timelines" },
  threaded_comments: { zh: "批注(线程)", en: "threaded comments" },
  form_controls: { zh: "表单控件", en: "form controls" },
  embedded_objects: { zh: "嵌入对象", en: "embedded objects" },
  custom_xml: { zh: "自定义 XML", en: "custom XML" },
};

export function featureText(feature: PackageFeature, lang: "zh" | "en"): string {
  return `${FEATURE_TEXT[feature.kind][lang]}: ${feature.items.join(", ")}`;
}
