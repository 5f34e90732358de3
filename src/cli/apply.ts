// `kpi apply`: brings a template's rules to a sheet HR already has. Exact and alias matches are applied;
// anything less certain (synonyms, fuzzy matches) is printed as --map arguments to confirm, with exit status 2.
//
//   kpi apply in.xlsx --sheet <name> --template <id> [--map "列名=rule" …] [--formulas portable|addin] [--at <column>] -o out.xlsx
//   kpi apply in.xlsx --remove [--sheet <name>] -o out.xlsx
import { readFileSync, writeFileSync } from "node:fs";
import type { Catalog } from "../catalog";
import { closest } from "../catalog/names";
import type { Lang, Template } from "../catalog/types";
import {
  acceptedMatches,
  analyseSheet,
  applyText,
  columnLetter,
  columnNumber,
  coverage,
  detectTable,
  findSlot,
  headerText,
  mapArgument,
  normalizeHeader,
  planApply,
  planRemoval,
  rankTemplates,
  slotsOf,
  type ApplyPlan,
  type ColumnMatch,
  type MatchKind,
  type TableDetection,
} from "../apply";
import { a1 } from "../sheets/a1";
import { parseArgs, UsageError, type ParsedArgs } from "./args";
import type { Io } from "./main";
import { cliText } from "./messages";
import { renderTable } from "./table";

/** Options `kpi apply` adds to the CLI's lists (main.ts spreads them into VALUE_OPTIONS and FLAG_OPTIONS). */
export const APPLY_VALUE_OPTIONS = ["--sheet", "--template", "--map", "--at", "--header-row"];
export const APPLY_FLAG_OPTIONS = ["--remove", "--dry-run"];

const COMMON_VALUE_OPTIONS = ["--lang", "--input", "--catalog", "--layout", "--employees", "--period", "--formulas", "--password", "-o", "--output"];
const COMMON_FLAG_OPTIONS = ["--json", "--explain", "--help", "-h", "--split", "--no-protect", "--skip-bad"];

/** Kinds the CLI applies without asking. */
const CONFIRM: readonly MatchKind[] = ["synonym", "fuzzy"];

const zh = {
  usage: `用法:
  kpi apply <in.xlsx> --template <模板> [--sheet <工作表>] [--map "列名=指标" …] [--formulas portable|addin]
            [--at <列>] [--header-row <行>] [--dry-run] [--json] [--lang zh|en] -o <out.xlsx>
  kpi apply <in.xlsx> --remove [--sheet <工作表>] -o <out.xlsx>
--map 可重复,也可写成 "列名=指标;列名=指标";列名可写表头文字或列字母;指标写 id、名称或别名,
第二个输入写 指标.输入 (如 learning_growth.shared_cases),自评写 指标@self;"列名=-" 表示忽略该列。`,
  need_file: "请指定要读取的 .xlsx 文件",
  need_output: "请用 -o 指定输出文件(.xlsx)",
  need_template: "请用 --template 指定模板。按表头推测最接近的模板:{names}",
  need_template_none: "请用 --template 指定模板(kpi catalog 列出全部模板)",
  old_format: "{file} 是旧格式(.xls/.et),请先在 Excel 或 WPS 中另存为 .xlsx",
  not_xlsx: "{file} 不是 .xlsx 文件:{reason}",
  strict: "{file} 是“严格 Open XML”格式,请在 Excel 中另存为普通的 Excel 工作簿(.xlsx)",
  macro_output: "{file} 含有宏(.xlsm),输出文件也必须是 .xlsm",
  no_sheet: "找不到工作表“{sheet}”。工作簿中的工作表:{sheets}",
  not_worksheet: "“{sheet}”不是普通工作表(图表工作表或对话框工作表)",
  table: "工作表“{sheet}”:表头第 {head} 行,数据第 {first}–{last} 行({n} 行){blank}{totals},姓名列 {name}",
  table_blank: ",其中空行 {rows}",
  table_totals: ",合计行 {row}",
  name_none: "无",
  name_headerless: "{col}(无表头)",
  mapping: "对应关系(模板 {template}):",
  col_column: "列",
  col_header: "表头",
  col_rule: "指标输入",
  col_kind: "方式",
  kind_manual: "指定",
  kind_exact: "名称",
  kind_alias: "别名",
  kind_synonym: "同义词(需确认)",
  kind_fuzzy: "相似 {score}(需确认)",
  unmapped: "未对应的指标:{names}",
  ignored: "未使用的列:{cols}",
  confirm: "以下对应需要确认。确认后加上这些参数重新运行:",
  confirm_command: "例如:",
  blocked_title: "无法写入:目标单元格不为空或位于合并区域中:",
  problems: "数据中的问题({n} 处):",
  warnings: "提示:",
  kept: "以下内容原样保留(只修改了这些部件:{parts}):{items}",
  written: "已写入 {file}:{sheet}!{range}({cols})",
  removed: "已写入 {file}:删除了 {n} 个单元格的内容,移除了已应用的标记",
  dry_run: "(--dry-run:未写入文件)",
  bad_map: "--map 需要 \"列名=指标\",而不是 \"{value}\"",
  unknown_column: "--map:找不到列“{column}”。表头有:{headers}",
  unknown_slot: "--map:模板“{template}”中没有指标“{rule}”。{suggest}",
  did_you_mean: "您是不是要找:{names}?",
  bad_at: "--at 需要列字母(如 P),而不是 {value}",
  bad_header_row: "--header-row 需要行号,而不是 {value}",
  override_list: "保留的手工修改:{cells}",
} as const;

