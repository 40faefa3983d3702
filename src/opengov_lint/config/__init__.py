"""Settings: config files and their schemas, option merging, path globs."""
