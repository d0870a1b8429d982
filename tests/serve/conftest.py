from servesite import served_site  # noqa: F401  (the fixture)