type Key = keyof typeof zh;

const en = {
  usage: `Usage:
  kpi apply <in.xlsx> --template <template> [--sheet <sheet>] [--map "header=rule" …] [--formulas portable|addin]
            [--at <column>] [--header-row <row>] [--dry-run] [--json] [--lang zh|en] -o <out.xlsx>
  kpi apply <in.xlsx> --remove [--sheet <sheet>] -o <out.xlsx>
--map may repeat or be written "header=rule;header=rule"; a header is its text or column letter; a rule is an id,
name or alias, a further input rule.input (learning_growth.shared_cases), a self score rule@self; "header=-" ignores a column.`,
  need_file: "Name the .xlsx file to read",
  need_output: "Name the output file with -o (.xlsx)",
  need_template: "Name the template with --template. Closest by the headers: {names}",
  need_template_none: "Name the template with --template (kpi catalog lists them)",
  old_format: "{file} is an old format (.xls/.et): save it as .xlsx in Excel or WPS first",
  not_xlsx: "{file} is not an .xlsx file: {reason}",
  strict: "{file} is saved as Strict Open XML: save it as a normal Excel Workbook (.xlsx) first",
  macro_output: "{file} contains macros (.xlsm): the output must be .xlsm too",
  no_sheet: "No sheet \"{sheet}\". The workbook's sheets: {sheets}",
  not_worksheet: "\"{sheet}\" is not a worksheet (a chart or dialog sheet)",
  table: "Sheet \"{sheet}\": header {head}, data rows {first}–{last} ({n} rows){blank}{totals}, name column {name}",
  table_blank: ", blank rows {rows}",
  table_totals: ", totals row {row}",
  name_none: "none",
  name_headerless: "{col} (no header)",
  mapping: "Mapping (template {template}):",
  col_column: "Column",
  col_header: "Header",
  col_rule: "Rule input",
  col_kind: "Matched by",
  kind_manual: "--map",
  kind_exact: "name",
  kind_alias: "alias",
  kind_synonym: "synonym (confirm)",
  kind_fuzzy: "similar {score} (confirm)",
  unmapped: "Indicators without a column: {names}",
  ignored: "Columns not used: {cols}",
  confirm: "These matches need confirming. Run again with these arguments once they are right:",
  confirm_command: "For example:",
  blocked_title: "Cannot write: target cells are not empty or lie in merged areas:",
  problems: "Problems in the data ({n}):",
  warnings: "Notes:",
  kept: "Kept as they are (the only parts changed: {parts}): {items}",
  written: "Wrote {file}: {sheet}!{range} ({cols})",
  removed: "Wrote {file}: emptied {n} cells and removed the applied markers",
  dry_run: "(--dry-run: nothing written)",
  bad_map: "--map takes \"header=rule\", not \"{value}\"",
  unknown_column: "--map: no column \"{column}\". The headers are: {headers}",
  unknown_slot: "--map: template \"{template}\" has no rule \"{rule}\". {suggest}",
  did_you_mean: "Did you mean: {names}?",
  bad_at: "--at takes a column letter (such as P), not {value}",
  bad_header_row: "--header-row takes a row number, not {value}",
  override_list: "Changes made by hand, kept: {cells}",
} satisfies Record<Key, string>;

