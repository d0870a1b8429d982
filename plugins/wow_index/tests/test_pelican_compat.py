"""Every private name of Pelican's the plugin uses is there, as expected, in
the running Pelican (the suite runs this with the newest Pelican, and with
the oldest supported one through tests/plugin/test_compat.py); a mismatch
turns the speed-ups off with one warning."""

from __future__ import annotations

import logging

import pelican
import pytest
from pelican.plugins.wow_index import pelican_compat
from pelican.plugins.wow_index.pelican_compat import RELIED_ON, Reliance


@pytest.mark.parametrize("reliance", RELIED_ON, ids=lambda r: r.what)
def test_each_private_name_relied_on_is_there(reliance):
    assert reliance.check(), f"Pelican {pelican.__version__}: {reliance.what}"


def test_nothing_is_missing_so_the_speedups_run():
    assert pelican_compat.mismatches() == []
    assert pelican_compat.speedups_enabled({"WOW_SPEEDUPS": True})


def test_the_speedups_are_off_unless_asked_for():
    assert not pelican_compat.speedups_enabled({})
    assert not pelican_compat.speedups_enabled({"WOW_SPEEDUPS": False})


def test_a_mismatch_turns_the_speedups_off_with_one_warning(monkeypatch, caplog):
    gone = Reliance("pelican.writers.Writer._gone()", lambda: False)
    monkeypatch.setattr(pelican_compat, "RELIED_ON", (*RELIED_ON, gone))
    pelican_compat._missing_for_speedups.cache_clear()
    try:
        with caplog.at_level(logging.WARNING):
            assert not pelican_compat.speedups_enabled(
                {"WOW_SPEEDUPS": True}, warn=True
            )
            assert not pelican_compat.speedups_enabled({"WOW_SPEEDUPS": True})
    finally:
        pelican_compat._missing_for_speedups.cache_clear()
    (record,) = caplog.records
    assert f"Pelican {pelican.__version__}" in record.getMessage()
    assert "Writer._gone()" in record.getMessage()
    assert "WOW_SPEEDUPS is off" in record.getMessage()


def test_a_check_that_raises_counts_as_missing(monkeypatch):
    def broken() -> bool:
        raise AttributeError("renamed")

    monkeypatch.setattr(pelican_compat, "RELIED_ON", (Reliance("x", broken),))
    assert pelican_compat.mismatches() == ["x"]
    assert pelican_compat.mismatches(speedups=False) == []
