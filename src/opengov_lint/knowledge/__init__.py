"""The declarative catalogue (top-level rules/ YAML: layouts, law, vocabulary, profile) and its cache."""
