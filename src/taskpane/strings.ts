// The task pane's texts in Chinese and English: the same keys in both, checked by the compiler. Placeholders in
// braces are filled by `paneText`.
import type { Lang } from "../catalog/types";

/** Where the pane keeps the user's language choice in OfficeRuntime.storage (per user, never in the document). */
export const LANGUAGE_STORAGE_KEY = "kpi.language";

export const PANE_KEYS = ["product_name", "template_count", "indicator_count", "pane_failed"] as const;

export type PaneKey = (typeof PANE_KEYS)[number];

const zh = {
  product_name: "绩效考核助手 / KPI Scorecards",
  template_count: "内置 {count} 个考核模板。",
  indicator_count: "{count} 项指标",
  pane_failed: "任务窗格加载失败:{detail}。=KPI.* 函数不受影响。",
} satisfies Record<PaneKey, string>;

const en = {
  product_name: "绩效考核助手 / KPI Scorecards",
  template_count: "{count} built-in assessment templates.",
  indicator_count: "{count} indicators",
  pane_failed: "The task pane failed to load: {detail}. The =KPI.* functions still work.",
} satisfies Record<PaneKey, string>;

const TEXTS: Record<Lang, Record<PaneKey, string>> = { zh, en };

/** The pane text for `key` in `lang`, with `{name}` placeholders filled from `params`. */
export function paneText(lang: Lang, key: PaneKey, params: Record<string, string | number> = {}): string {
  return TEXTS[lang][key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}
