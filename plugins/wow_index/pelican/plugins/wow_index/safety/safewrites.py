"""One story that cannot be written does not stop the others.

Pelican writes every story and page in one loop: an exception while one of
them renders or is written (a theme template that fails on its metadata, a
file the system refuses) stops the build there, the stories after it
unwritten. :func:`guard_writes` hands each of Pelican's article and page
generators a :class:`ContentWrites` in place of its Writer (on the
generator instance, Pelican's class is left alone): a story's page that
fails is reported with its file and what to do, left out, and the rest is
written. Listings, feeds and other pages go straight to the Writer, as
before. With ``WOW_STRICT`` the build fails at its end on any of them
(:func:`failed_writes`).
"""

from __future__ import annotations

import logging
from typing import Any

from ..problems import Problem, display_path

__all__ = ["FAILED_KEY", "ContentWrites", "failed_writes", "guard_writes"]

logger = logging.getLogger(__name__)

# Stories whose page could not be written, in the build's shared context:
# source path -> message (plain text, like anything else kept there).
FAILED_KEY = "wow_failed_writes"


def write_problem(content: Any, error: BaseException) -> Problem:
    """What to tell the writer about a story whose page failed."""
    text = str(error).splitlines()[0] if str(error) else ""
    reason = f"{type(error).__name__}: {text}"[:300]
    return Problem(
        display_path(getattr(content, "source_path", None)),
        "file",
        f"its page could not be written ({reason}); it was left out and the "
        "rest of the site written: check the story's metadata and Template, "
        "or run pelican with --debug to see where it failed",
    )


class ContentWrites:
    """Pelican's Writer, for one generator: a story's or page's own page
    that fails is reported and left out; everything else is the Writer's."""

    __slots__ = ("_site_context", "_writer")

    def __init__(self, writer: Any, context: dict[str, Any]) -> None:
        self._writer = writer
        self._site_context = context

    def __getattr__(self, name: str) -> Any:
        return getattr(self._writer, name)

    def write_file(
        self, name: str, template: Any, context: Any, *args: Any, **kwargs: Any
    ) -> Any:
        content = kwargs.get("article") or kwargs.get("page")
        if content is None:
            return self._writer.write_file(name, template, context, *args, **kwargs)
        try:
            return self._writer.write_file(name, template, context, *args, **kwargs)
        except Exception as error:
            problem = write_problem(content, error)
            logger.error("%s", problem.format())
            failed = self._site_context.setdefault(FAILED_KEY, {})
            failed[problem.path] = problem.message
            return None


def guard_writes(generator: Any) -> None:
    """Give ``generator`` (Pelican's article or page generator, as it is made)
    a ``generate_output`` that writes through :class:`ContentWrites`."""
    original = getattr(generator, "generate_output", None)
    context = getattr(generator, "context", None)
    if not callable(original) or not isinstance(context, dict):
        return

    def generate_output(writer: Any) -> Any:
        return original(ContentWrites(writer, context))

    generator.generate_output = generate_output


def failed_writes(context: dict[str, Any]) -> list[Problem]:
    """The stories of this build whose page could not be written."""
    failed = context.get(FAILED_KEY) or {}
    return [Problem(path, "file", failed[path]) for path in sorted(failed)]
