"""The plugin README is part of the product: its settings table must be true."""

import re
from pathlib import Path

from pelican.plugins.wow_index.settings import SCHEMA

README = (Path(__file__).parents[1] / "README.md").read_text(encoding="utf-8")


def test_every_setting_is_documented_with_its_default():
    rows = dict(re.findall(r"^\| `(WOW_[A-Z_]+)` \| [^|]+ \| ([^|]+) \|", README, re.M))
    assert set(rows) == {s.name for s in SCHEMA}
    for setting in SCHEMA:
        if isinstance(setting.default, str | int | type(None)):
            assert rows[setting.name].strip() == f"`{setting.default!r}`", setting.name


def test_every_setting_row_gives_the_schemas_meaning():
    row = r"^\| `(WOW_[A-Z_]+)` \|[^|]+\|[^|]+\| ([^|]+) \|$"
    rows = dict(re.findall(row, README, re.M))
    for setting in SCHEMA:
        assert rows[setting.name] == setting.doc, setting.name
