"""The WoW pages: the generator, its templates and layout, and the checks and
repairs that keep a build whole (sanitising, recovery, translations)."""
