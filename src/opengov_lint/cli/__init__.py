"""The command line: thin commands that parse options, build settings and call run/ or authoring/."""
