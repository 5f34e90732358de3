// Labels of rule-table parts on the rules sheet (authoring/sheet half only).
import type { Text } from "../../../catalog/types";

/** Labels of rule-table parts on the rules sheet. */
export const PART_LABELS = {
  bound: { zh: "界限", en: "Bound" },
  cmp: { zh: "达到界限", en: "Bound reached at" },
  points: { zh: "分值", en: "Points" },
  op1: { zh: "条件一比较", en: "Condition 1" },
  v1: { zh: "条件一界限", en: "Condition 1 bound" },
  op2: { zh: "条件二比较", en: "Condition 2" },
  v2: { zh: "条件二界限", en: "Condition 2 bound" },
  both: { zh: "两项均达标", en: "Both met" },
  first_only: { zh: "仅条件一达标", en: "Only condition 1 met" },
  second_only: { zh: "仅条件二达标", en: "Only condition 2 met" },
  neither: { zh: "均未达标", en: "Neither met" },
  full: { zh: "满分", en: "Full marks" },
  per: { zh: "每次分值", en: "Points per occurrence" },
  floor: { zh: "最低分", en: "Floor" },
  cap: { zh: "上限", en: "Cap" },
  min_amount: { zh: "酌情最少", en: "Least amount" },
  max_amount: { zh: "酌情最多", en: "Most amount" },
  code: { zh: "等级", en: "Level" },
  min_score: { zh: "最低分", en: "Lowest score" },
  max_score: { zh: "最高分", en: "Highest score" },
  descriptor: { zh: "行为描述", en: "Descriptor" },
  yes: { zh: "是", en: "Yes" },
  no: { zh: "否", en: "No" },
  zero_if: { zh: "超过即为0分", en: "Zero beyond" },
} satisfies Record<string, Text>;
