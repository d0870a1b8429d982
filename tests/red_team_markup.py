"""The red-team corpus for what happens after a story is cleaned.

``fixtures/red_team_markup/content`` attacks what the sanitiser cannot see
when it reads a file: Pelican's link placeholders (``{filename}``,
``{static}``, ``{attach}``, ``{tag}``, ``{category}``, ``{author}``,
``{index}``, unknown ones, the ``|filename|`` form), rewritten when pages and
feeds are rendered, with targets named with ``&``, ``"``, ``'``, ``<`` and
spaces whose query or fragment breaks out into a ``<meta http-equiv=refresh>``,
a ``<script src>``, an event handler or a ``data-pagefind-filter``; targets
that are ``javascript:`` or another host; search attributes written in a
story; and static files a browser would run (``.html``, ``.js``, SVGs with
script, handlers, outside references or entities).

:data:`CASES` says, for each, where it is published (or that it is not) and
what the build and ``check`` must tell the writer. Payloads all say
"hostile", so :func:`hostile.findings` recognises them if they get through.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sitebuild import FIXTURES, Build, build_like_the_site

CONTENT = FIXTURES / "red_team_markup" / "content"
ALLOWED = ["images/allowed-demo.html"]
ABSOLUTE = {"SITEURL": "https://blog.example", "RELATIVE_URLS": False}


@dataclass(frozen=True)
class Case:
    """One attack. ``page``: where its story is published (None for a static
    file); ``message``: what the build and ``check`` say (None when the
    link is made, escaped); ``text``: words the reader still sees."""

    name: str
    source: str
    page: str | None
    message: str | None = None
    line: int | None = None
    text: str = ""
    # The link is safe either way; whether it is made depends on how the
    # target's own URL setting is handled, so a message is not required.
    either: bool = False


_NOT_A_PATH = "the target is not a path in this site"
_STATIC_ACTIVE = "a browser runs a {} file as a page or script of the site"
CASES: tuple[Case, ...] = (
    Case(
        "filename-ampersand-query-redirect",
        "stories/redirect-query.md",
        "stories/redirect-through-a-query/",
        text="next call never came",
    ),
    Case(
        "filename-ampersand-fragment-script",
        "stories/script-fragment.md",
        "stories/script-through-a-fragment/",
        text="The second call was a recording",
    ),
    Case(
        "filename-double-quote-handler-and-pagefind-filter",
        "stories/handler-double-quote.md",
        "stories/handler-through-a-double-quote/",
        text="The reply came a week later",
    ),
    Case(
        "filename-single-quote-autofocus-handler",
        "stories/handler-single-quote.md",
        "stories/handler-through-a-single-quote/",
        text="The form forgot my address",
    ),
    Case(
        "filename-less-than-element",
        "stories/element-less-than.md",
        "stories/element-through-a-less-than-sign/",
        text="The app logged me out twice",
    ),
    Case(
        "static-ampersand-image-handler",
        "stories/static-ampersand.md",
        "stories/static-image-with-an-ampersand/",
    ),
    Case(
        "attach-ampersand-image-handler",
        "stories/attach-handler.md",
        "stories/attached-image-with-a-handler/",
    ),
    Case(
        "tag-javascript",
        "stories/tag-javascript.md",
        "stories/tag-link-with-a-script-url/",
        _NOT_A_PATH,
        6,
        "See the thread for the rest",
    ),
    Case(
        "category-attribute-breakout",
        "stories/category-breakout.md",
        "stories/category-link-that-breaks-out/",
        "no category 'stories\" onmouseover=\"hostile(9)' in the site",
        6,
        "Other deliveries went the same way",
    ),
    Case(
        "author-javascript",
        "stories/author-javascript.md",
        "stories/author-link-with-a-script-url/",
        _NOT_A_PATH,
        6,
        "Written up by the agent",
    ),
    Case(
        "index-query-redirect",
        "stories/index-redirect.md",
        "stories/index-link-with-a-redirect/",
        text="Back to the start",
    ),
    Case(
        "unknown-placeholder-javascript",
        "stories/unknown-placeholder.md",
        "stories/unknown-placeholder-with-a-script-url/",
        "unknown link kind {anything}",
        6,
        "The bill was wrong again",
    ),
    Case(
        "filename-javascript",
        "stories/filename-javascript.md",
        "stories/filename-placeholder-with-a-script-url/",
        _NOT_A_PATH,
        6,
        "The receipt never arrived",
    ),
    Case(
        "pipe-placeholder-other-host",
        "stories/pipe-host.md",
        "stories/pipe-placeholder-with-a-host/",
        _NOT_A_PATH,
        6,
        "The returns page moved",
    ),
    Case(
        "placeholder-inside-a-title-attribute",
        "stories/title-attribute.md",
        "stories/placeholder-text-inside-a-title/",
        text="SLA was missed",
    ),
    Case(
        "summary-ampersand-redirect",
        "stories/summary-redirect.md",
        "stories/summary-that-redirects/",
        text="The tracking page said delivered",
    ),
    Case(
        "pagefind-attributes-in-content",
        "stories/pagefind-attributes.md",
        "stories/search-filters-from-content/",
        "removed data-pagefind-filter=, data-pagefind-meta=",
        None,
        "A kettle that boils in a minute",
    ),
    Case(
        "static-link-to-refused-svg",
        "stories/static-svg-link.md",
        "stories/link-to-a-refused-svg/",
        "no such file in the site (or it is not published)",
        6,
        "The manual was a single drawing",
    ),
    Case(
        "filename-target-with-a-javascript-url",
        "stories/link-to-script-url.md",
        "stories/link-to-the-story-with-a-script-url/",
        text="The earlier chat ended the same way",
        either=True,
    ),
    Case(
        "meta-refresh-in-text",
        "stories/meta-refresh.md",
        "stories/refresh-written-directly/",
        "removed <meta>",
        None,
        "Hold music, again",
    ),
    Case(
        "page-link-to-a-missing-file",
        "pages/about.md",
        "about-the-red-team/",
        "link '{filename}missing.md' not made: no such file",
        3,
        "A page linking a story and nothing",
    ),
    Case(
        "svg-script",
        "images/hostile-script.svg",
        None,
        "SVG not published: it holds <script>",
    ),
    Case("svg-event-handler", "images/hostile-handler.svg", None, "it holds onload="),
    Case(
        "svg-external-references",
        "images/hostile-external.svg",
        None,
        "it holds a reference to 'https://hostile.example/track.png' in href=",
    ),
    Case(
        "svg-foreign-object",
        "images/hostile-foreign.svg",
        None,
        "it holds <foreignobject>",
    ),
    Case(
        "svg-entities",
        "images/hostile-entity.svg",
        None,
        "it holds a DOCTYPE or ENTITY declaration",
    ),
    Case(
        "svg-animation-to-javascript",
        "images/hostile-animate.svg",
        None,
        "it holds <set> that changes href",
    ),
    Case("static-js", "images/hostile.js", None, _STATIC_ACTIVE.format(".js")),
    Case("static-mjs", "images/hostile.mjs", None, _STATIC_ACTIVE.format(".mjs")),
    Case(
        "static-html",
        "images/hostile-page.html",
        None,
        _STATIC_ACTIVE.format(".html"),
    ),
    Case("static-htm", "images/hostile-page.htm", None, _STATIC_ACTIVE.format(".htm")),
    Case(
        "static-xhtml",
        "images/hostile-page.xhtml",
        None,
        _STATIC_ACTIVE.format(".xhtml"),
    ),
)
STORIES = tuple(case for case in CASES if case.page is not None)
STATIC = tuple(case for case in CASES if case.page is None)


def build_red_team(output: Path, **settings: object) -> Build:
    """The corpus built with the site's own settings and theme, as
    ``make build`` would (``WOW_SANITIZE_HTML`` on), and ``settings``."""
    return build_like_the_site(
        CONTENT, output, WOW_STATIC_ACTIVE_FILES=ALLOWED, **settings
    )
