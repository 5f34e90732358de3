// Every user-facing message has a key; each language module must define all of them (checked by the compiler).
export const MESSAGE_KEYS = [
  "unknown_template", "unknown_rule", "ambiguous_rule", "did_you_mean", "no_suggestion", "in_template",
  "not_a_number", "looks_like_percent", "out_of_range", "below_min", "not_whole", "negative_count", "not_yes_no",
  "level_not_found", "level_code_unknown", "discretionary_range", "wrong_input_count", "template_invalid",
  "no_grade_scale", "total_not_number", "blank",
  "measure_rate", "measure_ratio", "measure_points", "measure_count", "measure_yes_no", "measure_level", "measure_amount",
  "explain_blank", "explain_band", "explain_band_inferred", "explain_two", "explain_met", "explain_not_met",
  "explain_deduction", "explain_floor", "explain_per_occurrence", "explain_cap", "explain_discretionary",
  "verb_deduct", "verb_add", "explain_level", "explain_level_picked", "explain_free", "explain_yes_no",
  "answer_yes", "answer_no", "explain_veto", "veto_effect", "explain_combined", "explain_zero_if", "explain_clamp",
  "range_to", "range_below", "per_occurrence_suffix", "grade_line", "warning_blank_zero",
  "not_a_band_rule", "weight_range", "table_shape", "table_no_band", "table_direction", "total_length", "blank_points_entry", "rules_header_rule", "rules_header_name", "rules_header_rater", "rules_header_input", "rules_header_points", "rater_supervisor", "rater_self", "unexpected_error", "no_default_template", "not_text",
  "not_a_number_plain", "result_out_of_range",
] as const;

export type MessageKey = (typeof MESSAGE_KEYS)[number];
