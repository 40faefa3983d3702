"""The canonical structured report (CONTRACT.md): its YAML/JSON reader and writer, side by side."""
