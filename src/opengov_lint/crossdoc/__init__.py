"""Across documents: per-report summaries for the OG6xx rules, and aggregation of units' tables."""
