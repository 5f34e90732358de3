// The pane's language, handed down through a React context with the text function for it.
import { createContext, useContext, useMemo, type ReactNode } from "react";
import type { Lang } from "../catalog/types";
import { uiText, type MessageParams, type UiKey } from "./messages";

export interface PaneText {
  lang: Lang;
  t(key: UiKey, params?: MessageParams): string;
  /** What follows a label: ":" in Chinese (the code base's NFKC-folded full-width colon), ": " in English. */
  colon: string;
}

const colonOf = (lang: Lang) => (lang === "zh" ? ":" : ": ");

const LangContext = createContext<PaneText>({
  lang: "zh",
  t: (key, params) => uiText("zh", key, params),
  colon: colonOf("zh"),
});

export function LangProvider({ lang, children }: { lang: Lang; children: ReactNode }) {
  const value = useMemo<PaneText>(
    () => ({ lang, t: (key, params) => uiText(lang, key, params), colon: colonOf(lang) }),
    [lang],
  );
  return <LangContext.Provider value={value}>{children}</LangContext.Provider>;
}

/** The pane's language and its texts. */
export function useText(): PaneText {
  return useContext(LangContext);
}
