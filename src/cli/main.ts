import { readFileSync } from "node:fs";
import { sheetKindOf } from "../engine/kinds/sheet-registry";
import { createInterface } from "node:readline";
import { Catalog, defaultCatalog, type FoundRule } from "../catalog";
import { loadTemplateDir } from "../catalog/load";
import type { Lang, Template } from "../catalog/types";
import { assess, displayNumber, gradeFor, isKpiError, scoreRule, type InputValue, type RuleInput } from "../engine";
import { runBatch } from "./batch";
import { generateCommand } from "./generate";
import { APPLY_FLAG_OPTIONS, APPLY_VALUE_OPTIONS, applyCommand } from "./apply";
import { parseArgs, UsageError, type ParsedArgs } from "./args";
import { cliText } from "./messages";
import { renderTable } from "./table";

export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  readStdin: () => Promise<string>;
  stdinLines: () => AsyncIterable<string>;
}

const VALUE_OPTIONS = ["--lang", "--input", "--catalog", "--layout", "--employees", "--period", "--formulas", "--password", "-o", "--output", ...APPLY_VALUE_OPTIONS];
const FLAG_OPTIONS = ["--json", "--explain", "--help", "-h", "--split", "--no-protect", "--skip-bad", ...APPLY_FLAG_OPTIONS];

function langOf(args: ParsedArgs): Lang {
  const lang = args.options.get("--lang");
  if (lang === undefined) return "zh";
  if (lang === "zh" || lang === "en") return lang;
  throw new UsageError(`--lang takes zh or en, not ${String(lang)}`);
}

function catalogOf(args: ParsedArgs): Catalog {
  const dir = args.options.get("--catalog");
  return typeof dir === "string" ? new Catalog(loadTemplateDir(dir)) : defaultCatalog();
}

/** A CLI argument as a cell value: "" is blank, everything else is text read the way Excel reads typing. */
function cliInput(text: string): InputValue {
  return text === "" ? null : text;
}

function weightText(weight: number | undefined): string {
  return weight === undefined ? "—" : `${weight}%`;
}

function catalogCommand(catalog: Catalog, args: ParsedArgs, lang: Lang, io: Io): number {
  if (args.options.has("--json")) {
    io.stdout(JSON.stringify({ templates: catalog.templates }, null, 2));
    return 0;
  }
  const blocks: string[] = [];
  for (const template of catalog.templates) {
    const rules = catalog.rulesOf(template);
    const indicators = rules.filter((r) => r.scope === "indicator").length;
    const adjustments = rules.length - indicators;
    const counts = [cliText(lang, "indicators_count", { n: indicators })];
    if (adjustments) counts.push(cliText(lang, "adjustments_count", { n: adjustments }));
    const title = lang === "zh" ? `${template.name.zh}  (${template.name.en})` : `${template.name.en}  (${template.name.zh})`;
    const rows = rules.map((found) => ruleRow(found, lang));
    blocks.push(
      `${template.id}  ${title}  [${counts.join(", ")}]\n` +
        renderTable(
          [cliText(lang, "id"), cliText(lang, "name"), cliText(lang, "weight"), cliText(lang, "rule"), cliText(lang, "input")],
          rows,
        ),
    );
  }
  io.stdout(blocks.join("\n\n"));
  return 0;
}

function ruleRow(found: FoundRule, lang: Lang): string[] {
  const { rule } = found;
  const ctx = { name: rule.name, inputs: rule.inputs };
  const weight = found.scope === "adjustment" ? "±" : weightText((rule as { weight?: number }).weight);
  const inputs = rule.inputs.map((i) => `${i.label[lang]} (${i.unit[lang]})`).join(" + ");
  return [rule.id, rule.name[lang], weight, sheetKindOf(rule.rule).summary(rule.rule, ctx, lang), inputs];
}

function scoreCommand(catalog: Catalog, args: ParsedArgs, lang: Lang, io: Io): number {
  const [templateRef, ruleRef, ...inputs] = args.positional;
  if (!templateRef || !ruleRef || inputs.length === 0) throw new UsageError("kpi score <template> <rule> <input> [<input2>]");
  const template = catalog.findTemplate(templateRef);
  const found = catalog.findRule(ruleRef, template.id);
  const score = scoreRule(found.rule, inputs.map(cliInput));
  io.stdout(score.points === null ? cliText(lang, "blank_points") : displayNumber(score.points));
  if (args.options.has("--explain")) io.stdout(score.explain(lang));
  for (const w of score.warnings) io.stderr(w.text[lang]);
  return 0;
}

function gradeCommand(catalog: Catalog, args: ParsedArgs, lang: Lang, io: Io): number {
  const [templateRef, totalText] = args.positional;
  if (!templateRef || totalText === undefined) throw new UsageError("kpi grade <template> <total>");
  const template = catalog.findTemplate(templateRef);
  const total = Number(totalText);
  if (totalText.trim() === "" || !Number.isFinite(total)) throw new UsageError(`total "${totalText}" is not a number`);
  const grade = gradeFor(template, total);
  if (!grade) {
    io.stderr(`${cliText(lang, "error_prefix")}: ${cliText(lang, "no_grades")}`);
    return 1;
  }
  io.stdout(`${grade.code}\t${grade.label[lang]}\t${grade.range[lang]}`);
  return 0;
}

