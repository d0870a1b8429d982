"""``python -m build plugins/wow_index`` gives a wheel and an sdist that
install into a clean virtualenv and build a site."""

from __future__ import annotations

import subprocess
import tarfile
import zipfile
from email.parser import Parser

import pytest
import tomllib
from bs4 import BeautifulSoup

import venvs
from sitebuild import write_settings

pytestmark = pytest.mark.venv

PACKAGE = "pelican/plugins/wow_index"
PROJECT = tomllib.loads((venvs.PLUGIN / "pyproject.toml").read_text("utf-8"))


def package_files() -> set[str]:
    """Every file of the package in the source tree, caches left out."""
    root = venvs.PLUGIN / PACKAGE
    return {
        f"{PACKAGE}/{path.relative_to(root).as_posix()}"
        for path in root.rglob("*")
        if path.is_file() and "__pycache__" not in path.parts
    }


def test_the_wheel_ships_every_package_file_and_the_licence(dist):
    names = set(zipfile.ZipFile(dist.wheel).namelist())
    expected = package_files()
    for data in [
        "templates/wow/index.html",
        "templates/wow/standalone.html",
        "index/vocabulary.json",
        "suggest/suggestion_model.json",
        "locale/pelican_wow_index.pot",
        "locale/fr/LC_MESSAGES/pelican_wow_index.mo",
        "py.typed",
    ]:
        assert f"{PACKAGE}/{data}" in expected, data
    assert {n for n in names if n.startswith(f"{PACKAGE}/")} == expected
    info = dist.wheel.name.split("-")[0] + "-" + PROJECT["project"]["version"]
    assert f"{info}.dist-info/licenses/LICENSE" in names


def test_the_wheel_metadata(dist):
    with zipfile.ZipFile(dist.wheel) as wheel:
        (name,) = [n for n in wheel.namelist() if n.endswith(".dist-info/METADATA")]
        metadata = Parser().parsestr(wheel.read(name).decode("utf-8"))
    assert metadata["Name"] == "pelican-wow-index"
    assert metadata["Version"] == PROJECT["project"]["version"]
    assert metadata["Requires-Python"] == ">=3.10"
    assert metadata["License-Expression"] == "MIT"
    assert metadata["Description-Content-Type"] == "text/markdown"
    assert "pelican>=4.9" in metadata.get_all("Requires-Dist")
    classifiers = metadata.get_all("Classifier")
    assert "Framework :: Pelican :: Plugins" in classifiers
    assert "Programming Language :: Python :: 3.10" in classifiers
    assert metadata.get_payload().startswith("# pelican-wow-index")


def test_the_sdist_has_the_package_the_readme_and_the_licence(dist):
    with tarfile.open(dist.sdist) as sdist:
        names = {name.split("/", 1)[1] for name in sdist.getnames() if "/" in name}
    assert package_files() <= names
    assert {"README.md", "LICENSE", "pyproject.toml", "babel.cfg"} <= names


def test_the_wheel_installs_into_a_clean_venv_and_builds_a_site(dist, tmp_path):
    python = venvs.create(tmp_path / "venv")
    venvs.pip_install(python, dist.wheel)
    where = venvs.run(
        [python, "-c", "import pelican.plugins.wow_index as p; print(p.__file__)"]
    )
    assert str(tmp_path / "venv") in where  # the installed copy, not the source
    content = tmp_path / "content"
    content.mkdir()
    (content / "counter.md").write_text(
        "Title: Served before the queue\nDate: 2026-04-01\n"
        "Touchpoint: shop\nVerdict: wow\nCompany: Corner Bakery\n\n"
        "The baker saw me waiting and served me first.\n",
        encoding="utf-8",
    )
    for lang, heading in [("en", "WoW index"), ("fr", "Index WoW")]:
        conf = write_settings(
            tmp_path / f"conf-{lang}.py",
            SITENAME="A tiny blog",
            DEFAULT_LANG=lang,
            TIMEZONE="UTC",
            PLUGINS=["pelican.plugins.wow_index"],
        )
        out = tmp_path / f"out-{lang}"
        result = subprocess.run(
            [python, "-m", "pelican", content, "-s", conf, "-o", out],
            capture_output=True,
            text=True,
            cwd=tmp_path,
        )
        assert result.returncode == 0, result.stdout + result.stderr
        index = BeautifulSoup(
            (out / "wow/index.html").read_text("utf-8"), "html.parser"
        )
        assert index.select_one(".wow-index h1").get_text() == heading
        row = index.find("th", string="In store").parent
        assert [td.get_text(strip=True) for td in row.find_all("td")] == [
            "1", "0", "0", "0", "1",
        ]  # fmt: skip
        assert (out / "wow/company/corner-bakery/index.html").is_file()
