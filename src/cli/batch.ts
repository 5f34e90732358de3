import type { Catalog } from "../catalog";
import type { Lang } from "../catalog/types";
import { gradeFor, isKpiError, scoreRule, type InputValue } from "../engine";
import type { Io } from "./main";

// The scripting interface (stable): JSON lines in, one JSON line out per non-blank line, in order.
//   {"template":T,"indicator":I,"input":X}  → {"points":N}    X: number | string | null | [x, y, …]
//   {"template":T,"total":N}                → {"grade":G,"label":L,"label_en":E}
//   anything wrong                          → {"error":"…"}

const BATCH_TEXT = {
  zh: {
    bad_json: "不是有效的 JSON:{reason}",
    not_object: "每行应是一个 JSON 对象",
    need_template: "缺少 \"template\"(模板 id、中文名或别名)",
    need_indicator: "缺少 \"indicator\"(或用 \"total\" 查询等级)",
    bad_total: "\"total\" 应是数字",
    bad_input: "\"input\" 应是数字、文本、null 或数组 [x, y]",
    no_grades: "模板 “{template}” 没有等级标准",
  },
  en: {
    bad_json: "not valid JSON: {reason}",
    not_object: "each line must be one JSON object",
    need_template: "missing \"template\" (template id, Chinese name or alias)",
    need_indicator: "missing \"indicator\" (or use \"total\" to look up a grade)",
    bad_total: "\"total\" must be a number",
    bad_input: "\"input\" must be a number, text, null or an array [x, y]",
    no_grades: "template \"{template}\" has no grade scale",
  },
} satisfies Record<Lang, Record<string, string>>;

type BatchKey = keyof (typeof BATCH_TEXT)["zh"];

class BatchError extends Error {}

function fail(lang: Lang, key: BatchKey, params: Record<string, string> = {}): never {
  throw new BatchError(BATCH_TEXT[lang][key].replace(/\{(\w+)\}/g, (w, n: string) => params[n] ?? w));
}

function isInputValue(v: unknown): v is InputValue {
  return v === null || typeof v === "number" || typeof v === "string" || typeof v === "boolean";
}

/** Answers one request line. Never throws: every problem becomes {"error": …}. */
export function answerLine(catalog: Catalog, line: string, lang: Lang): Record<string, unknown> {
  try {
    let request: unknown;
    try {
      request = JSON.parse(line);
    } catch (e) {
      fail(lang, "bad_json", { reason: (e as Error).message });
    }
    if (typeof request !== "object" || request === null || Array.isArray(request)) fail(lang, "not_object");
    const req = request as Record<string, unknown>;
    if (typeof req.template !== "string" || req.template.trim() === "") fail(lang, "need_template");
    const template = catalog.findTemplate(req.template);
    if ("total" in req) {
      if (typeof req.total !== "number" || !Number.isFinite(req.total)) fail(lang, "bad_total");
      const grade = gradeFor(template, req.total);
      if (!grade) fail(lang, "no_grades", { template: template.name[lang] });
      return { grade: grade.code, label: grade.label.zh, label_en: grade.label.en };
    }
    if (typeof req.indicator !== "string" || req.indicator.trim() === "") fail(lang, "need_indicator");
    const input = req.input === undefined ? null : req.input;
    const inputs = Array.isArray(input) ? input : [input];
    if (!inputs.every(isInputValue)) fail(lang, "bad_input");
    const found = catalog.findRule(req.indicator, template.id);
    return { points: scoreRule(found.rule, inputs as InputValue[]).points };
  } catch (e) {
    if (isKpiError(e)) return { error: e.text(lang) };
    if (e instanceof BatchError) return { error: e.message };
    return { error: String((e as Error).message ?? e) };
  }
}

export async function runBatch(catalog: Catalog, lang: Lang, io: Io): Promise<number> {
  for await (const line of io.stdinLines()) {
    if (line.trim() === "") continue;
    io.stdout(JSON.stringify(answerLine(catalog, line, lang)));
  }
  return 0;
}
