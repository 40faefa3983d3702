"""opengov-lint: a compliance linter for 政府信息公开工作年度报告 (government information-disclosure
annual reports). Import nothing heavy here: `opengov-lint --version` must start in well under 0.1 s."""

__version__ = "0.1.0"
