"""Check code: one small module per rule. The order here is the registry order.

A rule module has a docstring (what / why with its legal or template basis / a failing and a passing
example / how to fix) and the constants CODE, NAME, SEVERITY, TEMPLATES, MESSAGES, optionally an
`Options` dataclass, and `check(report, options) -> Iterator[Hit]`. Rules are pure: no I/O, no
printing, no configuration, no severity decisions beyond what RULES.md states per hit."""

RULE_MODULES = [
    "og101_section_missing",
    "og102_section_out_of_order",
    "og103_section_numbering",
    "og104_section_title_variant",
    "og105_subheading_numbering",
    "og106_section_empty",
    "og107_table_missing",
    "og108_outdated_template",
    "og109_table_row_missing",
    "og110_table_column_missing",
    "og111_table_label_variant",
    "og112_report_title",
    "og113_part_count_mismatch",
    "og201_cell_blank",
    "og202_cell_placeholder",
    "og203_cell_not_a_number",
    "og204_cell_negative",
    "og205_cell_not_integer",
    "og206_cell_unit",
    "og207_cell_annotated",
    "og208_cell_fullwidth",
    "og301_requests_row_total",
    "og302_requests_results_total",
    "og303_requests_balance",
    "og304_review_litigation_total",
    "og601_carryover_mismatch",
    "og602_in_force_chain",
    "og603_copied_from_previous_year",
    "og604_aggregate_mismatch",
    "og605_duplicate_report",
    "og901_file_unreadable",
    "og902_table_unrecognised",
    "og903_text_extraction_degraded",
    "og904_unused_suppression",
    "og905_suppression_invalid",
    "og999_rule_crashed",
]
