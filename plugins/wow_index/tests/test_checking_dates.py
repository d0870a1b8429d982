"""The source check's date test answers as Pelican's reader would.

Plain ISO dates take a fast path (``datetime.fromisoformat``); everything
else goes to Pelican's own ``get_date``. Both must agree on every value.
"""

from __future__ import annotations

import pytest
from pelican.plugins.wow_index.checking import _is_date
from pelican.utils import get_date

VALUES = [
    "2024-01-05",
    "2024-01-05 10:30",
    "2024-01-05T10:30",
    "2024-01-05 10:30:59",
    " 2024-01-05 ",
    "2024-02-29",
    "2023-02-29",
    "2024-02-30",
    "2024-13-01",
    "2024-00-10",
    "2024-01-05 25:00",
    "2024-01-05 10:61",
    "2024-W01-1",
    "20240105",
    "5 January 2024",
    "January 5, 2024 10:30",
    "2024/01/05",
    "31/31/31",
    "someday",
    "",
    "2024-01-05  10:30",
]


def _pelican_reads(value: str) -> bool:
    try:
        get_date(value)
    except ValueError:
        return False
    return True


@pytest.mark.parametrize("value", VALUES)
def test_is_date_agrees_with_pelican(value):
    assert _is_date(value) is _pelican_reads(value)
