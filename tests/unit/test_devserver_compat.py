"""What the dev server relies on in Pelican's private code, checked against the
running Pelican (this file also runs with the oldest Pelican the plugin
supports, ``tests/plugin/test_compat.py``), and the plain builds it falls
back to when any of it is missing."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pelican
import pytest
from pelican.writers import Writer

from devserver import pelican_compat
from otherblog import BLOG, BLOG_SETTINGS, output_files
from sitebuild import ROOT, build_site, fixture_settings, write_settings


@pytest.mark.parametrize(
    "reliance", pelican_compat.RELIED_ON, ids=lambda r: r.what.split("(")[0]
)
def test_this_pelican_has_what_the_dev_server_relies_on(reliance):
    assert reliance.check(), f"Pelican {pelican.__version__}: {reliance.what}"


def test_a_changed_signature_is_a_mismatch(monkeypatch):
    assert pelican_compat.mismatches() == []

    def _open_w(self, filename, encoding, override=False, mode="w"):  # one more
        raise AssertionError("never called")

    monkeypatch.setattr(Writer, "_open_w", _open_w)
    assert pelican_compat.mismatches() == [
        "pelican.writers.Writer._open_w(self, filename, encoding, override), "
        "used by write_feed"
    ]


# A dev-server session in its own process (it connects Pelican's signals and
# the plugin's): builds, a body edit, a build again. With FAKE, the running
# Pelican seems to lack one name the speed-ups rely on.
SESSION = textwrap.dedent(
    """
    import json, logging, shutil, sys
    from pathlib import Path

    import pelican.generators
    from pelican.contents import Content
    from pelican.settings import read_settings

    from devserver import pelican_compat

    conf, content, output, first_copy, story, fake = sys.argv[1:7]
    if fake == "fake":
        pelican_compat.RELIED_ON += (
            pelican_compat.Reliance(
                "pelican.writers.Writer._a_name_this_pelican_dropped",
                lambda: False,
            ),
        )
    from devserver.incremental import Session

    said = []

    class Said(logging.Handler):
        def emit(self, record):
            said.append((record.name, record.getMessage()))

    logging.getLogger().addHandler(Said(logging.WARNING))
    settings = read_settings(conf, override={"PATH": content, "OUTPUT_PATH": output})
    session = Session(settings)
    hooks = {
        "content": type(Content.__dict__["get_content"]).__name__,
        "translations": hasattr(pelican.generators.process_translations,
                                "__wrapped__"),
    }
    reports = [session.build()]
    shutil.copytree(output, first_copy)
    path = Path(story)
    path.write_text(path.read_text("utf-8") + "\\nA sentence added later.\\n",
                    "utf-8")
    reports.append(session.build())
    session.close()
    print(json.dumps({
        "reports": [[r.published, r.mode, r.errors] for r in reports],
        "said": [message for name, message in said if name == "devserver"],
        "hooks": hooks,
    }))
    """
)


def run_session(
    tmp_path: Path, fake: bool, **extra: object
) -> tuple[dict, Path, Path, Path]:
    """Serve-build a copy of the fixture blog twice (before and after a body
    edit); returns what happened, both outputs, and the edited content."""
    content = tmp_path / "content"
    shutil.copytree(BLOG, content)
    settings = fixture_settings(
        **BLOG_SETTINGS, YEAR_ARCHIVE_SAVE_AS="posts/{date:%Y}/index.html", **extra
    )
    conf = write_settings(tmp_path / "conf.py", **settings)
    output, first = tmp_path / "output", tmp_path / "first"
    story = content / "errands" / "bakery-queue.md"
    mode = "fake" if fake else "real"
    result = subprocess.run(
        [sys.executable, "-c", SESSION, conf, content, output, first, story, mode],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return json.loads(result.stdout.splitlines()[-1]), first, output, content


def clean(content: Path, output: Path, **extra: object) -> dict[str, bytes]:
    settings = {
        **BLOG_SETTINGS,
        "YEAR_ARCHIVE_SAVE_AS": "posts/{date:%Y}/index.html",
        **extra,
    }
    build = build_site(content, output, **settings)
    assert build.returncode == 0, build.log
    return output_files(output)


@pytest.mark.parametrize("fake", [False, True], ids=["speedups", "mismatch"])
def test_the_served_site_equals_a_clean_build_with_or_without_speedups(tmp_path, fake):
    pristine = clean(BLOG, tmp_path / "clean-before")
    ran, first, second, edited = run_session(tmp_path / "session", fake)
    assert output_files(first) == pristine
    assert output_files(second) == clean(edited, tmp_path / "clean-after")
    assert b"A sentence added later." in (second / "baker-remembered.html").read_bytes()
    modes = [mode for _, mode, _ in ran["reports"]]
    assert [published for published, _, _ in ran["reports"]] == [True, True]
    if fake:
        # One warning, naming the Pelican and what it lacks; plain builds,
        # and nothing of Pelican's replaced.
        (warning,) = ran["said"]
        assert f"Pelican {pelican.__version__} does not have" in warning
        assert "Writer._a_name_this_pelican_dropped" in warning
        assert "plain, full Pelican build" in warning
        assert modes == ["plain", "plain"]
        assert ran["hooks"] == {"content": "memoized", "translations": False}
    else:
        assert ran["said"] == []
        assert modes == ["full", "bodies"]
        assert ran["hooks"] == {"content": "function", "translations": True}


def test_with_sanitising_a_body_edit_renders_only_the_pages_that_show_it(tmp_path):
    """The safe link rewrite marks the cleaned text itself, not the story:
    an edit to a body is still a body edit, not a new card."""
    ran, _, second, edited = run_session(
        tmp_path / "session", False, WOW_SANITIZE_HTML=True
    )
    assert [mode for _, mode, _ in ran["reports"]] == ["full", "bodies"]
    assert output_files(second) == clean(
        edited, tmp_path / "clean-after", WOW_SANITIZE_HTML=True
    )
