// Reads the values a spreadsheet program saved in an .xlsx (cached formula results included) straight from
// the sheet XML. ExcelJS drops some formula results (a result of 0 reads as missing), and a test of
// recalculation must see exactly what was saved.
import JSZip from "jszip";
import { readFileSync } from "node:fs";

export type Saved = number | string | boolean | { error: string } | null;

function decode(s: string): string {
  return s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_m, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&amp;/g, "&");
}

function texts(xml: string): string {
  return [...xml.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g)].map((m) => decode(m[1])).join("");
}

/** Values by cell address ("A1") for the sheets of a workbook, in workbook order. */
export async function savedValues(file: string): Promise<Array<Map<string, Saved>>> {
  return savedValuesFromBuffer(readFileSync(file));
}

export async function savedValuesFromBuffer(buffer: Buffer): Promise<Array<Map<string, Saved>>> {
  const zip = await JSZip.loadAsync(buffer);
  const shared: string[] = [];
  const sst = zip.file("xl/sharedStrings.xml");
  if (sst) for (const m of (await sst.async("string")).matchAll(/<si>([\s\S]*?)<\/si>/g)) shared.push(texts(m[1]));
  const workbook = await zip.file("xl/workbook.xml")!.async("string");
  const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
  const targets = new Map([...rels.matchAll(/<Relationship [^>]*Id="([^"]+)"[^>]*Target="([^"]+)"/g)].map((m) => [m[1], m[2]]));
  const sheets: Array<Map<string, Saved>> = [];
  for (const m of workbook.matchAll(/<sheet [^>]*r:id="([^"]+)"/g)) {
    const target = targets.get(m[1])!.replace(/^\/?(xl\/)?/, "");
    const xml = await zip.file(`xl/${target}`)!.async("string");
    const values = new Map<string, Saved>();
    for (const c of xml.matchAll(/<c r="([A-Z]+\d+)"([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const [, ref, attrs, body = ""] = c;
      const t = /\bt="([^"]+)"/.exec(attrs)?.[1];
      const v = /<v>([\s\S]*?)<\/v>/.exec(body)?.[1];
      const hasV = /<v>/.test(body) || /<v\/>/.test(body);
      let value: Saved = null;
      if (t === "inlineStr") value = texts(body);
      else if (!hasV) value = null;
      else if (t === "s") value = shared[Number(v)];
      else if (t === "str") value = decode(v ?? "");
      else if (t === "b") value = v === "1";
      else if (t === "e") value = { error: v ?? "" };
      else value = v === undefined || v === "" ? null : Number(v);
      values.set(ref, value);
    }
    sheets.push(values);
  }
  return sheets;
}
