"""The plugin's command line (``python -m pelican.plugins.wow_index``) and the
writer's tools behind it: new stories, imports, statistics."""

from .main import main

__all__ = ["main"]
