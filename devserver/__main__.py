"""``python -m devserver``: build, serve on localhost, rebuild on every save.

``invoke serve`` and ``make serve`` run this with the site's settings.
"""

from __future__ import annotations

import argparse
import logging
import os
import signal
import sys
import time
from pathlib import Path
from typing import Any

import watchfiles
from pelican.log import init as init_logging
from pelican.settings import read_settings
from pelican.utils import FileChangeFilter

from .http import ReloadHub, serve
from .incremental import BuildReport, Session

logger = logging.getLogger("devserver")


def parse_arguments(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m devserver",
        description="Build the site, serve it on localhost and rebuild on save.",
    )
    parser.add_argument("-s", "--settings", default="pelicanconf.py")
    parser.add_argument("--content", help="content folder (default: PATH setting)")
    parser.add_argument("-o", "--output", help="output folder (default: output)")
    parser.add_argument("-p", "--port", type=int, default=8000)
    parser.add_argument("-b", "--bind", default="127.0.0.1")
    return parser.parse_args(argv)


def load_settings(args: argparse.Namespace) -> dict[str, Any]:
    override: dict[str, Any] = {}
    if args.content:
        override["PATH"] = os.path.abspath(args.content)
    if args.output:
        override["OUTPUT_PATH"] = os.path.abspath(args.output)
    return read_settings(args.settings, override=override)


def say(text: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {text}", flush=True)


def describe(report: BuildReport) -> str:
    changed = ", ".join(report.changed[:3]) + (
        f" and {len(report.changed) - 3} more" if len(report.changed) > 3 else ""
    )
    what = {
        "full": "every page rendered",
        "bodies": "only pages that show the changed text rendered",
        "unchanged": "nothing to render",
        "plain": "a plain Pelican build",
    }.get(report.mode, report.mode)
    return (
        f"Built in {report.seconds:.2f} s ({what}"
        + (f"; changed: {changed}" if changed else "")
        + f"): {report.rendered} rendered, {report.written} written, "
        f"{report.deleted} deleted."
    )


def report_failure(report: BuildReport, hub: ReloadHub) -> None:
    say(
        f"Not published: the build has {len(report.errors)} "
        f"error{'s' if len(report.errors) != 1 else ''}; "
        "still serving the last good build."
    )
    for error in report.errors:
        print(f"  error: {error}", flush=True)
    hub.failed(report.errors)


def watched_paths(settings: dict[str, Any], settings_file: str) -> list[str]:
    paths = [settings["PATH"], settings["THEME"], settings_file]
    # Templates a plugin brings (the WoW fallback templates, for example).
    for module in settings.get("PLUGINS") or []:
        loaded = sys.modules.get(module)
        folder = Path(getattr(loaded, "__file__", None) or ".").parent / "templates"
        if loaded and folder.is_dir():
            paths.append(str(folder))
    return [os.path.abspath(p) for p in paths if p and os.path.exists(p)]


def _stop(*_: object) -> None:
    """SIGTERM (a test, a process manager) stops as cleanly as Ctrl-C."""
    raise KeyboardInterrupt


def main(argv: list[str] | None = None) -> int:
    args = parse_arguments(argv)
    init_logging(level=logging.WARNING)
    settings = load_settings(args)
    settings_file = os.path.abspath(args.settings)
    output = settings["OUTPUT_PATH"]

    signal.signal(signal.SIGTERM, _stop)

    session = Session(settings)
    hub = ReloadHub()
    session.on_publish.append(lambda report: hub.publish(session.generation))
    say("Building the site...")
    report = session.build()
    if report.published:
        say(describe(report))
        for error in report.errors:  # the first build publishes what it can
            print(f"  error: {error}", flush=True)
    else:
        report_failure(report, hub)
    server = serve(output, args.bind, args.port, hub)
    say(
        f"Serving http://{args.bind}:{args.port}/ : rebuilding on every save "
        "(Ctrl-C to stop)."
    )
    ignore = FileChangeFilter(
        ignore_file_patterns=settings.get("IGNORE_FILES", []),
        ignore_paths=[os.path.abspath(output)],
    )
    try:
        for changes in watchfiles.watch(
            *watched_paths(session.settings, settings_file),
            watch_filter=ignore,
            step=30,
            debounce=1000,
            raise_interrupt=True,
        ):
            if any(os.path.abspath(path) == settings_file for _, path in changes):
                say("Settings changed: restarting.")
                server.server_close()
                command = [sys.executable, "-m", "devserver", *sys.argv[1:]]
                os.execv(sys.executable, command)
            report = session.build()
            if report.published:
                say(describe(report))
            else:
                report_failure(report, hub)
    except KeyboardInterrupt:
        say("Stopped.")
    finally:
        hub.close()
        server.shutdown()
        session.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
