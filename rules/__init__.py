"""Declarative knowledge of opengov-lint (YAML only): template layouts, sections, cell vocabulary,
profiles and the law catalogue. Domain experts edit these files; no Python lives here."""
