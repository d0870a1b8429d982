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

from ..problems import WowContentError

__all__ = ["QuietTracebacks", "quiet_tracebacks", "template_location"]

_HINT = " (run pelican with --debug to see where it happened)"


def template_location(error: BaseException | None) -> str:
    """`` (in TEMPLATE, line N)`` when ``error`` came from a template (a
    syntax error, or one raised while it rendered), else ''. That is the
    part of a traceback a theme's author needs."""
    name = getattr(error, "filename", None) or getattr(error, "name", None)
    line = getattr(error, "lineno", None)
    if isinstance(name, str) and isinstance(line, int) and not name.endswith(".py"):
        return f" (in {name}, line {line})"
    found = ""
    trace = getattr(error, "__traceback__", None)
    while trace is not None:
        filename = trace.tb_frame.f_code.co_filename
        if not filename.endswith(".py") and not filename.startswith("<"):
            found = f" (in {filename}, line {trace.tb_lineno})"
        trace = trace.tb_next
    return found


class QuietTracebacks(logging.Filter):
    """Drops the traceback of a critical record unless debug logging is on."""

    def filter(self, record: logging.LogRecord) -> bool:
        if (
            record.exc_info
            and record.levelno >= logging.CRITICAL
            and not logging.getLogger(record.name).isEnabledFor(logging.DEBUG)
        ):
            error = record.exc_info[1]
            where = template_location(error)
            record.exc_info = None
            record.exc_text = None
            if not isinstance(error, WowContentError):  # that one says it all
                record.msg = f"{record.msg}{where}{_HINT}"
        return True


def quiet_tracebacks(name: str = "pelican") -> None:
    """Put one :class:`QuietTracebacks` on the logger Pelican reports a
    failed build through (once per process, however many builds run)."""
    logger = logging.getLogger(name)
    if not any(isinstance(f, QuietTracebacks) for f in logger.filters):
        logger.addFilter(QuietTracebacks())