const TEXTS: Record<Lang, Record<Key, string>> = { zh, en };

function t(lang: Lang, key: Key, params: Record<string, string | number> = {}): string {
  return TEXTS[lang][key].replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** Every --map value, repeated or joined with ";" (the shared parser keeps only the last of a repeated option). */
export function mapValues(argv: string[]): string[] {
  const values: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--map" && i + 1 < argv.length) values.push(argv[++i]);
    else if (arg.startsWith("--map=")) values.push(arg.slice("--map=".length));
  }
  return values.flatMap((v) => v.split(/[;；]/)).map((v) => v.trim()).filter(Boolean);
}

function option(args: ParsedArgs, name: string, allowed?: string[]): string | undefined {
  const v = args.options.get(name);
  if (v === undefined) return undefined;
  if (typeof v !== "string") throw new UsageError(`${name} needs a value`);
  if (allowed && !allowed.includes(v)) throw new UsageError(`${name} takes ${allowed.join(" or ")}, not ${v}`);
  return v;
}

/** Resolves --map pairs to columns of the detected table: header text first, then a column letter. */
function resolveMaps(pairs: string[], detection: TableDetection, template: Template, lang: Lang): Map<number, string | null> {
  const manual = new Map<number, string | null>();
  for (const pair of pairs) {
    const eq = pair.lastIndexOf("=");
    if (eq <= 0) throw new UsageError(t(lang, "bad_map", { value: pair }));
    const column = pair.slice(0, eq).trim();
    const rule = pair.slice(eq + 1).trim();
    const key = normalizeHeader(column);
    const byHeader = detection.columns.filter((c) => normalizeHeader(headerText(c)) === key || normalizeHeader(c.leaf) === key);
    let col: number | undefined = byHeader[0]?.col;
    if (col === undefined && /^\$?[A-Za-z]{1,3}$/.test(column)) col = columnNumber(column.replace("$", ""));
    if (col === undefined) {
      const headers = detection.columns.filter((c) => c.path.length).map((c) => headerText(c)).join(lang === "zh" ? "、" : ", ");
      throw new UsageError(t(lang, "unknown_column", { column, headers }));
    }
    if (rule === "" || rule === "-") {
      manual.set(col, null);
      continue;
    }
    if (!findSlot(template, rule)) {
      const near = closest(rule, slotsOf(template), (s) => [s.ref, s.found.rule.name.zh, s.found.rule.name.en]).map((s) => s.ref);
      throw new UsageError(t(lang, "unknown_slot", { template: template.id, rule, suggest: near.length ? t(lang, "did_you_mean", { names: near.join(", ") }) : "" }).trim());
    }
    manual.set(col, rule);
  }
  return manual;
}

