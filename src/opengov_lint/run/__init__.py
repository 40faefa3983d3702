"""The batch: sources (files, folders, lists, URLs), the per-file worker, executors (local, Dask)."""
