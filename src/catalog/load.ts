// Node-only: reads template files from disk (the CLI's --catalog option, and tests of broken files).
// The built-in catalog is imported statically (templates/index.ts) so bundles need no file system.
import { readFileSync, readdirSync } from "node:fs";
import { basename, join } from "node:path";
import Ajv, { type ErrorObject } from "ajv";
import { KpiError } from "../engine/errors";
import schema from "./template.schema.json";
import type { Template } from "./types";
import { validateTemplate } from "./validate";

let validateShape: ReturnType<Ajv["compile"]> | undefined;

function shapeValidator() {
  validateShape ??= new Ajv({ allErrors: true }).compile(schema);
  return validateShape;
}

/** "/sections/0/indicators/2" → "sections[0].indicators[2]" */
function jsonPath(pointer: string): string {
  return (
    pointer
      .split("/")
      .slice(1)
      .map((part) => (/^\d+$/.test(part) ? `[${part}]` : `.${part.replace(/~1/g, "/").replace(/~0/g, "~")}`))
      .join("")
      .replace(/^\./, "") || "(root)"
  );
}

/** The most useful schema error: the deepest one, since `oneOf` failures report every alternative. */
function bestError(errors: ErrorObject[]): ErrorObject {
  return [...errors].sort((a, b) => b.instancePath.length - a.instancePath.length)[0];
}

function describe(error: ErrorObject): string {
  if (error.keyword === "additionalProperties") return `unexpected property "${(error.params as { additionalProperty: string }).additionalProperty}"`;
  if (error.keyword === "required") return `missing property "${(error.params as { missingProperty: string }).missingProperty}"`;
  if (error.keyword === "enum") return `${error.message}: ${(error.params as { allowedValues: unknown[] }).allowedValues.join(", ")}`;
  return error.message ?? error.keyword;
}

/** Checks a parsed template object; throws a KpiError naming the file, the JSON path and the reason. */
export function checkTemplate(data: unknown, file: string): Template {
  const validate = shapeValidator();
  if (!validate(data)) {
    const error = bestError(validate.errors ?? []);
    throw new KpiError("template_invalid", { file, path: jsonPath(error.instancePath), reason: describe(error) }, "data");
  }
  const template = data as Template;
  const problems = validateTemplate(template);
  if (problems.length) {
    const { path, message } = problems[0];
    const more = problems.length > 1 ? ` (+${problems.length - 1})` : "";
    throw new KpiError("template_invalid", { file, path, reason: message + more }, "data");
  }
  return template;
}

export function loadTemplateFile(file: string): Template {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (e) {
    throw new KpiError("template_invalid", { file, path: "(file)", reason: (e as Error).message }, "data");
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new KpiError("template_invalid", { file, path: "(JSON)", reason: (e as Error).message }, "data");
  }
  return checkTemplate(data, file);
}

/** Every *.json template in a folder, in file-name order. */
export function loadTemplateDir(dir: string): Template[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith(".json") && !f.endsWith(".schema.json"))
    .sort()
    .map((f) => loadTemplateFile(join(dir, basename(f))));
}
