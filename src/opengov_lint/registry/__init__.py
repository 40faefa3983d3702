"""The rules a run can use: built-in rules, rule packs, plugins, and their documentation."""
