// One theme for generated sheets, shared by both writers. Colours are ARGB hex as both Excel APIs take them.
import type { StyleName } from "./plan";

export const FONT = "等线";

export interface ThemeStyle {
  bold?: boolean;
  size?: number;
  color?: string;
  fill?: string;
  border?: boolean;
  align?: "left" | "center" | "right";
  /** Unlocked cells stay editable on a protected sheet. */
  locked: boolean;
}

export const THEME: Record<StyleName, ThemeStyle> = {
  title: { bold: true, size: 16, color: "FF1F3864", align: "center", locked: true },
  subtitle: { bold: true, size: 12, color: "FF1F3864", locked: true },
  header: { bold: true, color: "FFFFFFFF", fill: "FF2F5597", border: true, align: "center", locked: true },
  label: { bold: true, fill: "FFF2F2F2", border: true, locked: true },
  text: { border: true, locked: false, fill: "FFFFF2CC" },
  input: { border: true, fill: "FFFFF2CC", locked: false },
  score: { border: true, locked: true },
  total: { bold: true, border: true, fill: "FFDDEBF7", locked: true },
  section: { bold: true, fill: "FFD9E1F2", border: true, locked: true },
  note: { color: "FF595959", locked: true },
  rule_header: { bold: true, fill: "FFD9E1F2", border: true, align: "center", locked: true },
  rule_cell: { border: true, locked: true },
  rule_input: { border: true, fill: "FFFFF2CC", locked: false },
};

/** Conditional formats: fill colours. */
export const FORMAT_FILLS = {
  invalid: "FFFFC7CE",
  grade_top: "FFC6EFCE",
  grade_bottom: "FFFFC7CE",
} as const;
