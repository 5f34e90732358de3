// Checks on manifest.xml that the Office XML schema does not make: resource references, string lengths, https,
// the shared-runtime wiring, zh-CN overrides and the icon files. The schema check itself is a separate step:
//   xmllint --noout --schema <office-manifest-xsd>/OfficeAppManifestV1_1.xsd manifest.xml
import * as fs from "fs";
import * as path from "path";
import { child, descendants, findAll, parseXml, pathOf, XmlElement } from "./xml";

const ROOT = path.resolve(__dirname, "../..");
const MANIFEST = path.join(ROOT, "manifest.xml");
const ASSETS = path.join(ROOT, "assets");
const DEV_BASE = "https://localhost:3000/";

const manifest = parseXml(fs.readFileSync(MANIFEST, "utf8"));
const all = descendants(manifest);

const HAN = /[\u4e00-\u9fff]/;

function resources(): XmlElement {
  const res = findAll(manifest, "Resources");
  expect(res).toHaveLength(1);
  return res[0];
}

/** bt:Image / bt:Url / bt:String elements, each with its id. */
function resourceEntries(): XmlElement[] {
  return descendants(resources()).filter((el) => ["bt:Image", "bt:Url", "bt:String"].includes(el.name));
}

function resourceById(id: string): XmlElement {
  const found = resourceEntries().filter((el) => el.attrs.id === id);
  expect(found).toHaveLength(1);
  return found[0];
}

function stringsIn(group: "bt:ShortStrings" | "bt:LongStrings"): XmlElement[] {
  const groups = findAll(resources(), group);
  expect(groups).toHaveLength(1);
  return groups[0].children.filter((el) => el.name === "bt:String");
}

function overrides(el: XmlElement): XmlElement[] {
  return el.children.filter((c) => c.local === "Override");
}

function zhCN(el: XmlElement): string | undefined {
  return overrides(el).find((o) => o.attrs.Locale === "zh-CN")?.attrs.Value;
}

/** Every URL the manifest names, with where it was found. */
function allUrls(): { where: string; url: string }[] {
  const out: { where: string; url: string }[] = [];
  const urlHolders = all.filter(
    (el) =>
      el.name === "bt:Url" ||
      (el.name === "bt:Image" && el.attrs.DefaultValue !== undefined) ||
      ["IconUrl", "HighResolutionIconUrl", "SupportUrl"].includes(el.name) ||
      (el.local === "SourceLocation" && el.attrs.DefaultValue !== undefined),
  );
  for (const el of urlHolders) {
    const where = `${pathOf(el)}${el.attrs.id ? `[${el.attrs.id}]` : ""}`;
    out.push({ where, url: el.attrs.DefaultValue });
    for (const o of overrides(el)) out.push({ where: `${where}/Override[${o.attrs.Locale}]`, url: o.attrs.Value });
  }
  return out;
}

function workbookHost(): XmlElement {
  const hosts = findAll(manifest, "Host").filter((h) => h.attrs["xsi:type"] === "Workbook");
  expect(hosts).toHaveLength(1);
  return hosts[0];
}

function showTaskpaneActions(): XmlElement[] {
  return findAll(manifest, "Action").filter((a) => a.attrs["xsi:type"] === "ShowTaskpane");
}