async function assessCommand(catalog: Catalog, args: ParsedArgs, lang: Lang, io: Io): Promise<number> {
  const [templateRef] = args.positional;
  const source = args.options.get("--input");
  if (!templateRef || typeof source !== "string") throw new UsageError("kpi assess <template> --input <file.json | ->");
  const template = catalog.findTemplate(templateRef);
  const text = source === "-" ? await io.readStdin() : readFileSync(source, "utf8");
  if (!text.trim()) throw new UsageError(cliText(lang, "stdin_empty"));
  const data: unknown = JSON.parse(text);
  if (typeof data !== "object" || data === null || Array.isArray(data)) throw new UsageError(cliText(lang, "input_not_object"));
  const result = assess(template, data as Record<string, RuleInput>, catalog);
  if (args.options.has("--json")) {
    io.stdout(JSON.stringify(assessmentJson(template, result, lang), null, 2));
    return 0;
  }
  const rows = result.rules.map((r) => [
    r.id,
    r.name[lang],
    r.points === null ? "—" : displayNumber(r.points),
    r.contribution === null ? "—" : displayNumber(r.contribution),
  ]);
  io.stdout(renderTable([cliText(lang, "id"), cliText(lang, "name"), cliText(lang, "points"), cliText(lang, "contribution")], rows));
  const totalLine = result.total === null
    ? `${cliText(lang, "total")}: — ${cliText(lang, "blank_total", { names: result.missing.map((m) => m[lang]).join(lang === "zh" ? "、" : ", ") })}`
    : `${cliText(lang, "total")}: ${result.total.toFixed(2)}`;
  io.stdout(totalLine);
  if (result.grade) io.stdout(`${cliText(lang, "grade")}: ${result.grade.label[lang]}`);
  for (const w of result.warnings) io.stderr(w.text[lang]);
  return 0;
}

function assessmentJson(template: Template, result: ReturnType<typeof assess>, lang: Lang) {
  return {
    template: template.id,
    rules: result.rules.map((r) => ({
      ref: r.ref,
      name: r.name[lang],
      scope: r.scope,
      points: r.points,
      contribution: r.contribution,
      explanation: r.explain(lang),
    })),
    sections: result.sections.map((s) => ({ id: s.id, name: s.name[lang], subtotal: s.subtotal, vetoedBy: s.vetoedBy ?? null })),
    adjustments: result.adjustmentTotal,
    total: result.total,
    grade: result.grade ? { grade: result.grade.code, label: result.grade.label.zh, label_en: result.grade.label.en } : null,
    missing: result.missing.map((m) => m[lang]),
    warnings: result.warnings.map((w) => w.text[lang]),
  };
}

/** Runs the CLI; returns the exit code. Errors are one line a person can act on. */
export async function run(argv: string[], io: Io): Promise<number> {
  const [command, ...rest] = argv;
  let lang: Lang = "zh";
  try {
    const args = parseArgs(rest, VALUE_OPTIONS, FLAG_OPTIONS);
    lang = langOf(args);
    if (!command || command === "--help" || command === "-h" || command === "help" || args.options.has("--help")) {
      io.stdout(cliText(lang, "usage"));
      return command ? 0 : 1;
    }
    const catalog = catalogOf(args);
    switch (command) {
      case "catalog":
        return catalogCommand(catalog, args, lang, io);
      case "score":
        return scoreCommand(catalog, args, lang, io);
      case "grade":
        return gradeCommand(catalog, args, lang, io);
      case "assess":
        return await assessCommand(catalog, args, lang, io);
      case "batch":
        return await runBatch(catalog, lang, io);
      case "generate":
        return await generateCommand(catalog, args, lang, io);
      case "apply":
        return await applyCommand(catalog, rest, lang, io);
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
  } catch (e) {
    if (isKpiError(e)) {
      io.stderr(`${cliText(lang, "error_prefix")}: ${e.text(lang)}`);
      return 1;
    }
    if (e instanceof UsageError || e instanceof SyntaxError) {
      io.stderr(`${cliText(lang, "error_prefix")}: ${e.message}\n${cliText(lang, "usage")}`);
      return 1;
    }
    throw e;
  }
}

function readAllStdin(): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    process.stdin.on("data", (c: Buffer) => chunks.push(c));
    process.stdin.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    process.stdin.on("error", reject);
  });
}

export function main(argv: string[]): void {
  const io: Io = {
    stdout: (t) => process.stdout.write(t + "\n"),
    stderr: (t) => process.stderr.write(t + "\n"),
    readStdin: readAllStdin,
    stdinLines: () => createInterface({ input: process.stdin, crlfDelay: Infinity }),
  };
  run(argv, io).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`kpi: ${(e as Error).stack ?? String(e)}\n`);
      process.exitCode = 70;
    },
  );
}
