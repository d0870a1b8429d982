"""An old blog into this site, as a writer does it: ``invoke import``, then
``invoke check``, ``invoke suggest --apply --yes`` and ``invoke build``, in
a copy of the site. Every published post is on the site once, with its own
date and its paragraphs; drafts are not published."""

from __future__ import annotations

import re

from bs4 import BeautifulSoup

from commands import invoke
from servesite import copy_site
from sitebuild import FIXTURES

SHAPES = FIXTURES / "import-shapes"
PUBLISHED = {
    # slug: (date the old blog gave it, paragraphs at least)
    # Imported first, from the classic export; the block export's post of
    # the same title comes second and gets its date in its name.
    "twenty-minutes-at-the-returns-desk": ("2015-03-04T10:20:00", 6),
    "twenty-minutes-at-the-returns-desk-2019-04-02": ("2019-04-02T09:45:00", 3),
    "a-queue-that-moved": ("2014-02-11T19:05:00", 2),
}
DRAFTS = ("the-pelican-on-the-quay", "what-the-landlord-said")


def test_import_check_suggest_build_publishes_every_post_once(tmp_path):
    site = copy_site(tmp_path / "site")
    stories = site / "content" / "stories"
    before = {p.name for p in stories.glob("*.md")}
    for export in ("classic.xml", "block.xml"):
        result = invoke("import", str(SHAPES / export), cwd=site)
        assert result.code == 0, result.err
        assert "warning" not in result.err
    new = {p.name for p in stories.glob("*.md")} - before
    assert len(new) == 9, new
    check = invoke("check", cwd=site)
    assert check.code == 0, check.out + check.err
    applied = invoke("suggest", "--apply", "--yes", cwd=site)
    assert applied.code == 0, applied.err
    assert "wrote Touchpoint:" in applied.out
    build = invoke("build", cwd=site)
    assert build.code == 0, build.err
    output = site / "output"

    untitled = sorted(n[:-3] for n in new if n.startswith("untitled-"))
    assert len(untitled) == 3
    for slug in [*PUBLISHED, *untitled]:
        page = output / "stories" / slug / "index.html"
        assert page.exists(), slug
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        date, paragraphs = PUBLISHED.get(slug, (slug[9:19], 1))
        assert soup.find("time")["datetime"].startswith(date), slug
        body = soup.find(attrs={"data-pagefind-body": True}) or soup.find("article")
        assert len(body.find_all("p")) >= paragraphs, slug
    for slug in DRAFTS:
        assert not (output / "stories" / slug).exists()
    archives = (output / "archives" / "index.html").read_text(encoding="utf-8")
    for slug in [*PUBLISHED, *untitled]:
        assert len(re.findall(rf'href="[^"]*stories/{slug}/"', archives)) == 1, slug
    assert not (output / "archives" / "1970").exists()
    assert "1970" not in archives
