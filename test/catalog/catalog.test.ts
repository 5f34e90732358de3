import Ajv from "ajv";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Catalog, defaultCatalog, scorableRules, validateTemplate } from "../../src/catalog";
import { loadTemplateDir, loadTemplateFile } from "../../src/catalog/load";
import schema from "../../src/catalog/template.schema.json";
import { BUILT_IN_FILES } from "../../src/catalog/templates";
import type { Template } from "../../src/catalog/types";
import { KpiError } from "../../src/engine/errors";
import { readSeed, withoutSpace } from "../support/seed";

const catalog = defaultCatalog();
const templates = catalog.templates;

describe("the built-in catalog", () => {
  test("holds the ten templates of the seed, titled exactly as the seed prints them, in the seed's order", () => {
    expect(templates.map((t) => t.name.zh)).toEqual([
      "3-高级售前解决方案工程师绩效考核表",
      "售前售后技术支持绩效考核模板",
      "售前经理绩效考核评分表",
      "售前技术支持工程师岗位绩效考核指标(KPI)",
      "岗位胜任能力考评表(技术类 售前)定稿",
      "鸿数-技术支持绩效考核",
      "3-高级售前技术工程师绩效考核表",
      "售前部绩效考核表",
      "淘宝售前kpi考核",
      "3-高级售前工程师绩效考核表",
    ]);
  });

  const ajv = new Ajv({ allErrors: true });
  const validateShape = ajv.compile(schema);

  test.each(templates.map((t, i) => [BUILT_IN_FILES[i], t] as const))("%s matches the JSON schema", (_file, template) => {
    const ok = validateShape(template);
    expect(validateShape.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  test.each(templates.map((t) => [t.id, t] as const))("%s passes the meaning checks (bands, weights, ids)", (_id, template) => {
    expect(validateTemplate(template)).toEqual([]);
  });

  test.each(templates.map((t, i) => [BUILT_IN_FILES[i], t] as const))("%s points editors at the schema and is named after its id", (file, template) => {
    expect((template as Template).$schema).toBe("../template.schema.json");
    expect(file).toBe(`${template.id}.json`);
  });

  const seed = withoutSpace(readSeed());
  const criteria = templates.flatMap((t) => scorableRules(t).map((f) => [f.ref, f.rule.criterion.zh] as const));

  test.each(criteria)("the criterion of %s is the seed's own text", (_ref, text) => {
    expect(seed).toContain(withoutSpace(text));
  });

  test.each(templates.flatMap((t) => scorableRules(t).map((f) => [f.ref, f] as const)))(
    "%s describes every input it reads, with a prompt in both languages",
    (_ref, found) => {
      expect(found.rule.inputs.length).toBeGreaterThan(0);
      for (const spec of found.rule.inputs) {
        expect(spec.prompt.zh).toMatch(/[\u4e00-\u9fff]/);
        expect(spec.prompt.en).toMatch(/[a-z]/i);
        expect(spec.label.zh.length).toBeGreaterThan(0);
      }
    },
  );

  test("every template and every rule answers to its id, its names and its aliases", () => {
    for (const template of templates) {
      expect(catalog.findTemplate(template.id)).toBe(template);
      expect(catalog.findTemplate(template.name.zh)).toBe(template);
      for (const alias of template.aliases?.zh ?? []) expect(catalog.findTemplate(alias)).toBe(template);
      for (const found of scorableRules(template)) {
        for (const name of [found.rule.id, found.rule.name.zh, found.rule.name.en, ...(found.rule.aliases?.zh ?? [])]) {
          expect(catalog.findRule(name, template.id).rule).toBe(found.rule);
        }
        expect(catalog.findRule(found.ref).rule).toBe(found.rule);
      }
    }
  });

  test("templates with notes explain their readings in both languages", () => {
    for (const template of templates) {
      const notes = [
        ...(template.notes ?? []),
        ...template.sections.flatMap((s) => [...(s.notes ?? []), ...s.indicators.flatMap((i) => i.notes ?? [])]),
      ];
      for (const note of notes) {
        expect(note.zh).toMatch(/[\u4e00-\u9fff]/);
        expect(note.en).toMatch(/[a-z]/i);
      }
    }
  });
});

describe("finding templates and rules by name", () => {
  test("an unknown rule suggests the closest names in the user's language", () => {
    let error: KpiError | undefined;
    try {
      catalog.findRule("支持满意度x", "support_kpi");
    } catch (e) {
      error = e as KpiError;
    }
    expect(error?.code).toBe("unknown_rule");
    expect(error?.kind).toBe("name");
    expect(error?.text("zh")).toContain("您是不是要找");
    expect(error?.text("zh")).toContain("项目支持满意度");
    expect(error?.text("en")).toContain("Did you mean");
  });

  test("an unknown template suggests the closest template", () => {
    expect(() => catalog.findTemplate("淘宝售前kpi")).toThrow(/淘宝售前kpi考核/);
  });

  test("a bare name used by several templates is ambiguous and lists the qualified references", () => {
    const names = new Map<string, string[]>();
    for (const t of templates) for (const f of scorableRules(t)) names.set(f.rule.name.zh, [...(names.get(f.rule.name.zh) ?? []), f.ref]);
    const shared = [...names.entries()].find(([, refs]) => refs.length > 1);
    expect(shared).toBeDefined();
    const [name, refs] = shared!;
    expect(() => catalog.findRule(name)).toThrow(refs[0]);
    expect(catalog.findRule(refs[0]).ref).toBe(refs[0]);
  });

  test("names are matched ignoring width, case and the spaces a wrapped cell leaves", () => {
    expect(catalog.findRule("项目支持满意 度", "support_kpi").rule.id).toBe("satisfaction");
    expect(catalog.findTemplate("淘宝售前ＫＰＩ考核").id).toBe("taobao_presales");
  });
});

describe("loading template files", () => {
  const dir = mkdtempSync(join(tmpdir(), "kpi-templates-"));
  const good = JSON.parse(JSON.stringify(catalog.findTemplate("support_kpi"))) as Template;

  function write(name: string, data: unknown): string {
    const file = join(dir, name);
    writeFileSync(file, typeof data === "string" ? data : JSON.stringify(data));
    return file;
  }

  function loadError(file: string): KpiError {
    try {
      loadTemplateFile(file);
    } catch (e) {
      return e as KpiError;
    }
    throw new Error("expected the file to be refused");
  }

  test("a good file loads", () => {
    expect(loadTemplateFile(write("good.json", good)).id).toBe("support_kpi");
  });

  test("a file that is not JSON names the file and the parser's reason", () => {
    const e = loadError(write("broken.json", "{ \"id\": "));
    expect(e.code).toBe("template_invalid");
    expect(e.text("en")).toContain("broken.json");
    expect(e.text("en")).toContain("(JSON)");
  });

  test("a missing property names the JSON path", () => {
    const t = JSON.parse(JSON.stringify(good));
    delete t.sections[0].indicators[1].rule.bands;
    const e = loadError(write("nobands.json", t));
    expect(e.text("en")).toContain("sections[0].indicators[1].rule");
    expect(e.text("en")).toContain("bands");
  });

  test("a band list with a gap is refused with its path", () => {
    const t = JSON.parse(JSON.stringify(good));
    t.sections[0].indicators[1].rule.bands.pop(); // drop "<80 → 0": nothing holds below 80
    const e = loadError(write("gap.json", t));
    expect(e.text("zh")).toContain("sections[0].indicators[1].rule.bands");
    expect(e.text("en")).toContain("no band holds");
  });

  test("a row whose rule cannot reach its printed weight is refused", () => {
    const t = JSON.parse(JSON.stringify(good));
    t.sections[0].indicators[0].weight = 30;
    expect(loadError(write("weight.json", t)).text("en")).toContain("sections[0].indicators[0].weight");
  });

  test("an id that Excel would read as a cell address is refused", () => {
    const t = JSON.parse(JSON.stringify(good));
    t.sections[0].indicators[0].id = "kpi1";
    expect(loadError(write("cell.json", t)).text("en")).toMatch(/cell reference/);
  });

  test("a folder of templates loads into a catalog of its own", () => {
    const own = mkdtempSync(join(tmpdir(), "kpi-own-"));
    writeFileSync(join(own, "mine.json"), JSON.stringify({ ...good, id: "my_support", name: { zh: "我的模板", en: "Mine" }, aliases: {} }));
    const mine = new Catalog(loadTemplateDir(own));
    expect(mine.findTemplate("我的模板").id).toBe("my_support");
  });
});
