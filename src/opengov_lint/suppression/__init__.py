"""What the user chose not to see: inline and configured suppressions, baselines."""
