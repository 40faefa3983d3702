"""`opengov-lint serve`: a local web page and a JSON API for people who never open a terminal.

Optional (the `web` extra: Starlette, uvicorn, python-multipart); the command line never imports it."""
