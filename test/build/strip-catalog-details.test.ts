// The webpack loader that slims the catalog the =KPI.* functions load at start-up
// (tools/webpack/strip-catalog-details.js, applied to src/catalog/templates/*.json as imported by
// src/catalog/templates/index.ts).
import * as fs from "fs";
import * as path from "path";
import loader, { stripCatalogDetails } from "../../tools/webpack/strip-catalog-details";
import { BUILT_IN_FILES } from "../../src/catalog/templates";

const TEMPLATES = path.resolve(__dirname, "../../src/catalog/templates");
const DETAILS = ["criterion", "notes", "source"];

type Json = Record<string, unknown>;

function read(file: string): Json {
  return JSON.parse(fs.readFileSync(path.join(TEMPLATES, file), "utf8")) as Json;
}

function runLoader(file: string): Json {
  const text = fs.readFileSync(path.join(TEMPLATES, file), "utf8");
  return JSON.parse(loader.call({ resourcePath: path.join(TEMPLATES, file) }, text)) as Json;
}

/** Every key path in `value` whose last key is one of `keys`. */
function pathsWithKeys(value: unknown, keys: string[], at = "$"): string[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => pathsWithKeys(v, keys, `${at}[${i}]`));
  if (value === null || typeof value !== "object") return [];
  return Object.entries(value).flatMap(([k, v]) => [
    ...(keys.includes(k) ? [`${at}.${k}`] : []),
    ...pathsWithKeys(v, keys, `${at}.${k}`),
  ]);
}

/** The template with the detail fields deleted where details.ts attaches them again. */
function expectedSlim(full: Json): Json {
  const copy = JSON.parse(JSON.stringify(full)) as Json & { sections?: Json[]; adjustments?: Json[] };
  const drop = (o: Json) => DETAILS.forEach((k) => delete o[k]);
  drop(copy);
  for (const section of copy.sections ?? []) {
    drop(section);
    for (const indicator of (section.indicators as Json[]) ?? []) drop(indicator);
  }
  for (const adjustment of copy.adjustments ?? []) drop(adjustment);
  return copy;
}

describe.each(BUILT_IN_FILES)("%s", (file) => {
  test("the seed's texts are there before the loader runs", () => {
    expect(pathsWithKeys(read(file), DETAILS).length).toBeGreaterThan(0);
  });

  test("the loader removes every criterion text, note and source", () => {
    expect(pathsWithKeys(runLoader(file), DETAILS)).toEqual([]);
  });

  test("and keeps everything else as it was: rules, names, aliases, prompts, grades, key order", () => {
    const slim = runLoader(file);
    const expected = expectedSlim(read(file));
    expect(slim).toEqual(expected);
    expect(JSON.stringify(slim)).toBe(JSON.stringify(expected));
  });
});

test("stripCatalogDetails leaves its argument unchanged", () => {
  const full = read("support_kpi.json");
  const before = JSON.stringify(full);
  stripCatalogDetails(full);
  expect(JSON.stringify(full)).toBe(before);
});

test("the slim catalog is less than two thirds of the full one", () => {
  const full = BUILT_IN_FILES.reduce((n, f) => n + JSON.stringify(read(f)).length, 0);
  const slim = BUILT_IN_FILES.reduce((n, f) => n + JSON.stringify(runLoader(f)).length, 0);
  expect(slim / full).toBeLessThan(2 / 3);
});

test("a file that is not JSON fails with the file's name", () => {
  expect(() => loader.call({ resourcePath: "broken.json" }, "{")).toThrow(/broken\.json is not valid JSON/);
});