/** Width and height from a PNG's IHDR chunk; throws if the bytes are not a PNG. */
function pngSize(file: string): { width: number; height: number } {
  const buf = fs.readFileSync(file);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (buf.length < 24 || !buf.subarray(0, 8).equals(signature) || buf.toString("ascii", 12, 16) !== "IHDR") {
    throw new Error(`${file} is not a PNG`);
  }
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

function assetFile(url: string): string {
  return path.join(ASSETS, ...url.slice(`${DEV_BASE}assets/`.length).split("/"));
}

describe("the XML reader used by these tests", () => {
  it("decodes entities, skips comments and keeps attributes that contain '>'", () => {
    const doc = parseXml(`<?xml version="1.0"?><!-- c --><a x='1 &gt; 0' y="&#x4E2D;&amp;"><b/>t&lt;<c z="2"></c></a>`);
    expect(doc.name).toBe("a");
    expect(doc.attrs).toEqual({ x: "1 > 0", y: "中&" });
    expect(doc.children.map((c) => c.name)).toEqual(["b", "c"]);
    expect(doc.text).toBe("t<");
  });

  it("refuses a closing tag that does not match", () => {
    expect(() => parseXml("<a><b></a></b>")).toThrow(/closes <b>/);
  });
});

describe("manifest.xml", () => {
  it("is an Excel task pane add-in with a fixed GUID, version 1.0.0.0 and read/write access", () => {
    expect(manifest.local).toBe("OfficeApp");
    expect(manifest.attrs["xsi:type"]).toBe("TaskPaneApp");
    expect(child(manifest, "Id")?.text.trim()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(child(manifest, "Version")?.text.trim()).toBe("1.0.0.0");
    expect(child(manifest, "DefaultLocale")?.text.trim()).toBe("en-US");
    expect(child(manifest, "ProviderName")?.text.trim()).not.toBe("");
    expect(child(manifest, "Hosts")?.children.map((h) => h.attrs.Name)).toEqual(["Workbook"]);
    expect(child(manifest, "Permissions")?.text.trim()).toBe("ReadWriteDocument");
  });

  it("requires SharedRuntime 1.1 and CustomFunctionsRuntime 1.1 to activate", () => {
    const sets = child(child(manifest, "Requirements")!, "Sets")!;
    const named = Object.fromEntries(sets.children.map((s) => [s.attrs.Name, s.attrs.MinVersion]));
    expect(named).toEqual({ SharedRuntime: "1.1", CustomFunctionsRuntime: "1.1" });
  });

  it("is called KPI Scorecards in English and has a Chinese zh-CN display name and description", () => {
    const displayName = child(manifest, "DisplayName")!;
    expect(displayName.attrs.DefaultValue).toBe("KPI Scorecards");
    expect(zhCN(displayName)).toBe("绩效考核助手");
    expect(zhCN(child(manifest, "Description")!)).toMatch(HAN);
  });

  it("defines every resource that a resid names", () => {
    const defined = new Set(resourceEntries().map((el) => el.attrs.id));
    const referenced = all.filter((el) => el.attrs.resid !== undefined);
    expect(referenced.length).toBeGreaterThan(10);
    const missing = referenced.filter((el) => !defined.has(el.attrs.resid)).map((el) => `${pathOf(el)} → ${el.attrs.resid}`);
    expect(missing).toEqual([]);
  });

  it("defines each resource id once, in 32 characters or fewer", () => {
    const ids = resourceEntries().map((el) => el.attrs.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.filter((id) => !id || id.length > 32)).toEqual([]);
    const longResids = all.map((el) => el.attrs.resid).filter((r) => r !== undefined && r.length > 32);
    expect(longResids).toEqual([]);
  });

  it("keeps short strings and their overrides within 125 characters", () => {
    const values = stringsIn("bt:ShortStrings").flatMap((s) => [s.attrs.DefaultValue, ...overrides(s).map((o) => o.attrs.Value)]);
    const displayName = child(manifest, "DisplayName")!;
    values.push(displayName.attrs.DefaultValue, ...overrides(displayName).map((o) => o.attrs.Value));
    expect(values.filter((v) => !v || [...v].length > 125)).toEqual([]);
  });

  it("keeps long strings and their overrides within 250 characters", () => {
    const values = stringsIn("bt:LongStrings").flatMap((s) => [s.attrs.DefaultValue, ...overrides(s).map((o) => o.attrs.Value)]);
    const description = child(manifest, "Description")!;
    values.push(description.attrs.DefaultValue, ...overrides(description).map((o) => o.attrs.Value));
    expect(values.filter((v) => !v || [...v].length > 250)).toEqual([]);
  });

  it("gives every label, tooltip and description a Chinese zh-CN override", () => {
    const visible = [...stringsIn("bt:ShortStrings"), ...stringsIn("bt:LongStrings")].filter(
      (s) => s.attrs.id !== "Functions.Namespace",
    );
    expect(visible.length).toBeGreaterThanOrEqual(5);
    const untranslated = visible.filter((s) => !HAN.test(zhCN(s) ?? "")).map((s) => s.attrs.id);
    expect(untranslated).toEqual([]);
  });

  it("uses https for every URL", () => {
    const urls = allUrls();
    expect(urls.length).toBeGreaterThan(10);
    expect(urls.filter(({ url }) => !/^https:\/\/[^/]+/.test(url ?? ""))).toEqual([]);
  });

  it("serves everything of its own from https://localhost:3000/ so the production build can rewrite one prefix", () => {
    const own = allUrls().filter(({ url }) => !url.startsWith(DEV_BASE));
    expect(own).toEqual([]);
  });

  it("names its custom functions namespace KPI", () => {
    const ns = findAll(manifest, "Namespace");
    expect(ns).toHaveLength(1);
    const str = resourceById(ns[0].attrs.resid);
    expect(str.parent?.name).toBe("bt:ShortStrings");
    expect(str.attrs.DefaultValue).toBe("KPI");
    expect(overrides(str)).toEqual([]);
  });

  it("loads custom functions, the function file and the task pane button into one shared runtime", () => {
    const runtimes = findAll(manifest, "Runtime");
    expect(runtimes).toHaveLength(1);
    const resid = runtimes[0].attrs.resid;
    const customFunctions = findAll(manifest, "ExtensionPoint").filter((e) => e.attrs["xsi:type"] === "CustomFunctions");
    expect(customFunctions).toHaveLength(1);
    const page = child(child(customFunctions[0], "Page")!, "SourceLocation")!;
    const functionFiles = findAll(manifest, "FunctionFile");
    const buttons = showTaskpaneActions();
    expect(functionFiles).toHaveLength(1);
    expect(buttons).toHaveLength(1);
    expect(page.attrs.resid).toBe(resid);
    expect(functionFiles[0].attrs.resid).toBe(resid);
    expect(child(buttons[0], "SourceLocation")?.attrs.resid).toBe(resid);
    expect(resourceById(resid).attrs.DefaultValue).toBe(`${DEV_BASE}taskpane.html`);
  });

  it("declares the long-lived Runtime as the first child of the Workbook host", () => {
    const host = workbookHost();
    const first = host.children[0];
    expect(first.local).toBe("Runtimes");
    expect(first.children.map((r) => [r.local, r.attrs.lifetime])).toEqual([["Runtime", "long"]]);
  });

  it("wires the custom functions script, metadata and namespace", () => {
    const cf = findAll(workbookHost(), "ExtensionPoint").find((e) => e.attrs["xsi:type"] === "CustomFunctions")!;
    expect(pathOf(cf)).toMatch(/Host\/AllFormFactors\/ExtensionPoint$/);
    expect(cf.children.map((c) => c.local)).toEqual(["Script", "Page", "Metadata", "Namespace"]);
    const urlOf = (name: string): string => resourceById(child(child(cf, name)!, "SourceLocation")!.attrs.resid).attrs.DefaultValue;
    expect(urlOf("Script")).toBe(`${DEV_BASE}functions.js`);
    expect(urlOf("Metadata")).toBe(`${DEV_BASE}functions.json`);
  });

  it("points the zh-CN custom functions metadata at functions-zh-cn.json", () => {
    const metadata = findAll(manifest, "Metadata");
    expect(metadata).toHaveLength(1);
    const url = resourceById(child(metadata[0], "SourceLocation")!.attrs.resid);
    expect(zhCN(url)).toBe(`${DEV_BASE}functions-zh-cn.json`);
  });

  it("opens the task pane from one button on the Home tab, without a TaskpaneId", () => {
    const tabs = findAll(manifest, "OfficeTab");
    expect(tabs.map((t) => t.attrs.id)).toEqual(["TabHome"]);
    const controls = findAll(tabs[0], "Control");
    expect(controls.map((c) => c.attrs["xsi:type"])).toEqual(["Button"]);
    expect(showTaskpaneActions()).toHaveLength(1);
    expect(findAll(manifest, "TaskpaneId")).toEqual([]);
    const getStarted = findAll(manifest, "GetStarted");
    expect(getStarted).toHaveLength(1);
  });

  it("gives the ribbon group and button 16, 32 and 80 px icons whose resource ids state those sizes", () => {
    const icons = findAll(manifest, "Icon");
    expect(icons.length).toBeGreaterThanOrEqual(2);
    for (const icon of icons) {
      const images = icon.children.filter((c) => c.name === "bt:Image");
      expect(images.map((i) => i.attrs.size)).toEqual(["16", "32", "80"]);
      for (const image of images) {
        expect(image.attrs.resid).toBe(`Icon.${image.attrs.size}x${image.attrs.size}`);
      }
    }
  });

  it("ships every asset it references, each icon a PNG of the size its id and file name say", () => {
    const assetUrls = allUrls().filter(({ url }) => url.startsWith(`${DEV_BASE}assets/`));
    expect(assetUrls.length).toBeGreaterThanOrEqual(7);
    const missing = assetUrls.filter(({ url }) => !fs.existsSync(assetFile(url)));
    expect(missing).toEqual([]);

    const images = findAll(resources(), "bt:Image");
    expect(images.map((i) => i.attrs.id).sort()).toEqual(
      ["Icon.128x128", "Icon.16x16", "Icon.32x32", "Icon.64x64", "Icon.80x80"].sort(),
    );
    for (const image of images) {
      const [, w, h] = /^Icon\.(\d+)x(\d+)$/.exec(image.attrs.id) ?? [];
      expect(pngSize(assetFile(image.attrs.DefaultValue))).toEqual({ width: Number(w), height: Number(h) });
    }
    for (const { url } of assetUrls.filter(({ url }) => url.endsWith(".png"))) {
      const size = Number(/icon-(\d+)\.png$/.exec(url)?.[1]);
      expect(pngSize(assetFile(url))).toEqual({ width: size, height: size });
    }
  });

  it("uses a 32 px IconUrl and a 64 px HighResolutionIconUrl, as the manifest reference asks of task pane add-ins", () => {
    const icon = child(manifest, "IconUrl")!.attrs.DefaultValue;
    const highRes = child(manifest, "HighResolutionIconUrl")!.attrs.DefaultValue;
    expect(pngSize(assetFile(icon))).toEqual({ width: 32, height: 32 });
    expect(pngSize(assetFile(highRes))).toEqual({ width: 64, height: 64 });
  });
});
