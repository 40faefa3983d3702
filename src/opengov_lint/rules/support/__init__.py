"""What rule modules share, one module per family:

- `template`: the template's words for tables, rows, columns and sections; iterating a report's cells;
- `locations`: where a finding stands (a cell, a paragraph, a heading, a citation) and reading diagnostics as hits;
- `numbers`: a table value (int or Decimal) as a plain number for messages and evidence;
- `arithmetic`: the one checker of sums, used by the built-in relations (OG301-OG304) and the packs' `sum` kind;
- `text`: the running text as units, its text index (recognise.textindex: citations, period, counts…
  found once per report), and the per-report memo the rules share;
- `readings`: what the tables say for a count the text states (OG503/OG504);
- `citations`: the citations of the running text and how they name the 条例;
- `dates`: the report's own date.

`opengov_lint.rules._helpers` re-exports all of them for plugins written against it."""
