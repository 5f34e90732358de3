// The metadata Excel reads for the =KPI.* functions (functions.json, generated at build time from the JSDoc in
// src/functions/functions.ts by custom-functions-metadata, the library behind custom-functions-metadata-plugin)
// and its Chinese twin functions-zh-cn.json (tools/webpack/functions-zh-cn.js with src/functions/metadata.zh.json).
import * as path from "path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import { localizeMetadata, type Metadata } from "../../tools/webpack/functions-zh-cn";
import translations from "../../src/functions/metadata.zh.json";

const FUNCTIONS_TS = path.resolve(__dirname, "../../src/functions/functions.ts");
const CJK = /[\u3400-\u9fff]/;

type Param = [name: string, type: "any" | "string", shape: "scalar" | "matrix", optional: boolean];

// Exactly what functions.ts declares: value parameters are `any` (so Excel passes text and blanks through),
// names are `string`, ranges are any[][] (matrix).
const EXPECTED: Record<string, { params: Param[]; result: { type?: string; dimensionality?: string } }> = {
  BAND: {
    params: [
      ["value", "any", "scalar", false],
      ["rule", "string", "scalar", false],
    ],
    result: {},
  },
  SCORE: {
    params: [
      ["value", "any", "scalar", false],
      ["rule", "string", "scalar", false],
      ["value2", "any", "matrix", true],
    ],
    result: {},
  },
  GRADE: {
    params: [
      ["total", "any", "scalar", false],
      ["template", "string", "scalar", false],
    ],
    result: {},
  },
  TOTAL: {
    params: [
      ["points", "any", "matrix", false],
      ["template", "string", "scalar", false],
    ],
    result: {},
  },
  BLEND: {
    params: [
      ["supervisor", "any", "scalar", false],
      ["self", "any", "scalar", false],
      ["supervisorWeight", "any", "scalar", true],
    ],
    result: {},
  },
  DEDUCT: {
    params: [
      ["count", "any", "scalar", false],
      ["perOccurrence", "any", "scalar", false],
      ["full", "any", "scalar", false],
      ["floor", "any", "scalar", true],
    ],
    result: {},
  },
  BONUS: {
    params: [
      ["count", "any", "scalar", false],
      ["perOccurrence", "any", "scalar", false],
      ["cap", "any", "scalar", false],
    ],
    result: {},
  },
  TABLE: {
    params: [
      ["value", "any", "scalar", false],
      ["thresholds", "any", "matrix", false],
      ["points", "any", "matrix", false],
      ["direction", "any", "scalar", true],
    ],
    result: {},
  },
  EXPLAIN: {
    params: [
      ["value", "any", "scalar", false],
      ["rule", "string", "scalar", false],
      ["value2", "any", "matrix", true],
    ],
    result: { type: "string" },
  },
  RULES: { params: [["template", "any", "scalar", true]], result: { dimensionality: "matrix" } },
};

let metadata: Metadata;
let associations: Array<{ functionName: string; id: string }>;

beforeAll(async () => {
  const generated = await generateCustomFunctionsMetadata([FUNCTIONS_TS], false);
  expect(generated.errors).toEqual([]);
  metadata = JSON.parse(generated.metadataJson) as Metadata;
  associations = generated.associate;
}, 30000);

function shapeOf(p: { name: string; type?: string; dimensionality?: string; optional?: boolean }): Param {
  return [p.name, (p.type ?? "any") as Param[1], (p.dimensionality ?? "scalar") as Param[2], p.optional === true];
}

describe("functions.json", () => {
  test("declares exactly the ten KPI functions, with ASCII names equal to their ids", () => {
    expect(metadata.functions.map((f) => f.id).sort()).toEqual(Object.keys(EXPECTED).sort());
    for (const f of metadata.functions) {
      expect(f.name).toBe(f.id);
      expect(f.name).toMatch(/^[A-Z][A-Z0-9.]*$/);
    }
  });

  test.each(Object.keys(EXPECTED))("%s has the parameters, types, shapes and optional flags of functions.ts", (id) => {
    const f = metadata.functions.find((x) => x.id === id)!;
    expect(f.parameters.map(shapeOf)).toEqual(EXPECTED[id].params);
    expect(f.result).toEqual(EXPECTED[id].result);
    expect(f.description).toBeTruthy();
    for (const p of f.parameters) expect(p.description).toBeTruthy();
  });

  test("no parameter is repeating (a 1-D array type would make it so)", () => {
    for (const f of metadata.functions) for (const p of f.parameters) expect(p.repeating).toBeUndefined();
  });

  test("each id is associated with the exported function of the same name", () => {
    expect(associations.map((a) => [a.id, a.functionName])).toEqual(
      Object.keys(EXPECTED).map((id) => [id, id.toLowerCase()]),
    );
  });
});

describe("functions-zh-cn.json", () => {
  let zh: Metadata;
  beforeAll(() => {
    zh = localizeMetadata(metadata, translations);
  });

  test("has the same ids, names, parameters, types and shapes as functions.json", () => {
    expect(zh.functions.map((f) => [f.id, f.name])).toEqual(metadata.functions.map((f) => [f.id, f.name]));
    zh.functions.forEach((f, i) => {
      expect(f.parameters.map(shapeOf)).toEqual(metadata.functions[i].parameters.map(shapeOf));
      expect(f.result).toEqual(metadata.functions[i].result);
      expect(f.options).toEqual(metadata.functions[i].options);
    });
    expect({ ...zh, functions: [] }).toEqual({ ...metadata, functions: [] });
  });

  test("every function and parameter description is in Chinese", () => {
    for (const f of zh.functions) {
      expect(f.description).toMatch(CJK);
      for (const p of f.parameters) expect(`${f.id}(${p.name}): ${p.description}`).toMatch(CJK);
    }
  });

  test("does not change the English metadata it is built from", () => {
    expect(metadata.functions[0].description).not.toMatch(/^按/);
  });

  test("refuses a function or parameter without a translation, naming each one", () => {
    const { BAND: _band, ...withoutBand } = translations;
    expect(() => localizeMetadata(metadata, withoutBand)).toThrow(/BAND: no translation/);
    const noValue2 = {
      ...translations,
      SCORE: { ...translations.SCORE, parameters: { value: "输入", rule: "规则" } },
    };
    expect(() => localizeMetadata(metadata, noValue2)).toThrow(/SCORE\(value2\): no description/);
  });

  test("refuses translations for functions or parameters that do not exist, and English text", () => {
    expect(() => localizeMetadata(metadata, { ...translations, RANK: { description: "排名" } })).toThrow(
      /RANK: translated, but there is no such function/,
    );
    const extraParam = {
      ...translations,
      BONUS: { ...translations.BONUS, parameters: { ...translations.BONUS.parameters, limit: "上限" } },
    };
    expect(() => localizeMetadata(metadata, extraParam)).toThrow(
      /BONUS\(limit\): translated, but BONUS has no such parameter/,
    );
    const english = { ...translations, GRADE: { ...translations.GRADE, description: "The grade" } };
    expect(() => localizeMetadata(metadata, english)).toThrow(/GRADE: the description is not Chinese/);
  });
});
