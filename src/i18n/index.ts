import type { Lang } from "../catalog/types";
import type { MessageKey } from "./keys";
import { en } from "./messages.en";
import { zh } from "./messages.zh";

export type { MessageKey } from "./keys";
export type MessageParams = Record<string, string | number>;

const MESSAGES: Record<Lang, Record<MessageKey, string>> = { zh, en };

/** The message for `key` in `lang`, with `{name}` placeholders filled from `params`. */
export function formatMessage(lang: Lang, key: MessageKey, params: MessageParams = {}): string {
  return MESSAGES[lang][key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** zh for any Chinese display language (zh-CN, zh-TW …), en otherwise. */
export function langFromLocale(locale: string | null | undefined): Lang {
  return locale && locale.toLowerCase().startsWith("zh") ? "zh" : "en";
}
