"""No Python traceback for a writer unless they ask for one.

Pelican logs whatever stops a build with its traceback, even without
``--debug``: a strict build that fails on a content problem, or a story
that breaks a template, shows the writer forty lines of Python under the
message that matters. :class:`QuietTracebacks` keeps the message (the
exception's name and text, which for the plugin's own errors name the file,
line and field) and drops the traceback, with a pointer to ``--debug``,
which shows it as before.
"""

from __future__ import annotations

import logging

from .problems import WowContentError

__all__ = ["QuietTracebacks", "quiet_tracebacks"]

_HINT = " (run pelican with --debug to see where it happened)"


class QuietTracebacks(logging.Filter):
    """Drops the traceback of a critical record unless debug logging is on."""

    def filter(self, record: logging.LogRecord) -> bool:
        if (
            record.exc_info
            and record.levelno >= logging.CRITICAL
            and not logging.getLogger(record.name).isEnabledFor(logging.DEBUG)
        ):
            error = record.exc_info[1]
            record.exc_info = None
            record.exc_text = None
            if not isinstance(error, WowContentError):  # that one says it all
                record.msg = f"{record.msg}{_HINT}"
        return True


def quiet_tracebacks(name: str = "pelican") -> None:
    """Put one :class:`QuietTracebacks` on the logger Pelican reports a
    failed build through (once per process, however many builds run)."""
    logger = logging.getLogger(name)
    if not any(isinstance(f, QuietTracebacks) for f in logger.filters):
        logger.addFilter(QuietTracebacks())