function describeTable(d: TableDetection, lang: Lang): string {
  const rows = d.header.top === d.header.bottom ? `${d.header.top}` : `${d.header.top}–${d.header.bottom}`;
  const head = lang === "zh" ? rows : `${d.header.top === d.header.bottom ? "row" : "rows"} ${rows}`;
  const name = d.nameColumn ? (d.nameColumn.headerless ? t(lang, "name_headerless", { col: columnLetter(d.nameColumn.col) }) : columnLetter(d.nameColumn.col)) : t(lang, "name_none");
  return t(lang, "table", {
    sheet: d.sheet,
    head,
    first: d.firstDataRow,
    last: d.lastDataRow,
    n: d.dataRows.length,
    blank: d.blankRows.length ? t(lang, "table_blank", { rows: d.blankRows.join(", ") }) : "",
    totals: d.totalsRow ? t(lang, "table_totals", { row: d.totalsRow }) : "",
    name,
  });
}

function slotName(match: ColumnMatch, lang: Lang): string {
  const { found, index, rater } = match.slot;
  const rule = found.rule;
  let text = rule.name[lang];
  if (index > 0) text += `·${rule.inputs[index].label[lang]}`;
  if (rater === "self") text += lang === "zh" ? "·自评" : " · self";
  return `${text} (${match.slot.ref})`;
}

function kindText(match: ColumnMatch, lang: Lang): string {
  return t(lang, `kind_${match.kind}` as Key, { score: match.score.toFixed(2) });
}

function quoteArg(s: string): string {
  return /^[A-Za-z0-9_./:=@-]+$/.test(s) ? s : `"${s.replace(/(["\\$`])/g, "\\$1")}"`;
}

function planSummary(plan: ApplyPlan, lang: Lang) {
  return {
    sheet: plan.sheet,
    refusals: plan.refusals.map((m) => applyText(lang, m)),
    blocked: plan.blocked,
    columns: plan.columns.map((c) => ({ ...c, column: columnLetter(c.col) })),
    rows: plan.rows,
    overrides: plan.overrides,
    warnings: plan.warnings.map((m) => applyText(lang, m)),
    problems: plan.problems.map((p) => ({ cell: p.cell, kind: p.kind, slot: p.slot, message: applyText(lang, p.message) })),
  };
}

