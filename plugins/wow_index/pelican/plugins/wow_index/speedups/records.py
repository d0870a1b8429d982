"""What a piece of speculative work logged: the signal to leave it to Pelican.

A Markdown worker's conversion and the forked copy's page are both work done
ahead of Pelican's own serial run, and both are thrown away as soon as doing
them logged a warning (or worse), so that Pelican does the work again where
a serial build does it and tells what it tells there, once. This handler
collects those records, and counts Python warnings shown meanwhile.
"""

from __future__ import annotations

import logging
from typing import Any

__all__ = ["LoggedWarnings"]


class LoggedWarnings(logging.Handler):
    """Keeps every record logged at WARNING or above while attached."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[logging.LogRecord] = []
        self.python_warnings = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)

    def showwarning(self, *args: Any, **kwargs: Any) -> None:
        """Stands in for :func:`warnings.showwarning`: counts, shows nothing."""
        self.python_warnings += 1

    def noted(self) -> bool:
        """Whether anything was logged or warned."""
        return bool(self.records) or self.python_warnings > 0
