"""The batch: sources (files, folders, lists, URLs), the per-file worker, executors (local, Dask)."""

# Exit codes of a run (CONTRACT.md), defined once for the command line and the batch.
EXIT_OK, EXIT_FINDINGS, EXIT_USAGE, EXIT_INTERRUPTED, EXIT_TERMINATED = 0, 1, 2, 130, 143