export async function applyCommand(catalog: Catalog, argv: string[], lang: Lang, io: Io): Promise<number> {
  const args = parseArgs(argv, [...COMMON_VALUE_OPTIONS, ...APPLY_VALUE_OPTIONS], [...COMMON_FLAG_OPTIONS, ...APPLY_FLAG_OPTIONS]);
  if (args.options.has("--help") || args.options.has("-h")) {
    io.stdout(t(lang, "usage"));
    return 0;
  }
  const [file] = args.positional;
  if (!file) throw new UsageError(`${t(lang, "need_file")}\n${t(lang, "usage")}`);
  if (/\.(xls|et)$/i.test(file)) throw new UsageError(t(lang, "old_format", { file }));
  const json = args.options.has("--json");
  const dryRun = args.options.has("--dry-run");
  const out = option(args, "-o") ?? option(args, "--output");
  if (!out && !dryRun) throw new UsageError(t(lang, "need_output"));

  const { readPackage, packageFeatures, featureText, PackageError } = await import("../xlsx/package-check");
  const { executePlan, findSheet, readSheetGrid, workbookModel, writePackage } = await import("../xlsx/apply");
  let pkg;
  try {
    pkg = await readPackage(readFileSync(file));
  } catch (e) {
    if (e instanceof PackageError) throw new UsageError(e.code === "encrypted_or_xls" ? t(lang, "old_format", { file }) : t(lang, "not_xlsx", { file, reason: e.message }));
    throw e;
  }
  if (pkg.strict) throw new UsageError(t(lang, "strict", { file }));
  if (/macroEnabled/i.test(pkg.workbookContentType) && out && !/\.xlsm$/i.test(out)) throw new UsageError(t(lang, "macro_output", { file }));
  const sheetOption = option(args, "--sheet");
  const sheet = findSheet(pkg, sheetOption);
  if (!sheet) throw new UsageError(t(lang, "no_sheet", { sheet: sheetOption ?? "", sheets: pkg.sheets.map((s) => s.name).join(", ") }));
  if (sheet.kind !== "worksheet") throw new UsageError(t(lang, "not_worksheet", { sheet: sheet.name }));
  const grid = await readSheetGrid(pkg, sheet);
  const workbook = workbookModel(pkg);

  const finish = async (plan: ApplyPlan, done: () => string): Promise<number> => {
    if (dryRun || !out) {
      if (!json) io.stdout(t(lang, "dry_run"));
      return 0;
    }
    const result = await executePlan(pkg, sheet, plan);
    writeFileSync(out, await writePackage(pkg));
    for (const w of result.warnings) io.stderr(applyText(lang, w));
    if (!json) {
      io.stdout(done());
      const features = await packageFeatures(pkg);
      if (features.length) io.stderr(t(lang, "kept", { parts: result.changedParts.join(", "), items: features.map((f) => featureText(f, lang)).join("; ") }));
    }
    return 0;
  };

  if (args.options.has("--remove")) {
    const plan = planRemoval({ grid, workbook, catalog });
    if (json) io.stdout(JSON.stringify(planSummary(plan, lang), null, 2));
    for (const m of plan.refusals) io.stderr(applyText(lang, m));
    if (plan.refusals.length) return 1;
    if (!json) for (const w of plan.warnings) io.stderr(applyText(lang, w));
    if (!plan.clear.length && !plan.namesToRemove.length) return 0;
    return finish(plan, () => t(lang, "removed", { file: out!, n: plan.clear.length }));
  }

  const templateRef = option(args, "--template");
  const headerRowText = option(args, "--header-row");
  const headerRow = headerRowText === undefined ? undefined : Number(headerRowText);
  if (headerRow !== undefined && (!Number.isInteger(headerRow) || headerRow < 1)) throw new UsageError(t(lang, "bad_header_row", { value: headerRowText! }));
  if (!templateRef) {
    const fits = rankTemplates(catalog, detectTable(grid, { headerRow })).filter((f) => f.score > 0).slice(0, 3);
    throw new UsageError(fits.length ? t(lang, "need_template", { names: fits.map((f) => f.template.id).join(", ") }) : t(lang, "need_template_none"));
  }
  const template = catalog.findTemplate(templateRef);
  const formulas = (option(args, "--formulas", ["portable", "addin"]) ?? "portable") as "portable" | "addin";
  if (formulas === "addin") io.stderr(cliText(lang, "addin_experimental"));
  const atText = option(args, "--at");
  if (atText !== undefined && !/^[A-Za-z]{1,3}$/.test(atText)) throw new UsageError(t(lang, "bad_at", { value: atText }));
  const at = atText === undefined ? undefined : columnNumber(atText);
  const pairs = mapValues(argv);

  const { detection, mapping } = analyseSheet(grid, workbook, template, {
    headerRow,
    resolveManual: (d) => (pairs.length ? resolveMaps(pairs, d, template, lang) : undefined),
  });
  const print = (text: string) => {
    if (!json) io.stdout(text);
  };
  print(describeTable(detection, lang));
  if (!detection.roster) {
    const plan = planApply({ template, grid, workbook, detection, matches: [], formulas, lang });
    if (json) io.stdout(JSON.stringify({ detection: detectionJson(detection), ...planSummary(plan, lang) }, null, 2));
    for (const m of plan.refusals) io.stderr(applyText(lang, m));
    return 1;
  }

  const accepted = acceptedMatches(mapping, CONFIRM);
  const proposals = mapping.matches.filter((m) => CONFIRM.includes(m.kind));
  const rows = mapping.matches.map((m) => [columnLetter(m.col), m.header.replace(/\n/g, " "), slotName(m, lang), kindText(m, lang)]);
  print(t(lang, "mapping", { template: `${template.name[lang]} (${template.id})` }));
  if (rows.length) print(renderTable([t(lang, "col_column"), t(lang, "col_header"), t(lang, "col_rule"), t(lang, "col_kind")], rows));
  // Rules without any column, proposals included (those are listed above, to confirm).
  const cover = coverage(template, mapping.matches);
  const sep = lang === "zh" ? "、" : ", ";
  const unmapped = [...cover.missingIndicators, ...cover.missingAdjustments];
  if (unmapped.length) print(t(lang, "unmapped", { names: unmapped.map((f) => f.rule.name[lang]).join(sep) }));
  const unused = mapping.ignored.filter((i) => i.reason === "unmatched" || i.reason === "taken");
  if (unused.length) print(t(lang, "ignored", { cols: unused.map((i) => `${columnLetter(i.col)} ${i.header.replace(/\n/g, " ")}`).join(sep) }));

  if (proposals.length) {
    const proposed = proposals.map((m) => mapArgument(m, detection));
    const maps = [...accepted.filter((m) => m.kind === "manual").map((m) => mapArgument(m, detection)), ...proposed];
    if (json) io.stdout(JSON.stringify({ detection: detectionJson(detection), mapping: mappingJson(mapping.matches), proposals: proposed }, null, 2));
    else {
      io.stdout(t(lang, "confirm"));
      proposals.forEach((m, i) => io.stdout(`  --map ${quoteArg(proposed[i])}    # ${kindText(m, lang)}`));
      const command = ["kpi", "apply", file, "--sheet", sheet.name, "--template", template.id, ...maps.flatMap((m) => ["--map", m]), ...(formulas !== "portable" ? ["--formulas", formulas] : []), "-o", out ?? "out.xlsx"];
      io.stdout(`${t(lang, "confirm_command")}\n  ${command.map(quoteArg).join(" ")}`);
    }
    return 2;
  }

  const plan = planApply({ template, grid, workbook, detection, matches: accepted, formulas, lang, at, protectRules: !args.options.has("--no-protect") });
  if (json) io.stdout(JSON.stringify({ detection: detectionJson(detection), mapping: mappingJson(mapping.matches), ...planSummary(plan, lang) }, null, 2));
  for (const m of plan.refusals) io.stderr(applyText(lang, m));
  if (plan.refusals.length) return 1;
  if (plan.blocked.length) {
    if (!json) {
      io.stderr(t(lang, "blocked_title"));
      for (const b of plan.blocked) io.stderr(`  ${applyText(lang, { key: `blocked_${b.reason}`, params: { cell: b.cell, value: b.detail ?? "", area: b.detail ?? "" } })}`);
    }
    return 1;
  }
  if (!json) {
    if (plan.problems.length) {
      io.stderr(t(lang, "problems", { n: plan.problems.length }));
      for (const p of plan.problems) io.stderr(`  ${p.cell}  ${applyText(lang, p.message)}`);
    }
    if (plan.warnings.length) {
      io.stderr(t(lang, "warnings"));
      for (const w of plan.warnings) io.stderr(`  ${applyText(lang, w)}`);
    }
  }
  const left = plan.columns[0].col;
  const right = plan.columns[plan.columns.length - 1].col;
  const range = `${a1(plan.rows!.headTop, left)}:${a1(plan.rows!.last, right)}`;
  const headers = plan.cells.filter((c) => c.row === plan.rows!.headTop && c.value !== undefined).map((c) => String(c.value));
  return finish(plan, () => t(lang, "written", { file: out!, sheet: sheet.name, range, cols: headers.join(sep) }));
}

function detectionJson(d: TableDetection) {
  return {
    sheet: d.sheet,
    header: d.header,
    dataRows: { first: d.firstDataRow, last: d.lastDataRow, count: d.dataRows.length, blank: d.blankRows, totals: d.totalsRow ?? null },
    nameColumn: d.nameColumn ? { column: columnLetter(d.nameColumn.col), headerless: d.nameColumn.headerless } : null,
    roster: d.roster,
    notRoster: d.notRoster ?? null,
  };
}

function mappingJson(matches: ColumnMatch[]) {
  return matches.map((m) => ({ column: columnLetter(m.col), header: m.header, slot: m.slot.ref, kind: m.kind, score: m.score }));
}
