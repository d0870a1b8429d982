"""Development settings for Outside In (``make serve`` / ``make build``)."""

AUTHOR = "Outside In"
SITENAME = "Outside In"
SITESUBTITLE = "Customer encounters, good and bad, told from the customer's side"
SITEURL = ""

PATH = "content"
ARTICLE_PATHS = ["stories", "essays"]
PAGE_PATHS = ["pages"]
STATIC_PATHS = ["images"]
THEME = "theme"

TIMEZONE = "UTC"
DEFAULT_LANG = "en"
DEFAULT_DATE_FORMAT = "%-d %B %Y"

ARTICLE_URL = "stories/{slug}/"
ARTICLE_SAVE_AS = "stories/{slug}/index.html"
PAGE_URL = "{slug}/"
PAGE_SAVE_AS = "{slug}/index.html"
CATEGORY_URL = "category/{slug}/"
CATEGORY_SAVE_AS = "category/{slug}/index.html"
TAG_URL = "tag/{slug}/"
TAG_SAVE_AS = "tag/{slug}/index.html"
AUTHOR_URL = "author/{slug}/"
AUTHOR_SAVE_AS = "author/{slug}/index.html"
ARCHIVES_SAVE_AS = "archives/index.html"
ARCHIVES_URL = "archives/"
CATEGORIES_SAVE_AS = "categories/index.html"
CATEGORIES_URL = "categories/"
TAGS_SAVE_AS = "tags/index.html"
TAGS_URL = "tags/"
AUTHORS_SAVE_AS = "authors/index.html"
AUTHORS_URL = "authors/"
YEAR_ARCHIVE_SAVE_AS = "archives/{date:%Y}/index.html"
YEAR_ARCHIVE_URL = "archives/{date:%Y}/"
MONTH_ARCHIVE_SAVE_AS = ""
DAY_ARCHIVE_SAVE_AS = ""

# Pages the theme renders once each: the search page (Pagefind indexes the
# built site afterwards, see tasks.py), a 404 page, sitemap.xml and
# robots.txt (templates named sitemap.xml and robots.txt in theme/templates).
DIRECT_TEMPLATES = [
    "index", "tags", "categories", "authors", "archives",
    "search", "404", "sitemap", "robots",
]  # fmt: skip
TEMPLATE_EXTENSIONS = [".html", ".xml", ".txt"]
SEARCH_SAVE_AS = "search/index.html"
SEARCH_URL = "search/"
SITEMAP_SAVE_AS = "sitemap.xml"
ROBOTS_SAVE_AS = "robots.txt"

DEFAULT_PAGINATION = 10
RELATIVE_URLS = True

# Feeds: the whole site and (from the plugin) one per touchpoint and verdict.
FEED_ALL_ATOM = "feeds/all.atom.xml"
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None

PLUGINS = ["pelican.plugins.wow_index"]
# No writer's HTML may carry script or break the page around it.
WOW_SANITIZE_HTML = True
# The speed-ups (worker processes, WoW pages rendered ahead): the plugin
# README says what they do, what they cost and what they rely on.
WOW_SPEEDUPS = True

# Our templates escape by default; only rendered content is marked safe.
JINJA_ENVIRONMENT = {
    "autoescape": True,
    "trim_blocks": True,
    "lstrip_blocks": True,
}

# attr_list (inside "extra") marks moments; toc gives headings the ids
# that a story's journey strip links to.
MARKDOWN = {
    "extension_configs": {
        "markdown.extensions.extra": {},
        "markdown.extensions.toc": {},
        "markdown.extensions.meta": {},
    },
    "output_format": "html5",
}

DISPLAY_PAGES_ON_MENU = True
DISPLAY_CATEGORIES_ON_MENU = False
